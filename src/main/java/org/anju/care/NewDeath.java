package org.anju.care;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What registering a death takes: who died and when, and who told us.
 */
public record NewDeath(@Nullable Long personId, @Nullable LocalDate diedOn, @Nullable String informant,
		@Nullable String informantRelation, @Nullable String note) {
}
