package org.anju.notifications;

import java.time.Clock;
import java.util.List;

import org.anju.shared.CommunityId;
import org.anju.stability.WarningAckOverdue;
import org.anju.stability.WarningLevel;
import org.anju.stability.WarningRaised;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Early warnings reach the people responsible for them: a raised warning, and each rise
 * of its level, goes to its responsible people; an acknowledgement that is overdue goes
 * to them and the leaders, once per warning.
 */
@Component
class WarningNotices {

	/** An overdue acknowledgement is told once; a rise is told once per version. */
	private static final long ACK_OVERDUE_OCCURRENCE = -1;

	private final Notifications notifications;

	private final InboxStreams streams;

	private final Clock clock;

	WarningNotices(Notifications notifications, InboxStreams streams, Clock clock) {
		this.notifications = notifications;
		this.streams = streams;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void raised(WarningRaised raised) {
		tell(raised.community(), raised.responsibleUserIds(), NotificationKind.WARNING_RAISED, raised.warningId(),
				raised.level(), raised.subjectType(), raised.subjectId(), raised.version());
	}

	@ApplicationModuleListener
	void overdue(WarningAckOverdue overdue) {
		tell(overdue.community(), overdue.recipients(), NotificationKind.WARNING_ACK_OVERDUE, overdue.warningId(),
				overdue.level(), overdue.subjectType(), overdue.subjectId(), ACK_OVERDUE_OCCURRENCE);
	}

	private void tell(CommunityId community, List<Long> recipients, NotificationKind kind, long warningId,
			WarningLevel level, String subjectType, String subjectId, long occurrence) {
		String number = level.name() + " #" + warningId;
		String title = subjectType + " " + subjectId;
		for (Long recipient : recipients) {
			this.notifications
				.add(community, recipient, kind, Notification.Subject.WARNING, warningId, number, title, occurrence,
						this.clock.instant())
				.ifPresent((created) -> this.streams.tellAfterCommit(community, recipient, created));
		}
	}

}
