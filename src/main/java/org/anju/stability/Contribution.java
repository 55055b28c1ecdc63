package org.anju.stability;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What one signal adds to a score: its value times its weight gives its points, rounded
 * to cents, and a score is the sum of its contributions' points.
 *
 * @param detail a short note on what the value counts, such as the category of a
 * gathering; {@literal null} when the signal's name says it all
 */
public record Contribution(String signal, BigDecimal value, BigDecimal weight, BigDecimal points,
		List<Evidence> evidence, @Nullable String detail) {

	static Contribution of(String signal, double value, double weight, List<Evidence> evidence,
			@Nullable String detail) {
		BigDecimal exactValue = cents(value);
		BigDecimal exactWeight = cents(weight);
		return new Contribution(signal, exactValue, exactWeight, cents(exactValue.multiply(exactWeight).doubleValue()),
				evidence, detail);
	}

	private static BigDecimal cents(double value) {
		return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
	}

}
