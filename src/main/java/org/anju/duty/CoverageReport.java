package org.anju.duty;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the last coverage check found.
 *
 * @param percent covered cells and posts out of all that need a person, rounded down to a
 * tenth; 100 when nothing needs one
 */
record CoverageReport(double percent, int required, int covered, @Nullable Instant checkedAt, List<Gap> gaps) {

	/**
	 * A gap: a subject without a responsible person at a level, or a post without a
	 * holder ({@code POST}, level {@code HOLDER}).
	 *
	 * @param subjectId the subject's id, or an interest group's code
	 */
	record Gap(long id, String subjectType, Object subjectId, String subjectName, String level, String reason,
			@Nullable Long gridId, Instant openedAt) {
	}

}
