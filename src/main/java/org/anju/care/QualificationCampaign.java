package org.anju.care;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A year's pension qualification check (资格认证) over the retirees registered when it
 * opened. {@code dueAt} is the end of the deadline day; once it passed, {@code missedAt}
 * says when the unchecked were flagged and reminded, and {@code missed} how many.
 * {@code checked} and {@code subjects} count within the caller's grids.
 */
public record QualificationCampaign(long id, int year, String title, LocalDate deadline, Instant dueAt, long subjects,
		long checked, @Nullable Instant missedAt, @Nullable Integer missed, String openedBy, Instant openedAt,
		long version) {
}
