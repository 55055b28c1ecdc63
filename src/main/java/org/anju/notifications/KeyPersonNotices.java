package org.anju.notifications;

import java.time.Clock;

import org.anju.stability.KeyPersonContactMissed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A key person's missed contact reaches the staff member responsible for them, once per
 * key person and due day, however often the event comes.
 */
@Component
class KeyPersonNotices {

	private final Notifications notifications;

	private final InboxStreams streams;

	private final Clock clock;

	KeyPersonNotices(Notifications notifications, InboxStreams streams, Clock clock) {
		this.notifications = notifications;
		this.streams = streams;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void missed(KeyPersonContactMissed missed) {
		this.notifications
			.add(missed.community(), missed.responsibleUserId(), NotificationKind.KEY_PERSON_CONTACT_MISSED,
					Notification.Subject.KEY_PERSON, missed.keyPersonId(), missed.dueDate().toString(),
					missed.personName(), missed.dueDate().toEpochDay(), this.clock.instant())
			.ifPresent(
					(created) -> this.streams.tellAfterCommit(missed.community(), missed.responsibleUserId(), created));
	}

}
