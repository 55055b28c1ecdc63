package org.anju.plans;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An activation as asked for: the plan, the response level, the warning that led to it,
 * whether it is a drill, and the holders of any roles that should not go to the plan's
 * default holder (role code to account id).
 */
record NewIncident(@Nullable Long planId, @Nullable String level, @Nullable Long warningId, @Nullable Boolean drill,
		@Nullable Map<String, Long> holders) {

}
