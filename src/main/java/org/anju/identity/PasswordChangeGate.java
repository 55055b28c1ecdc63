package org.anju.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A password that an administrator set must be changed before anything else: the console
 * sends the user to the password page, and the API answers 403 except for the calls that
 * change it.
 */
class PasswordChangeGate extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	private final ProblemWriter problems;

	PasswordChangeGate(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.mustChangePassword() && !allowed(path)) {
			if (path.startsWith("/api/")) {
				this.problems.write(request, response, HttpStatus.FORBIDDEN, "password-change-required",
						"problem.passwordChangeRequired", Map.of());
			}
			else {
				response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(String path) {
		return path.equals(PASSWORD_PAGE) || path.equals("/logout") || path.equals("/api/v1/auth/password")
				|| path.equals("/api/v1/auth/me") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/webjars/") || path.equals("/favicon.ico");
	}

}
