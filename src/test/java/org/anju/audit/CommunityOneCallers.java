package org.anju.audit;

import org.anju.shared.CommunityId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Stands in for identity in module tests that bootstrap audit without it: audit's API
 * asks this SPI for the caller's community, and here every caller is of community 1.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CommunityOneCallers {

	@Bean
	CommunityOfCaller communityOfCaller() {
		return (caller) -> new CommunityId(1);
	}

}
