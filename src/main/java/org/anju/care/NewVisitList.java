package org.anju.care;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What generating a visit list takes: a rule, and a {@code year} for a festival (its
 * list's period is the festival's day) or the period {@code from}–{@code to} for the
 * other rules. {@code dueDate}, by when every entry should be visited, defaults to the
 * festival's day or the period's last day.
 */
public record NewVisitList(@Nullable VisitListRule rule, @Nullable Integer year, @Nullable LocalDate from,
		@Nullable LocalDate to, @Nullable LocalDate dueDate) {
}
