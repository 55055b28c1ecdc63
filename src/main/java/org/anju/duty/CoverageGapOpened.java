package org.anju.duty;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * The coverage check found a new gap: a subject without a responsible person at a level,
 * or a post left empty. It is a task for the administrators and leaders.
 *
 * @param gapId the gap's id, the same however often the event comes
 * @param subjectKey the subject's id, or an interest group's code
 * @param reason {@code NO_RESPONSIBLE}, {@code HOLDER_DISABLED} or {@code POST_EMPTY}
 */
public record CoverageGapOpened(CommunityId community, long gapId, String subjectType, String subjectKey,
		String subjectName, String level, String reason, @Nullable Long gridId) {
}
