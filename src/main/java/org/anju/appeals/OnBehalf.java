package org.anju.appeals;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is signed in and which request they sent, as the thread serving the request knows
 * them, so that another thread can act for them: the audit trail reads both from the
 * thread that writes.
 */
record OnBehalf(SecurityContext security, @Nullable RequestAttributes request) {

	static OnBehalf current() {
		return new OnBehalf(SecurityContextHolder.getContext(), RequestContextHolder.getRequestAttributes());
	}

	/**
	 * Runs the action on this thread as the request's thread would, then puts back what
	 * this thread had.
	 */
	void run(Runnable action) {
		SecurityContext security = SecurityContextHolder.getContext();
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		SecurityContextHolder.setContext(this.security);
		RequestContextHolder.setRequestAttributes(this.request);
		try {
			action.run();
		}
		finally {
			SecurityContextHolder.setContext(security);
			RequestContextHolder.setRequestAttributes(request);
		}
	}

}
