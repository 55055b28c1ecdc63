package org.anju.open311;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The GeoReport endpoints' own way in: no session, no CSRF, no login. Spring Security
 * lets every request through, because the spec decides per method whether a key is needed
 * and how a refusal reads; {@link ApiKeyFilter} reads the key. The matcher stops at
 * {@code /open311/v2/} so that the console's key page at {@code /open311} keeps its
 * login.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

	@Bean
	@Order(0)
	SecurityFilterChain open311(HttpSecurity http, Open311Keys keys) throws Exception {
		http.securityMatcher("/open311/v2/**")
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
		return http.build();
	}

}
