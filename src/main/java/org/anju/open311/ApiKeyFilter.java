package org.anju.open311;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code api_key} from the query or the form body and, when it names a live key,
 * makes its outside body the caller of the request, so that the audit trail names it. A
 * key that is sent but not valid is marked on the request: whether a key is needed at all
 * is the endpoint's business, and the endpoint answers in the spec's format.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	/** Set on a request whose {@code api_key} is malformed, unknown or revoked. */
	static final String INVALID_KEY = ApiKeyFilter.class.getName() + ".invalid";

	private final Open311Keys keys;

	ApiKeyFilter(Open311Keys keys) {
		this.keys = keys;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getParameter("api_key");
		if (key != null && !key.isBlank()) {
			this.keys.resolve(key.strip())
				.ifPresentOrElse((caller) -> SecurityContextHolder.getContext()
					.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(caller, null, List.of())),
						() -> request.setAttribute(INVALID_KEY, true));
		}
		chain.doFilter(request, response);
	}

}
