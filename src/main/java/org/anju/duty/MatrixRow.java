package org.anju.duty;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One cell of the responsibility matrix: a subject at one level, with who answers for it.
 *
 * @param subjectId the subject's id as a number, or an interest group's code
 * @param userId the account the matrix names, if any
 * @param version the named row's version for {@code If-Match}, 0 when none is named
 * @param holderIds who answers: the named account, or the default or inherited ones
 * @param origin {@code NAMED}, {@code DEFAULT}, {@code INHERITED} or {@code NONE}
 * @param gap why the cell is a gap ({@code NO_RESPONSIBLE}, {@code HOLDER_DISABLED}), or
 * {@code null}
 */
record MatrixRow(String subjectType, Object subjectId, String subjectName, @Nullable Long gridId, String level,
		@Nullable Long userId, long version, List<Long> holderIds, Holding.Origin origin, @Nullable String gap) {

	static Object subjectId(String key) {
		Long number = PlaceSubjects.number(key);
		return (number != null) ? number : key;
	}

	String subjectKey() {
		return String.valueOf(this.subjectId);
	}

}
