package org.anju.appeals;

import org.jspecify.annotations.Nullable;

/**
 * Sends the appeals of a category, optionally only those from one area or grid, to a
 * department or to one person. A rule applies to the category's sub-categories too,
 * unless they have a matching rule of their own.
 */
public record RoutingRule(long id, String categoryCode, @Nullable Long areaId, @Nullable Long gridId,
		@Nullable String departmentCode, @Nullable Long assigneeUserId, int priority, boolean active, long version) {

}
