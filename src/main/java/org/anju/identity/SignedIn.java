package org.anju.identity;

import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A user signed in on this thread for work that no request carries, such as loading the
 * demo at start-up; closing it signs them out again.
 */
public record SignedIn(CurrentUser user) implements AutoCloseable {

	@Override
	public void close() {
		SecurityContextHolder.clearContext();
	}

}
