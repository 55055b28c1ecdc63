package org.anju.letters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A metric's figure over a territory and period, with the rows that miss it.
 *
 * @param value the percentage (0 to 100, one decimal) of a rate, or the count;
 * {@literal null} for a rate with nothing to count
 * @param good the rows that meet the standard (for a rate)
 * @param total the rows counted
 * @param evidence the rows that miss the standard, or that a count counts, each with its
 * console page; up to 50
 */
record Figure(@Nullable BigDecimal value, int good, int total, List<Evidence> evidence) {

	Figure {
		evidence = List.copyOf(evidence);
	}

	/**
	 * @return {@code good} of {@code total} as a percentage, {@literal null} for none
	 */
	static Figure rate(int good, int total, List<Evidence> misses) {
		BigDecimal value = (total == 0) ? null
				: BigDecimal.valueOf(good).movePointRight(2).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP);
		return new Figure(value, good, total, misses);
	}

	static Figure count(int count, List<Evidence> counted) {
		return new Figure(BigDecimal.valueOf(count), 0, count, counted);
	}

	/**
	 * A row behind a figure.
	 *
	 * @param type {@code APPEAL}, {@code CONFLICT}, {@code SCREENING_ROUND} or
	 * {@code WARNING}
	 * @param link the row's console page
	 */
	record Evidence(String type, long id, String link) {

		static List<Evidence> appeals(List<Long> ids) {
			return ids.stream().map((id) -> new Evidence("APPEAL", id, "/appeals/" + id)).toList();
		}

	}

}
