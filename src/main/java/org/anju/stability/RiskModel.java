package org.anju.stability;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One version of a community's risk model: the weight of each signal, the lowest score of
 * each warning level per kind of subject, and the hours within which a warning of each
 * level must be acknowledged. A model is never changed in place; a change is the next
 * version.
 *
 * @param weights signal code to points per unit of its value; a signal the model does not
 * name weighs its {@link Signal#defaultWeight()}
 * @param thresholds subject type to level to the lowest score of that level
 */
record RiskModel(int version, Map<String, Double> weights, Map<RiskSubject.Type, Map<WarningLevel, Double>> thresholds,
		Map<WarningLevel, Integer> ackHours, @Nullable String note, String createdBy, @Nullable Instant createdAt) {

	/**
	 * The first version every community starts with; docs/WARNINGS.md explains the
	 * numbers.
	 */
	static RiskModel seed(List<Signal> signals) {
		Map<String, Double> weights = new LinkedHashMap<>();
		signals.forEach((signal) -> weights.put(signal.code(), signal.defaultWeight()));
		Map<RiskSubject.Type, Map<WarningLevel, Double>> thresholds = new EnumMap<>(RiskSubject.Type.class);
		thresholds.put(RiskSubject.Type.PERSON, levels(8, 15, 25, 40));
		thresholds.put(RiskSubject.Type.GROUP, levels(30, 60, 100, 160));
		thresholds.put(RiskSubject.Type.GRID, levels(30, 60, 100, 160));
		thresholds.put(RiskSubject.Type.AREA, levels(60, 120, 200, 320));
		thresholds.put(RiskSubject.Type.COMMUNITY, levels(150, 300, 500, 800));
		Map<WarningLevel, Integer> ackHours = new EnumMap<>(WarningLevel.class);
		ackHours.put(WarningLevel.BLUE, 72);
		ackHours.put(WarningLevel.YELLOW, 24);
		ackHours.put(WarningLevel.ORANGE, 4);
		ackHours.put(WarningLevel.RED, 1);
		return new RiskModel(1, weights, thresholds, ackHours, "seed", "system", null);
	}

	private static Map<WarningLevel, Double> levels(double blue, double yellow, double orange, double red) {
		Map<WarningLevel, Double> levels = new EnumMap<>(WarningLevel.class);
		levels.put(WarningLevel.BLUE, blue);
		levels.put(WarningLevel.YELLOW, yellow);
		levels.put(WarningLevel.ORANGE, orange);
		levels.put(WarningLevel.RED, red);
		return levels;
	}

	double weight(Signal signal) {
		return this.weights.getOrDefault(signal.code(), signal.defaultWeight());
	}

	/**
	 * @return the highest level whose threshold the score reaches, or {@literal null}
	 * below blue
	 */
	@Nullable WarningLevel level(RiskSubject.Type type, BigDecimal score) {
		Map<WarningLevel, Double> levels = this.thresholds.get(type);
		WarningLevel reached = null;
		for (WarningLevel level : WarningLevel.values()) {
			if (levels != null && levels.containsKey(level)
					&& score.compareTo(BigDecimal.valueOf(levels.get(level))) >= 0) {
				reached = level;
			}
		}
		return reached;
	}

	Duration ackWithin(WarningLevel level) {
		return Duration.ofHours(this.ackHours.getOrDefault(level, 24));
	}

}
