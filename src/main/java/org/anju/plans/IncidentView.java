package org.anju.plans;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An incident or drill as read (API.md's Incident, with more fields).
 *
 * @param planVersion the plan version that was activated
 * @param level the response level, {@code I} to {@code IV}
 * @param state {@code ACTIVE} or {@code CLOSED}
 * @param version the ETag: every accepted change increments it
 */
public record IncidentView(long id, long planId, String planName, int planVersion, String level, boolean drill,
		@Nullable Long warningId, String state, Instant activatedAt, long activatedBy, @Nullable Instant closedAt,
		@Nullable String review, long version, List<RoleHolder> roles, List<Task> tasks, List<Report> reports,
		List<Entry> timeline) {

	/**
	 * @return whether the incident still runs: not closed
	 */
	public boolean active() {
		return "ACTIVE".equals(this.state);
	}

	/**
	 * @return the account holding the role, if the incident has it
	 */
	public Optional<Long> holder(PlanRole role) {
		return this.roles.stream().filter((r) -> r.role() == role).map(RoleHolder::userId).findFirst();
	}

	/**
	 * @return whether the account holds the role in this incident
	 */
	public boolean holds(long userId, PlanRole role) {
		return holder(role).filter((holder) -> holder == userId).isPresent();
	}

	/**
	 * @return whether the account holds any role in this incident
	 */
	public boolean involves(long userId) {
		return this.roles.stream().anyMatch((r) -> r.userId() == userId);
	}

	/**
	 * @return whether the final report is filed, which closing needs
	 */
	public boolean finalFiled() {
		return this.reports.stream().anyMatch((r) -> r.kind() == ReportKind.FINAL && r.filedAt() != null);
	}

	/**
	 * Who holds a role in the incident.
	 */
	public record RoleHolder(PlanRole role, long userId, String userName) {
	}

	/**
	 * A task from the plan's checklist.
	 *
	 * @param overdue whether it was, or is still, undone past its due time
	 */
	public record Task(long id, PlanRole role, String title, Instant dueAt, @Nullable Instant doneAt,
			@Nullable Long doneBy, boolean overdue) {
	}

	/**
	 * An information report, due or filed.
	 */
	public record Report(long id, ReportKind kind, Instant dueAt, @Nullable Instant filedAt, @Nullable Long filedBy,
			@Nullable String text, boolean overdue) {
	}

	/**
	 * A line of the timeline log.
	 */
	public record Entry(Instant at, String actor, String action, @Nullable String note) {
	}

}
