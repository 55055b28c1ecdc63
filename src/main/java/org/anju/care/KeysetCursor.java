package org.anju.care;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.anju.shared.BadParameter;
import org.jspecify.annotations.Nullable;

/**
 * Where a page of a care list ended: the key of its last row, opaque to clients.
 */
final class KeysetCursor {

	private KeysetCursor() {
	}

	static String encode(long key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(("k" + key).getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * @return the key, or {@code null} for the first page
	 * @throws BadParameter for a cursor that a care list did not make
	 */
	static @Nullable Long parse(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			if (!text.startsWith("k")) {
				throw new BadParameter("cursor", "cursor.invalid");
			}
			return Long.parseLong(text.substring(1));
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameter("cursor", "cursor.invalid");
		}
	}

}
