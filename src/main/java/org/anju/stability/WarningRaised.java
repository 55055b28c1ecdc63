package org.anju.stability;

import java.util.List;

import org.anju.shared.CommunityId;

/**
 * A warning was raised, or an open one rose to a higher level ({@code relevelled}).
 * Notifications tell its responsible people.
 *
 * @param subjectId the subject's id, or an interest group's code
 * @param version the warning's version after the change, telling one rise from the next
 */
public record WarningRaised(CommunityId community, long warningId, String subjectType, String subjectId,
		WarningLevel level, List<Long> responsibleUserIds, boolean relevelled, long version) {
}
