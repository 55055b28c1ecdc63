package org.anju.stability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A screening round (排查) and each grid's report in it, as far as the caller reaches: a
 * grid worker sees only their own grids. A round is due at the end of its
 * {@code deadline} day.
 *
 * @param period {@code 2026-11} for a monthly round, {@code 2026-W48} for a weekly one
 */
public record ScreeningRound(long id, String period, LocalDate opensOn, LocalDate deadline, Instant openedAt,
		int reported, int late, List<GridReport> grids) {

	/**
	 * One grid's duty in the round.
	 *
	 * @param late whether it reported after the deadline, or has not reported and the
	 * deadline has passed
	 * @param escalatedAt when its lateness went to the area head
	 */
	public record GridReport(long gridId, @Nullable String gridName, @Nullable Long areaId,
			@Nullable Instant reportedAt, @Nullable String reportedBy, boolean zeroReport, int findings, boolean late,
			@Nullable Instant remindedAt, @Nullable Instant escalatedAt) {
	}

}
