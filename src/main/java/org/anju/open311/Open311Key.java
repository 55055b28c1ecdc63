package org.anju.open311;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A key as administrators see it (public because the console page reads it): whom it was
 * issued to, by whom and when, and whether it is revoked. The key text itself is shown
 * once, at issue, and never stored.
 */
public record Open311Key(long id, String name, Instant createdAt, String createdBy, @Nullable Instant revokedAt,
		@Nullable String revokedBy) {

	public boolean live() {
		return this.revokedAt == null;
	}

	/**
	 * A key just issued, with its text, which nobody can see again.
	 */
	public record Issued(long id, String name, String apiKey, Instant createdAt) {
	}

}
