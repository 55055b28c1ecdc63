package org.anju.plans;

import org.jspecify.annotations.Nullable;

/**
 * A plan in the library list.
 *
 * @param drillsThisYear drills run from the plan this calendar year (Asia/Shanghai)
 */
public record PlanSummary(long id, @Nullable String code, String name, @Nullable Integer approvedNumber,
		@Nullable Integer draftNumber, long version, int drillsThisYear) {

}
