package org.anju.stability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A warning as the API and the console show it.
 *
 * @param subjectId a number, or an interest group's code
 * @param reasons the contributions of the subject's score when the warning was raised or
 * last rose
 * @param timeline empty in lists
 */
public record WarningView(long id, String subjectType, Object subjectId, @Nullable Long gridId, WarningLevel level,
		BigDecimal score, List<Contribution> reasons, Instant raisedAt, Instant ackDueAt,
		@Nullable Instant acknowledgedAt, WarningState state, List<Long> responsibleUserIds,
		@Nullable Disposition disposition, @Nullable String closeNote, @Nullable Instant closedAt, int modelVersion,
		long version, List<Step> timeline) {

	/**
	 * @return whether the acknowledgement is late at {@code now}
	 */
	public boolean ackOverdue(Instant now) {
		return this.state == WarningState.OPEN && this.ackDueAt.isBefore(now);
	}

	/**
	 * One entry of a warning's timeline: raise, relevel, ack-overdue, acknowledge or
	 * close.
	 */
	public record Step(Instant at, String actor, String action, @Nullable WarningLevel level,
			@Nullable BigDecimal score, @Nullable String note) {
	}

}
