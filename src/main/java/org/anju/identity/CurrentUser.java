package org.anju.identity;

import java.io.Serializable;
import java.util.Set;

import org.anju.shared.CommunityId;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in caller, as every module sees it.
 */
public record CurrentUser(long communityId, long userId, String username, String displayName, Role role,
		Set<Long> gridIds, @Nullable String departmentCode, @Nullable Long personId,
		boolean mustChangePassword) implements AuthenticatedPrincipal, Serializable {

	public CurrentUser {
		gridIds = Set.copyOf(gridIds);
	}

	/**
	 * @return the user signed in on this thread, or {@literal null} for a stranger (or
	 * outside a request)
	 */
	public static @Nullable CurrentUser signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) ? user : null;
	}

	@Override
	public String getName() {
		return this.username;
	}

	/**
	 * @return the name under which the user's actions are recorded and shown: the
	 * username, masked for a resident, whose username is their mobile
	 */
	public String actor() {
		return (this.role == Role.RESIDENT) ? Phone.mask(this.username) : this.username;
	}

	public CommunityId community() {
		return new CommunityId(this.communityId);
	}

	public DataScope scope() {
		return new DataScope(this.communityId, this.role, this.gridIds, this.departmentCode, this.personId);
	}

	public boolean may(Permission permission) {
		return this.role.may(permission);
	}

}
