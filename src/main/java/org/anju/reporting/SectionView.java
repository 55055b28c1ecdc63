package org.anju.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A section's figures laid out once for every medium: the console page draws each table
 * as an ECharts chart with a linked table, the PDF as a JFreeChart image with a table,
 * the xlsx as rows.
 *
 * @param title the section's heading
 * @param headlines the few figures a leader reads first
 * @param tables breakdowns, each drawn as a chart
 */
record SectionView(String key, Chapter chapter, String title, List<Headline> headlines, List<Table> tables) {

	/**
	 * @param link the console path of the list behind the figure, or {@literal null}
	 */
	record Headline(String label, String value, @Nullable String link) {
	}

	/**
	 * A breakdown: rows of numbers under named columns; the chart shows the first column.
	 */
	record Table(String title, Chart chart, List<String> columns, List<Row> rows) {
	}

	/**
	 * @param values counts (whole numbers) or rates (0 to 1), {@literal null} when
	 * nothing was counted below the line
	 */
	record Row(String label, List<@Nullable Number> values, @Nullable String link) {

		/**
		 * @return the values as shown: counts as they are, rates as percentages
		 */
		public List<String> texts() {
			return this.values.stream().map(SectionView::text).toList();
		}

	}

	enum Chart {

		BAR, LINE, PIE

	}

	/**
	 * @return a rate as a percentage with one decimal, or "—"
	 */
	static String percent(@Nullable Number rate) {
		if (rate == null) {
			return "—";
		}
		return new BigDecimal(rate.toString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
	}

	/**
	 * @return a count as it is, a rate (a {@link BigDecimal}) as a percentage
	 */
	static String text(@Nullable Number value) {
		return (value instanceof BigDecimal || value == null) ? percent(value) : value.toString();
	}

}
