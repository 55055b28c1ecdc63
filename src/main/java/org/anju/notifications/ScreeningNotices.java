package org.anju.notifications;

import java.time.Clock;
import java.util.List;

import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.stability.ScreeningGridLate;
import org.anju.stability.ScreeningReportDue;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The screening round's reminders reach the people who owe the report: on the deadline
 * day, the grid workers of a grid that has not reported; once the deadline has passed,
 * the leaders, as the area's head until the responsibility matrix names one. Each is told
 * once per round and grid, however often the event comes.
 */
@Component
class ScreeningNotices {

	private final Notifications notifications;

	private final InboxStreams streams;

	private final UserManagement users;

	private final PlaceManagement places;

	private final Clock clock;

	ScreeningNotices(Notifications notifications, InboxStreams streams, UserManagement users, PlaceManagement places,
			Clock clock) {
		this.notifications = notifications;
		this.streams = streams;
		this.users = users;
		this.places = places;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void due(ScreeningReportDue due) {
		tell(due.community(), this.users.gridWorkerIds(due.community(), due.gridId()), NotificationKind.SCREENING_DUE,
				due.roundId(), due.period(), due.gridId(), due.deadline().toString());
	}

	@ApplicationModuleListener
	void late(ScreeningGridLate late) {
		tell(late.community(), this.users.enabledIds(late.community(), Role.LEADER, null),
				NotificationKind.SCREENING_LATE, late.roundId(), late.period(), late.gridId(),
				late.deadline().toString());
	}

	private String area(CommunityId community, Place grid) {
		Long areaId = grid.areaId();
		return (areaId == null) ? "" : this.places.find(community, areaId).map((area) -> area.name() + " ").orElse("");
	}

	private void tell(CommunityId community, List<Long> recipients, NotificationKind kind, long roundId, String period,
			long gridId, String deadline) {
		String grid = this.places.find(community, gridId)
			.map((place) -> area(community, place) + place.name())
			.orElse("#" + gridId);
		String title = grid + " · " + deadline;
		for (Long recipient : recipients) {
			this.notifications
				.add(community, recipient, kind, Notification.Subject.SCREENING_ROUND, roundId, period, title, gridId,
						this.clock.instant())
				.ifPresent((created) -> this.streams.tellAfterCommit(community, recipient, created));
		}
	}

}
