package org.anju.notifications;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.anju.plans.IncidentReportOverdue;
import org.anju.plans.IncidentTaskOverdue;
import org.anju.shared.CommunityId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An incident's overdue timers reach the people who answer for them: an overdue task its
 * role's holder and the commander, an overdue report the reporting holder and the
 * commander. Each is told once per task or report, however often the event comes.
 */
@Component
class PlanNotices {

	/** The due time as the community reads it; a title is text, kept as it was told. */
	private static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final Notifications notifications;

	private final InboxStreams streams;

	private final Clock clock;

	PlanNotices(Notifications notifications, InboxStreams streams, Clock clock) {
		this.notifications = notifications;
		this.streams = streams;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void taskOverdue(IncidentTaskOverdue overdue) {
		tell(overdue.community(), overdue.recipients(), NotificationKind.PLAN_TASK_OVERDUE, overdue.incidentId(),
				number(overdue.planName(), overdue.drill()), overdue.title() + " · " + SHANGHAI.format(overdue.dueAt()),
				overdue.taskId());
	}

	@ApplicationModuleListener
	void reportOverdue(IncidentReportOverdue overdue) {
		tell(overdue.community(), overdue.recipients(), NotificationKind.PLAN_REPORT_OVERDUE, overdue.incidentId(),
				number(overdue.planName(), overdue.drill()), overdue.title() + " · " + SHANGHAI.format(overdue.dueAt()),
				overdue.reportId());
	}

	/**
	 * A drill says so, so that nobody takes it for the real thing.
	 */
	private static String number(String planName, boolean drill) {
		return drill ? "【演练】" + planName : planName;
	}

	private void tell(CommunityId community, List<Long> recipients, NotificationKind kind, long incidentId,
			String number, String title, long occurrence) {
		for (Long recipient : recipients) {
			this.notifications
				.add(community, recipient, kind, Notification.Subject.INCIDENT, incidentId, number, title, occurrence,
						this.clock.instant())
				.ifPresent((created) -> this.streams.tellAfterCommit(community, recipient, created));
		}
	}

}
