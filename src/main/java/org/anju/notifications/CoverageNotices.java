package org.anju.notifications;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import org.anju.duty.CoverageGapOpened;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A gap the coverage check found is a task for the administrators and the leaders: each
 * of them is told once per gap, however often the event comes.
 */
@Component
class CoverageNotices {

	private final Notifications notifications;

	private final InboxStreams streams;

	private final UserManagement users;

	private final Clock clock;

	CoverageNotices(Notifications notifications, InboxStreams streams, UserManagement users, Clock clock) {
		this.notifications = notifications;
		this.streams = streams;
		this.users = users;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void opened(CoverageGapOpened gap) {
		Set<Long> recipients = new LinkedHashSet<>(this.users.enabledIds(gap.community(), Role.ADMIN, null));
		recipients.addAll(this.users.enabledIds(gap.community(), Role.LEADER, null));
		String number = gap.subjectType() + " " + gap.subjectKey();
		String title = gap.subjectName() + " · " + gap.level() + " · " + gap.reason();
		for (Long recipient : recipients) {
			this.notifications
				.add(gap.community(), recipient, NotificationKind.COVERAGE_GAP, Notification.Subject.COVERAGE_GAP,
						gap.gapId(), number, title, 0, this.clock.instant())
				.ifPresent((created) -> this.streams.tellAfterCommit(gap.community(), recipient, created));
		}
	}

}
