package org.anju.stability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.anju.shared.BadParameter;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a list ordered by a moment and an ID ended, opaque to clients: the
 * warnings by when they were raised, the newest first.
 */
record MomentCursor(Instant at, long id) {

	String encode() {
		String text = this.at + "|" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return the cursor, or {@literal null} for the first page
	 * @throws BadParameter for a cursor this server did not make
	 */
	static @Nullable MomentCursor parse(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
			return new MomentCursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
		}
		catch (RuntimeException ex) {
			throw new BadParameter("cursor", "cursor.invalid");
		}
	}

}
