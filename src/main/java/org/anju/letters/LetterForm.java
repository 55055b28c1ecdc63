package org.anju.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a new letter says, as the caller sent it: every part is checked and each broken
 * rule named by its field.
 *
 * @param year the calendar year the letter runs for, when {@code from} and {@code to} are
 * not given
 */
record LetterForm(@Nullable String title, @Nullable Long issuerUnitId, @Nullable Long recipientUnitId,
		@Nullable Long recipientPostId, @Nullable Integer year, @Nullable LocalDate from, @Nullable LocalDate to,
		@Nullable List<TargetForm> targets) {

	/**
	 * A target as sent.
	 *
	 * @param kind {@code SCORED} (the default), {@code BONUS} or {@code VETO}
	 */
	record TargetForm(@Nullable String metric, @Nullable String kind, @Nullable BigDecimal threshold,
			@Nullable BigDecimal points, @Nullable BigDecimal deduction) {
	}

}
