package org.anju.identity;

import org.anju.audit.CommunityOfCaller;
import org.anju.shared.CommunityId;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Tells modules that cannot see identity's types which community a caller belongs to.
 */
@Component
class CallerCommunity implements CommunityOfCaller {

	@Override
	public CommunityId of(Authentication caller) {
		if (caller.getPrincipal() instanceof CurrentUser user) {
			return user.community();
		}
		throw new IllegalStateException("not a signed-in Anju user");
	}

}
