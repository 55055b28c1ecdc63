package org.anju.letters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring rules on figures made up here, without a database.
 */
class ScoringTests {

	private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

	@Test
	void aRateMissedLosesItsDeductionForEachRowShortOfTheThreshold() {
		// 90 % of 20 needs 18; 15 on time is 3 short: 20 - 3 × 4 = 8
		Score.Line line = Scoring.line(target("SCORED", "90", "20", "4"), Metric.Measure.RATE,
				Figure.rate(15, 20, List.of()));
		assertThat(line.met()).isFalse();
		assertThat(line.misses()).isEqualTo(3);
		assertThat(line.earned()).isEqualByComparingTo("8");
		assertThat(line.figure().value()).isEqualByComparingTo("75.0");
	}

	@Test
	void aDeductionNeverTakesATargetBelowZero() {
		Score.Line line = Scoring.line(target("SCORED", "0", "10", "4"), Metric.Measure.COUNT,
				Figure.count(7, List.of()));
		assertThat(line.misses()).isEqualTo(7);
		assertThat(line.earned()).isEqualByComparingTo("0");
	}

	@Test
	void aRateAtTheThresholdIsMetAndARateWithNothingToCountIsMetToo() {
		assertThat(Scoring.line(target("SCORED", "95", "10", "1"), Metric.Measure.RATE, Figure.rate(19, 20, List.of()))
			.earned()).isEqualByComparingTo("10");
		Score.Line empty = Scoring.line(target("SCORED", "95", "10", "1"), Metric.Measure.RATE,
				Figure.rate(0, 0, List.of()));
		assertThat(empty.figure().value()).isNull();
		assertThat(empty.met()).isTrue();
		assertThat(empty.earned()).isEqualByComparingTo("10");
	}

	@Test
	void aBonusAddsOnTopOfTheMaximumWhenMetAndNothingWhenMissed() {
		Score met = Scoring.total(1, 1, true, NOW, List.of(
				Scoring.line(target("SCORED", "0", "30", "10"), Metric.Measure.COUNT, Figure.count(1, List.of())),
				Scoring.line(target("BONUS", "80", "5", "0"), Metric.Measure.RATE, Figure.rate(9, 10, List.of()))));
		assertThat(met.max()).isEqualByComparingTo("30");
		assertThat(met.total()).isEqualByComparingTo("25");
		Score missed = Scoring.total(1, 1, true, NOW, List
			.of(Scoring.line(target("BONUS", "80", "5", "0"), Metric.Measure.RATE, Figure.rate(7, 10, List.of()))));
		assertThat(missed.total()).isEqualByComparingTo("0");
		assertThat(missed.vetoed()).isFalse();
	}

	@Test
	void aBonusWithNothingToCountEarnsNothingWhileAScoredTargetOverTheSameEmptyScopeIsMet() {
		Score score = Scoring.total(1, 1, true, NOW, List.of(
				Scoring.line(target("SCORED", "90", "30", "2"), Metric.Measure.RATE, Figure.rate(0, 0, List.of())),
				Scoring.line(target("BONUS", "80", "5", "0"), Metric.Measure.RATE, Figure.rate(0, 0, List.of()))));
		Score.Line bonus = score.lines().get(1);
		assertThat(bonus.figure().value()).isNull();
		assertThat(bonus.met()).isFalse();
		assertThat(bonus.misses()).isZero();
		assertThat(bonus.earned()).isEqualByComparingTo("0");
		assertThat(score.lines().get(0).met()).isTrue();
		assertThat(score.total()).as("the scored target's 30, no bonus").isEqualByComparingTo("30");
		assertThat(score.max()).isEqualByComparingTo("30");
	}

	@Test
	void aMissedVetoZeroesTheWholeAssessment() {
		Score score = Scoring.total(1, 1, true, NOW, List.of(
				Scoring.line(target("SCORED", "90", "40", "1"), Metric.Measure.RATE, Figure.rate(10, 10, List.of())),
				Scoring.line(target("BONUS", "0", "5", "0"), Metric.Measure.COUNT, Figure.count(0, List.of())),
				Scoring.line(target("VETO", "0", "10", "0"), Metric.Measure.COUNT, Figure.count(1, List.of()))));
		assertThat(score.vetoed()).isTrue();
		assertThat(score.total()).isEqualByComparingTo("0");
		assertThat(score.max()).isEqualByComparingTo("50");
		Score kept = Scoring.total(1, 1, true, NOW, List.of(
				Scoring.line(target("SCORED", "90", "40", "1"), Metric.Measure.RATE, Figure.rate(10, 10, List.of())),
				Scoring.line(target("VETO", "0", "10", "0"), Metric.Measure.COUNT, Figure.count(0, List.of()))));
		assertThat(kept.vetoed()).isFalse();
		assertThat(kept.total()).isEqualByComparingTo("50");
	}

	private static Target target(String kind, String threshold, String points, String deduction) {
		return new Target("ANY", Target.Kind.valueOf(kind), new BigDecimal(threshold), new BigDecimal(points),
				new BigDecimal(deduction));
	}

}
