package org.anju.letters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A letter's assessment: live until the period's close, frozen after it.
 *
 * @param versionNumber the version scored: the latest signed one, or the draft when none
 * is signed
 * @param signed whether that version is signed
 * @param frozen whether the period is closed and the figures are those of its close
 * @param max the points of every scored and veto target
 * @param vetoed whether a veto target was missed, which zeroes the total
 */
record Score(long letterId, int versionNumber, boolean signed, boolean frozen, Instant computedAt, List<Line> lines,
		BigDecimal total, BigDecimal max, boolean vetoed) {

	Score {
		lines = List.copyOf(lines);
	}

	Score frozenAt(Instant closedAt) {
		return new Score(this.letterId, this.versionNumber, this.signed, true, closedAt, this.lines, this.total,
				this.max, this.vetoed);
	}

	/**
	 * One target's figure and what it earns.
	 *
	 * @param misses how many rows short of the threshold (a rate) or over it (a count)
	 * @param earned the points it earns, before a veto
	 */
	record Line(Target target, Metric.Measure measure, Figure figure, boolean met, int misses, BigDecimal earned) {
	}

}
