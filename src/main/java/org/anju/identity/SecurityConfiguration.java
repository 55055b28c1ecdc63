package org.anju.identity;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import org.anju.audit.AuditTrail;
import org.anju.platform.ProblemWriter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two ways in. Programs call {@code /api/**} with a bearer token and no session or CSRF.
 * People use the console with a form login, a session cookie (HttpOnly, SameSite) and
 * CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String[] PUBLIC = { "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
			"/actuator/health", "/actuator/health/**", "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs",
			"/v3/api-docs/**", "/error" };

	/** The resident portal's pages; residents sign in at {@link #PORTAL_LOGIN}. */
	static final String PORTAL = "/portal";

	static final String PORTAL_LOGIN = "/portal/login";

	/**
	 * No observation of Spring Security's filters, authentications or authorizations, so
	 * that the filter chain is not wrapped filter by filter on every request:
	 * {@code http.server.requests} times each request whole, which is what operators
	 * read.
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The console's session cookie: scripts cannot read it and other sites' requests do
	 * not carry it. Set here rather than left to {@code server.servlet.session.cookie.*},
	 * which Spring Boot applies only with its embedded server: in a WAR, or under
	 * MockMvc, the cookie would lose both.
	 */
	@Bean
	DefaultCookieSerializer sessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("SESSION");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		return cookie;
	}

	/**
	 * The Prometheus endpoint, for a scraper holding {@code anju.metrics.token}. The
	 * metrics carry counts and timings, never a person's data, but they still show how
	 * busy each community is, so they are not public.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain metrics(HttpSecurity http, ProblemWriter problems,
			@Value("${anju.metrics.token:}") String secret) throws Exception {
		http.securityMatcher("/actuator/prometheus")
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.addFilterBefore(new ScrapeTokenFilter(secret), UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests.anyRequest().hasAuthority(ScrapeTokenFilter.AUTHORITY))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated", Map.of())));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemWriter problems, AuditTrail audit,
			PasswordLogin login, JdbcClient jdbc, IdempotencyClaims claims, TransactionTemplate transaction,
			TwoFactor twoFactor) throws Exception {
		http.securityMatcher("/api/**")
			.authenticationProvider(login)
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new AccountGate(problems, twoFactor), BearerTokenFilter.class)
			// appeal intake writes many requests' appeals in one transaction
			.addFilterAfter(new IdempotentCreates(jdbc, claims, transaction, problems, Set.of("/api/v1/appeals")),
					AccountGate.class)
			// the end of a stream (server-sent events) is an async dispatch of a request
			// that
			// was authorised when it began; the token is not looked up again for it
			.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				// one's own account is everyone's, and a resident reads their own
				// appeals;
				// the rest of the API is staff's, whatever each endpoint checks besides
				.requestMatchers("/api/v1/auth/**")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/v1/appeals", "/api/v1/appeals/*",
						"/api/v1/appeals/*/attachments", "/api/v1/appeals/*/attachments/*")
				.authenticated()
				.anyRequest()
				.access(staff()))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(request, response,
						HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated", Map.of()))
				.accessDeniedHandler(denied(problems, audit)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http, PasswordLogin login, UserAccounts accounts, Clock clock,
			ProblemWriter problems, AuditTrail audit, TwoFactor twoFactor) throws Exception {
		http.authenticationProvider(login)
			.addFilterAfter(new SessionUserRefresh(accounts, clock), SecurityContextHolderFilter.class)
			.addFilterAfter(new AccountGate(problems, twoFactor), SessionUserRefresh.class)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC)
				.permitAll()
				.requestMatchers(PORTAL_LOGIN)
				.permitAll()
				.requestMatchers(PORTAL, PORTAL + "/**")
				.hasRole(Role.RESIDENT.name())
				.requestMatchers(AccountGate.PASSWORD_PAGE, "/logout")
				.authenticated()
				.anyRequest()
				.access(staff()))
			.formLogin((form) -> form.loginPage("/login")
				.authenticationDetailsSource((request) -> new PasswordLogin.Code(request.getParameter("code")))
				.successHandler(afterLogin())
				.failureHandler(loginFailed()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(afterLogout()))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(PORTAL_LOGIN),
						PathPatternRequestMatcher.pathPattern(PORTAL + "/**"))
				.accessDeniedHandler(denied(problems, audit)))
			.headers((headers) -> headers
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy((csp) -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * Everything of the console that is not public, the portal or one's own password is
	 * for staff: a resident who signed in has no business there.
	 */
	private static AuthorizationManager<RequestAuthorizationContext> staff() {
		return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
				AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.RESIDENT.name())));
	}

	private static boolean resident(@Nullable Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.role() == Role.RESIDENT;
	}

	private static AuthenticationSuccessHandler afterLogin() {
		return (request, response, authentication) -> {
			boolean mustChange = authentication.getPrincipal() instanceof CurrentUser user && user.mustChangePassword();
			String home = resident(authentication) ? PORTAL : "/";
			response.sendRedirect(request.getContextPath() + (mustChange ? AccountGate.PASSWORD_PAGE : home));
		};
	}

	/**
	 * A failed login goes back to the page it came from: the portal's login page sends a
	 * {@code portal} field.
	 */
	private static AuthenticationFailureHandler loginFailed() {
		return (request, response, ex) -> {
			String username = request.getParameter("username");
			String query = (ex instanceof AccountLocked locked) ? "locked=" + locked.lockedUntil().getEpochSecond()
					: (ex instanceof TwoFactorRequired) ? "code" : "error";
			request.getSession().setAttribute("lastUsername", (username != null) ? username : "");
			String page = (request.getParameter("portal") != null) ? PORTAL_LOGIN : "/login";
			response.sendRedirect(request.getContextPath() + page + "?" + query);
		};
	}

	private static LogoutSuccessHandler afterLogout() {
		return (request, response, authentication) -> response
			.sendRedirect(request.getContextPath() + (resident(authentication) ? PORTAL_LOGIN : "/login") + "?logout");
	}

	private static AccessDeniedHandler denied(ProblemWriter problems, AuditTrail audit) {
		return (request, response, ex) -> {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
				audit.recordAlone(user.community(), user.username(), "ACCESS_DENIED", "PATH", request.getRequestURI(),
						Map.of("method", request.getMethod(), "role", user.role().name()));
			}
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden", Map.of());
			}
			else if (resident(authentication) && "GET".equals(request.getMethod())) {
				response.sendRedirect(request.getContextPath() + PORTAL);
			}
			else {
				response.sendError(HttpStatus.FORBIDDEN.value());
			}
		};
	}

}
