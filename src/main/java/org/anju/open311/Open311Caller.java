package org.anju.open311;

import org.anju.shared.CommunityId;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The outside body behind a valid Open311 key, for the length of one request. Its name is
 * what the audit trail and the appeal's timeline show as the actor.
 */
record Open311Caller(CommunityId community, long keyId, String keyName) implements AuthenticatedPrincipal {

	@Override
	public String getName() {
		return "open311:" + this.keyName;
	}

}
