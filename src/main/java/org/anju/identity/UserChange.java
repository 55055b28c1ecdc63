package org.anju.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An administrator's edit of an account's name, role, grids, department and whether it
 * may sign in.
 */
public record UserChange(String displayName, Role role, Set<Long> gridIds, @Nullable String departmentCode,
		@Nullable Long personId, boolean enabled) {
}
