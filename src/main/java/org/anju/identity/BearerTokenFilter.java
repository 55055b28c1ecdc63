package org.anju.identity;

import org.anju.platform.ProblemWriter;
import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in an API call that carries {@code Authorization: Bearer <token>}. A bad or
 * expired token leaves the call anonymous, and the entry point answers 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final ProblemWriter problems;

	BearerTokenFilter(ApiTokens tokens, ProblemWriter problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			try {
				this.tokens.resolve(header.substring(7).strip())
					.ifPresent((user) -> SecurityContextHolder.getContext()
						.setAuthentication(PasswordLogin.authenticated(user)));
			}
			catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
				this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
						"problem.databaseUnavailable", Map.of());
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
