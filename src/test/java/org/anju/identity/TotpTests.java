package org.anju.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-time codes match the test vectors of RFC 6238 (SHA-1, appendix B), and the
 * Base32 of RFC 4648, so that every authenticator app agrees with Anju.
 */
class TotpTests {

	// RFC 6238's SHA-1 key is the ASCII of "12345678901234567890".
	private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void theCodesAreThoseOfRfc6238() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000)))).isEqualTo("279037");
	}

	@Test
	void base32IsThatOfRfc4648() {
		assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
		assertThat(new String(Totp.fromBase32("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
		assertThat(Totp.fromBase32(Totp.newSecret())).hasSize(20);
	}

	@Test
	void aCodeOneStepOffIsTakenAndTwoStepsOffIsNot() {
		String secret = Totp.newSecret();
		long now = 1_000_000;
		assertThat(Totp.match(secret, Totp.code(secret, now - 1), now)).hasValue(now - 1);
		assertThat(Totp.match(secret,
				Totp.code(secret, now + 1).substring(0, 3) + " " + Totp.code(secret, now + 1).substring(3), now))
			.hasValue(now + 1);
		assertThat(Totp.match(secret, Totp.code(secret, now - 2), now)).isEmpty();
		assertThat(Totp.match(secret, "12345", now)).isEmpty();
	}

}
