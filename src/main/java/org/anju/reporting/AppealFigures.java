package org.anju.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The service loop in figures over a span of receipt days, as the ledger's statistics
 * define them: 受理量 {@code received}; 按期办结率 {@code onTimeRate} =
 * {@code resolvedOnTime / resolved}; 满意率 {@code satisfactionRate} =
 * {@code satisfied / rated}. Rates are 0 to 1 with four decimals, {@literal null} when
 * nothing was counted below the line. {@code today} and {@code thisMonth} are the appeals
 * received today and this month so far, whatever the span.
 *
 * @param overdue appeals of the span whose deadline passed while they were open
 * @param trend one entry per day of the span
 */
record AppealFigures(long received, long resolved, long resolvedOnTime, @Nullable BigDecimal onTimeRate, long rated,
		long satisfied, @Nullable BigDecimal satisfactionRate, long overdue, long today, long thisMonth,
		List<Day> trend, List<Bucket> byCategory, List<Bucket> byDepartment, List<Bucket> byInterestGroup,
		List<Bucket> byArea, List<Bucket> byGrid) {

	/** The key of the bucket of appeals with nothing to group by. */
	static final String NONE = "NONE";

	static @Nullable BigDecimal rate(long part, long whole) {
		return (whole == 0) ? null
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	/**
	 * One day of the trend.
	 */
	record Day(LocalDate day, long received, long resolved) {
	}

	/**
	 * One category, department, interest group, area or grid.
	 *
	 * @param code the category, department or group code, the area's or grid's ID as
	 * text, or {@link #NONE}
	 * @param name its name in the caller's language
	 * @param count the appeals received
	 */
	record Bucket(String code, String name, long count, long resolved, long resolvedOnTime,
			@Nullable BigDecimal onTimeRate, long rated, long satisfied, @Nullable BigDecimal satisfactionRate,
			long overdue) {
	}

}
