package org.anju.identity;

import org.anju.platform.ProblemWriter;
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
 * What an account must do before anything else: change a password that an administrator
 * set, then set up two-factor login where its role needs it. The console sends the user
 * to the page for it, and the API answers 403 except for the calls that do it.
 */
class AccountGate extends OncePerRequestFilter {

	static final String PASSWORD_PAGE = "/account/password";

	static final String TWO_FACTOR_PAGE = "/account/two-factor";

	private final ProblemWriter problems;

	private final TwoFactor twoFactor;

	AccountGate(ProblemWriter problems, TwoFactor twoFactor) {
		this.problems = problems;
		this.twoFactor = twoFactor;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user && !always(path)) {
			if (user.mustChangePassword() && !path.equals(PASSWORD_PAGE) && !path.equals("/api/v1/auth/password")) {
				refuse(request, response, path, "password-change-required", "problem.passwordChangeRequired",
						PASSWORD_PAGE);
				return;
			}
			if (!user.mustChangePassword() && !path.startsWith(TWO_FACTOR_PAGE)
					&& !path.startsWith("/api/v1/auth/two-factor") && this.twoFactor.missing(user)) {
				refuse(request, response, path, "two-factor-required", "problem.twoFactorRequired", TWO_FACTOR_PAGE);
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String path, String type, String code,
			String page) throws IOException {
		if (path.startsWith("/api/")) {
			this.problems.write(request, response, HttpStatus.FORBIDDEN, type, code, Map.of());
		}
		else {
			response.sendRedirect(request.getContextPath() + page);
		}
	}

	private static boolean always(String path) {
		return path.equals("/logout") || path.equals("/api/v1/auth/me") || path.startsWith("/css/")
				|| path.startsWith("/js/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
	}

}
