package org.anju.stability;

import java.util.List;

import org.anju.shared.CommunityId;

/**
 * A warning was not acknowledged in time; published once per warning. Notifications tell
 * its responsible people and the leaders.
 */
public record WarningAckOverdue(CommunityId community, long warningId, String subjectType, String subjectId,
		WarningLevel level, List<Long> recipients) {
}
