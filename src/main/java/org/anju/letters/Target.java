package org.anju.letters;

import java.math.BigDecimal;

/**
 * A quantified target of a letter, bound to a metric.
 *
 * @param metric the {@link Metric#code()} it is measured by
 * @param threshold the rate (percent) to reach, or the count not to exceed
 * @param points what meeting it earns
 * @param deduction what each miss takes off the points of a {@link Kind#SCORED} target
 */
record Target(String metric, Kind kind, BigDecimal threshold, BigDecimal points, BigDecimal deduction) {

	/**
	 * How a target counts in the assessment.
	 */
	enum Kind {

		/** Points when met, less a deduction per miss when missed, never below zero. */
		SCORED,
		/** Points on top when met, nothing taken when missed. */
		BONUS,
		/** 一票否决: points when met; missed, the whole assessment is zero. */
		VETO

	}

}
