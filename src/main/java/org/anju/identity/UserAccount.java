package org.anju.identity;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An account as the user list shows it. It never carries the password hash, and a
 * resident's username, which is their mobile, is masked.
 */
public record UserAccount(long id, String username, String displayName, Role role, Set<Long> gridIds,
		@Nullable String departmentCode, @Nullable Long personId, boolean mustChangePassword, boolean enabled,
		@Nullable Instant lockedUntil, long version) {

	/**
	 * @return whether the account is locked out at {@code now}
	 */
	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
