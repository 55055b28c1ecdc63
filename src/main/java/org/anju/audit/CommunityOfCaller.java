package org.anju.audit;

import org.anju.shared.CommunityId;

import org.springframework.security.core.Authentication;

/**
 * Audit depends on nothing but shared, so it asks whoever knows the principal which
 * community the caller belongs to.
 */
public interface CommunityOfCaller {

	CommunityId of(Authentication caller);

}
