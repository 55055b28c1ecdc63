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
		try {
			return new Fingerprint(HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

}
