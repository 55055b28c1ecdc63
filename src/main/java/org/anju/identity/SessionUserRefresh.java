package org.anju.identity;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a console user's account afresh on every request, so that a new role, new grids,
 * a disabled account or a changed password apply at once rather than at the next login.
 */
class SessionUserRefresh extends OncePerRequestFilter {

	private final UserAccounts accounts;

	private final Clock clock;

	SessionUserRefresh(UserAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			var fresh = this.accounts.byId(user.community(), user.userId())
				.filter((stored) -> stored.account().enabled() && !stored.account().lockedAt(this.clock.instant()));
			if (fresh.isPresent()) {
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(PasswordLogin.authenticated(fresh.get().asCurrentUser()));
				SecurityContextHolder.setContext(context);
			}
			else {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
		}
		chain.doFilter(request, response);
	}

}
