package org.anju.appeals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The figures units are judged by, over a period of receipt days, per category,
 * department, interest group, area or grid, with the totals of the period.
 */
public record AppealStats(LocalDate from, LocalDate to, By by, List<Line> lines, Line total) {

	/**
	 * What the figures are grouped by. An appeal of a person in two interest groups
	 * counts in both; appeals with nothing to group by fall in the bucket {@link #NONE}.
	 */
	public enum By {

		CATEGORY, DEPARTMENT, GROUP, AREA, GRID;

		/**
		 * @return the dimension named as the API takes it ({@code category} …), or
		 * {@literal null}
		 */
		public static @Nullable By parse(String name) {
			for (By by : values()) {
				if (by.name().equalsIgnoreCase(name.strip())) {
					return by;
				}
			}
			return null;
		}

		public String parameter() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The key of the bucket of appeals with nothing to group by. */
	public static final String NONE = "NONE";

	/**
	 * One bucket's figures. 受理量 {@code received}; 按期办结率 {@code onTimeRate} =
	 * {@code resolvedOnTime / resolved}; 满意率 {@code satisfactionRate} =
	 * {@code satisfied / rated}; {@code reopenRate} = {@code reopened / received}. Rates
	 * are 0 to 1 with four decimals, {@literal null} when nothing was counted below the
	 * line.
	 *
	 * @param key the category or department code, group code, place ID, or {@link #NONE};
	 * {@literal null} on the total
	 * @param name the bucket's name in the caller's language; {@literal null} on the
	 * total
	 */
	public record Line(@Nullable String key, @Nullable String name, long received, long resolved, long resolvedOnTime,
			@Nullable BigDecimal onTimeRate, long rated, long satisfied, @Nullable BigDecimal satisfactionRate,
			long reopened, @Nullable BigDecimal reopenRate) {

		static Line of(@Nullable String key, @Nullable String name, long received, long resolved, long resolvedOnTime,
				long rated, long satisfied, long reopened) {
			return new Line(key, name, received, resolved, resolvedOnTime, rate(resolvedOnTime, resolved), rated,
					satisfied, rate(satisfied, rated), reopened, rate(reopened, received));
		}

		private static @Nullable BigDecimal rate(long part, long whole) {
			return (whole == 0) ? null
					: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
		}

	}

}
