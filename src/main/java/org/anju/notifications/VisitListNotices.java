package org.anju.notifications;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import org.anju.care.VisitListAssigned;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A grid worker given people to visit hears of it in their inbox: the list, how many new
 * people are theirs and by when, in Chinese as the inbox keeps its titles. Each is told
 * once per generation of the list, however often the event comes.
 */
@Component
class VisitListNotices {

	private final Notifications notifications;

	private final InboxStreams streams;

	private final Clock clock;

	private final MessageSource messages;

	VisitListNotices(Notifications notifications, InboxStreams streams, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.notifications = notifications;
		this.streams = streams;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void assigned(VisitListAssigned assigned) {
		String period = assigned.periodStart().equals(assigned.periodEnd()) ? assigned.periodStart().toString()
				: assigned.periodStart() + " – " + assigned.periodEnd();
		String rule = this.messages.getMessage("care.visit.rule." + assigned.rule().name(), null,
				assigned.rule().name(), Locale.SIMPLIFIED_CHINESE);
		String number = rule + " " + period;
		for (Map.Entry<Long, Integer> worker : assigned.assigned().entrySet()) {
			String title = worker.getValue() + " 人 · 截止 " + assigned.dueDate();
			this.notifications
				.add(assigned.community(), worker.getKey(), NotificationKind.VISIT_LIST_ASSIGNED,
						Notification.Subject.VISIT_LIST, assigned.listId(), number, title, assigned.occurrence(),
						this.clock.instant())
				.ifPresent((created) -> this.streams.tellAfterCommit(assigned.community(), worker.getKey(), created));
		}
	}

}
