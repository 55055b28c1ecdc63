package org.anju.appeals;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * An appeal took a step: assigned, accepted, returned, transferred, urged, resolved,
 * called back, closed, reopened, or its clock warned (nearly-due, overdue). Listeners
 * such as notifications and the stability work pick the steps they care about.
 */
public record AppealChanged(CommunityId community, long appealId, String action, AppealState state,
		@Nullable String departmentCode, @Nullable Long assigneeId) {
}
