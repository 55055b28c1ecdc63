package org.anju.stability;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;

import org.anju.shared.BadParameter;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a list ordered by a day and an ID ended, opaque to clients: a case list
 * by due day, a note list by the day noted.
 */
record DayCursor(LocalDate day, long id) {

	String encode() {
		String text = this.day + ":" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @return the cursor, or {@literal null} for the first page
	 * @throws BadParameter for a cursor this server did not make
	 */
	static @Nullable DayCursor parse(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
			return new DayCursor(LocalDate.parse(parts[0]), Long.parseLong(parts[1]));
		}
		catch (RuntimeException ex) {
			throw new BadParameter("cursor", "cursor.invalid");
		}
	}

}
