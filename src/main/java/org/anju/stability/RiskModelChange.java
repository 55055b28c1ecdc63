package org.anju.stability;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A change to the risk model as sent: any of the weights by signal code, the thresholds
 * of a subject type (all four levels at once), the acknowledgement hours by level, and a
 * note saying why.
 */
record RiskModelChange(@Nullable Map<String, @Nullable Double> weights,
		@Nullable Map<String, @Nullable Map<String, @Nullable Double>> thresholds,
		@Nullable Map<String, @Nullable Integer> ackHours, @Nullable String note) {
}
