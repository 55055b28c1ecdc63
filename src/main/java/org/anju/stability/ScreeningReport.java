package org.anju.stability;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A grid's report in a screening round: an explicit zero report (零报告), or findings, each
 * of which becomes a conflict case or a mood note.
 */
public record ScreeningReport(@Nullable Long gridId, boolean zeroReport, List<Finding> findings) {

	public ScreeningReport {
		findings = (findings != null) ? List.copyOf(findings) : List.of();
	}

	/**
	 * One finding: {@code CONFLICT} with a case, or {@code MOOD} with a note.
	 */
	public record Finding(@Nullable String kind, @Nullable NewConflictCase conflict, @Nullable NewMoodNote mood) {
	}

}
