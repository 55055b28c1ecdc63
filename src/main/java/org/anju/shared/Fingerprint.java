package org.anju.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a secret or a request, in hex: what is stored in place of a token or an
 * API key, and what tells two request bodies apart.
 */
public record Fingerprint(String hex) {

	public static Fingerprint of(String text) {
		return new Fingerprint(HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * A fresh SHA-256 digest, for fingerprints of what does not fit in a string, such as
	 * a file read as a stream.
	 */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

}
