package org.anju.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What an administrator fills in to open an account. The password must be changed at
 * first login.
 */
public record NewUser(String username, String password, String displayName, Role role, Set<Long> gridIds,
		@Nullable String departmentCode, @Nullable Long personId) {
}
