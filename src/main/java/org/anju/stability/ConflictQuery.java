package org.anju.stability;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the case list; each is optional.
 *
 * @param open only cases that still run against their deadline
 * @param overdue only open cases past their due day
 */
public record ConflictQuery(@Nullable ConflictState state, @Nullable RiskLevel level, @Nullable ConflictType type,
		@Nullable Long gridId, @Nullable Long areaId, @Nullable Long ownerLeaderId, @Nullable Long personId,
		@Nullable String groupCode, @Nullable Long sourceAppealId, @Nullable Long roundId, boolean open,
		boolean overdue) {

	/** No filter at all. */
	public static final ConflictQuery ALL = new ConflictQuery(null, null, null, null, null, null, null, null, null,
			null, false, false);

}
