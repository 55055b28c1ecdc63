package org.anju.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.anju.appeals.AppealChanged;
import org.anju.appeals.AppealHeadline;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealPlaces;
import org.anju.appeals.AppealState;
import org.anju.appeals.AppealSubmitted;
import org.anju.appeals.Routing;
import org.anju.duty.Responsibilities;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.platform.LogMask;
import org.anju.shared.CommunityId;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells staff of the appeal steps that concern them, in the listener's own transaction
 * after the step committed. Who hears of what:
 * <ul>
 * <li>the handler, of an appeal assigned, transferred, reopened (also by a dissatisfied
 * callback) or urged: the assigned person if there is one, otherwise the staff of the
 * appeal's department, otherwise, while it waits in the dispatch queue, the staff of the
 * general office (综合办), who dispatch;</li>
 * <li>the dispatchers (the general office's staff), of an appeal returned to them;</li>
 * <li>the handler and the head of the department (部门负责人, {@link Departments#head}), of an
 * appeal nearly due, and whoever the responsibility matrix names for the appeal's grid
 * (its grid worker and area head; for an appeal with no grid, its area's);</li>
 * <li>the handler, the head of the department and the leaders, of an appeal overdue: it
 * is on the leaders' supervision list from then on; and the matrix's people for the grid
 * and for the area, so the escalation climbs to the area's levels too.</li>
 * </ul>
 * Where the matrix names nobody the escalation goes to the handler, head and leaders
 * alone. Recipients are accounts of the appeal's community, enabled; each hears of one
 * step once. A step is named by the appeal and its version after the step, so an event
 * delivered twice (republished after a restart, or seen by two nodes) adds nothing.
 */
@Component
class AppealNotices {

	private final Notifications notifications;

	private final InboxStreams streams;

	private final AppealManagement appeals;

	private final UserManagement users;

	private final Departments departments;

	private final AppealPlaces places;

	private final Responsibilities matrix;

	private final Clock clock;

	AppealNotices(Notifications notifications, InboxStreams streams, AppealManagement appeals, UserManagement users,
			Departments departments, AppealPlaces places, Responsibilities matrix, Clock clock) {
		this.notifications = notifications;
		this.streams = streams;
		this.appeals = appeals;
		this.users = users;
		this.departments = departments;
		this.places = places;
		this.matrix = matrix;
		this.clock = clock;
	}

	@ApplicationModuleListener(condition = "#submitted.routing() != null")
	void on(AppealSubmitted submitted) {
		AppealChanged routing = submitted.routing();
		if (routing != null) {
			on(routing);
		}
	}

	@ApplicationModuleListener
	void on(AppealChanged changed) {
		Optional<NotificationKind> kind = kind(changed);
		if (kind.isEmpty()) {
			return;
		}
		Set<Long> recipients = recipients(changed, kind.get());
		Optional<AppealHeadline> headline = this.appeals.headline(changed.community(), changed.appealId());
		if (recipients.isEmpty() || headline.isEmpty()) {
			return;
		}
		String title = LogMask.apply(headline.get().title());
		Instant now = this.clock.instant();
		for (Long recipient : recipients) {
			this.notifications
				.add(changed.community(), recipient, kind.get(), Notification.Subject.APPEAL, changed.appealId(),
						headline.get().number(), title, changed.version(), now)
				.ifPresent((created) -> this.streams.tellAfterCommit(changed.community(), recipient, created));
		}
	}

	/**
	 * @return what the step means to those who hear of it, or empty for a step nobody is
	 * told of, such as a note
	 */
	static Optional<NotificationKind> kind(AppealChanged changed) {
		return Optional.ofNullable(switch (changed.action()) {
			case "assign" -> NotificationKind.ASSIGNED;
			case "transfer" -> NotificationKind.TRANSFERRED;
			case "return" -> NotificationKind.RETURNED;
			case "reopen" -> NotificationKind.REOPENED;
			// a dissatisfied callback sends the appeal back to its department
			case "callback" -> (changed.state() == AppealState.ASSIGNED) ? NotificationKind.REOPENED : null;
			case "urge" -> NotificationKind.URGED;
			case "nearly-due" -> NotificationKind.NEARLY_DUE;
			case "overdue" -> NotificationKind.OVERDUE;
			default -> null;
		});
	}

	private Set<Long> recipients(AppealChanged changed, NotificationKind kind) {
		CommunityId community = changed.community();
		Set<Long> recipients = new LinkedHashSet<>(handlers(changed));
		if (kind == NotificationKind.NEARLY_DUE || kind == NotificationKind.OVERDUE) {
			this.departments.head(community, department(changed)).ifPresent(recipients::add);
		}
		if (kind == NotificationKind.OVERDUE) {
			recipients.addAll(this.users.enabledIds(community, Role.LEADER, null));
		}
		if (kind == NotificationKind.NEARLY_DUE || kind == NotificationKind.OVERDUE) {
			recipients.addAll(answerable(changed, kind));
		}
		return recipients;
	}

	/**
	 * @return whom the responsibility matrix names for where the appeal lies, enabled
	 * accounts only: for nearly due the grid's people (the area's when it has no grid),
	 * for overdue the grid's and the area's
	 */
	private Set<Long> answerable(AppealChanged changed, NotificationKind kind) {
		Set<Long> holders = new LinkedHashSet<>();
		this.places.locationOf(changed.community(), changed.appealId()).ifPresent((location) -> {
			if (location.gridId() != null) {
				holders.addAll(this.matrix.holders(changed.community(), "GRID", location.gridId()));
			}
			boolean areaToo = kind == NotificationKind.OVERDUE || location.gridId() == null;
			if (areaToo && location.areaId() != null) {
				holders.addAll(this.matrix.holders(changed.community(), "AREA", location.areaId()));
			}
		});
		return holders;
	}

	private Set<Long> handlers(AppealChanged changed) {
		if (changed.assigneeId() != null) {
			return Set.of(changed.assigneeId());
		}
		return new LinkedHashSet<>(
				this.users.enabledIds(changed.community(), Role.DEPARTMENT_STAFF, department(changed)));
	}

	/**
	 * @return the appeal's department, or the general office while it waits for dispatch
	 */
	private static String department(AppealChanged changed) {
		return (changed.departmentCode() != null) ? changed.departmentCode() : Routing.DISPATCH_DEPARTMENT;
	}

}
