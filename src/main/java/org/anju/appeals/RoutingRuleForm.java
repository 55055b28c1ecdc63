package org.anju.appeals;

import org.jspecify.annotations.Nullable;

/**
 * What an editor sets on a routing rule: exactly one of the department and the assignee.
 * Without a priority a rule gets {@value RoutingRules#DEFAULT_PRIORITY}.
 */
public record RoutingRuleForm(@Nullable String categoryCode, @Nullable Long areaId, @Nullable Long gridId,
		@Nullable String departmentCode, @Nullable Long assigneeUserId, @Nullable Integer priority, boolean active) {

}
