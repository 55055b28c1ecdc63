package org.anju.letters;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

/**
 * The scoring rules: a target met earns its points; a scored target missed loses its
 * deduction for each miss, down to zero; a bonus target adds its points when met; a veto
 * target missed zeroes the whole assessment (一票否决). A rate with nothing to count is met:
 * there was nothing to miss; but a bonus is earned by evidence, so a bonus with nothing
 * to count is not met and adds nothing.
 */
final class Scoring {

	private Scoring() {
	}

	static Score score(long letterId, int versionNumber, boolean signed, List<Target> targets,
			Map<String, Metric> metrics, CommunityId community, Territory territory, Instant now) {
		List<Score.Line> lines = new ArrayList<>();
		for (Target target : targets) {
			Metric metric = metrics.get(target.metric());
			if (metric == null) {
				throw new IllegalStateException("no metric " + target.metric() + " for letter " + letterId);
			}
			lines.add(line(target, metric.measure(), metric.figure(community, territory, now)));
		}
		return total(letterId, versionNumber, signed, now, lines);
	}

	static Score total(long letterId, int versionNumber, boolean signed, Instant now, List<Score.Line> lines) {
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal max = BigDecimal.ZERO;
		boolean vetoed = false;
		for (Score.Line line : lines) {
			total = total.add(line.earned());
			if (line.target().kind() != Target.Kind.BONUS) {
				max = max.add(line.target().points());
			}
			vetoed |= line.target().kind() == Target.Kind.VETO && !line.met();
		}
		return new Score(letterId, versionNumber, signed, false, now, lines, vetoed ? BigDecimal.ZERO : total, max,
				vetoed);
	}

	static Score.Line line(Target target, Metric.Measure measure, Figure figure) {
		BigDecimal value = figure.value();
		int misses;
		if (value == null) {
			misses = 0;
		}
		else if (measure == Metric.Measure.RATE) {
			// the rows needed to reach the threshold, less those there are
			int needed = target.threshold()
				.multiply(BigDecimal.valueOf(figure.total()))
				.movePointLeft(2)
				.setScale(0, RoundingMode.CEILING)
				.intValueExact();
			misses = Math.max(0, needed - figure.good());
		}
		else {
			misses = Math.max(0, value.subtract(target.threshold()).setScale(0, RoundingMode.CEILING).intValueExact());
		}
		// a bonus rewards what was done, and an empty scope shows nothing done
		boolean met = misses == 0 && (value != null || target.kind() != Target.Kind.BONUS);
		BigDecimal earned = switch (target.kind()) {
			case SCORED -> met ? target.points()
					: target.points()
						.subtract(target.deduction().multiply(BigDecimal.valueOf(misses)))
						.max(BigDecimal.ZERO);
			case BONUS, VETO -> met ? target.points() : BigDecimal.ZERO;
		};
		return new Score.Line(target, measure, figure, met, misses, earned);
	}

}
