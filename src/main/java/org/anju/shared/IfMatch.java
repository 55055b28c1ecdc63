package org.anju.shared;

import org.jspecify.annotations.Nullable;

/**
 * The version a write is based on, as sent in {@code If-Match}: both {@code "7"} and
 * {@code 7} are accepted, and so is a weak {@code W/"7"}.
 */
public record IfMatch(long version) {

	/**
	 * @throws PreconditionRequired when the header is missing
	 * @throws InvalidInput when it holds no version number
	 */
	public static IfMatch parse(@Nullable String header) {
		if (header == null || header.isBlank()) {
			throw new PreconditionRequired();
		}
		String text = header.strip();
		if (text.startsWith("W/")) {
			text = text.substring(2);
		}
		text = text.replace("\"", "");
		try {
			return new IfMatch(Long.parseLong(text));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("If-Match", "ifMatch.format", header);
		}
	}

	/**
	 * @return the value of an {@code ETag} header for {@code version}
	 */
	public static String etag(long version) {
		return "\"" + version + "\"";
	}

}
