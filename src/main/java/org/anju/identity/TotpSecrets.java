package org.anju.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps authenticator secrets encrypted at rest (AES-256-GCM), with a key that is not in
 * the database: a copy of the database, or a backup of it, does not let anyone make
 * codes. The key is {@code anju.security.totp-key} (32 bytes, Base64); without it, one is
 * made once and kept in {@code anju.security.totp-key-file}, readable by the owner only.
 * Each sealed secret is bound to its account, so a row copied onto another account does
 * not open. Secrets written in clear by earlier versions are sealed at start-up, before
 * the application answers.
 */
@Component
class TotpSecrets implements InitializingBean {

	/** Marks a sealed secret, and the key version, so a later key can sit beside it. */
	private static final String SEALED = "v1:";

	private static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger log = LoggerFactory.getLogger(TotpSecrets.class);

	private final JdbcClient jdbc;

	private final SecretKey key;

	TotpSecrets(JdbcClient jdbc, @Value("${anju.security.totp-key:}") String configuredKey,
			@Value("${anju.security.totp-key-file:./data/totp.key}") Path keyFile) {
		this.jdbc = jdbc;
		this.key = new SecretKeySpec(configuredKey.isBlank() ? keptKey(keyFile) : decoded(configuredKey), "AES");
	}

	@Override
	public void afterPropertiesSet() {
		sealClearSecrets();
	}

	/**
	 * @return the secret encrypted for the one account, as it is stored
	 */
	String seal(long communityId, long userId, String secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, communityId, userId,
				secret.getBytes(StandardCharsets.US_ASCII));
		return SEALED + Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
	}

	/**
	 * @return the secret as the authenticator app has it
	 * @throws IllegalStateException when the stored value was not sealed with this key
	 * for this account: a changed key, or a row tampered with
	 */
	String open(long communityId, long userId, String stored) {
		if (!stored.startsWith(SEALED)) {
			throw new IllegalStateException("the authenticator secret of user " + userId + " is not sealed");
		}
		byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED.length()));
		byte[] secret = crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), communityId, userId,
				Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
		return new String(secret, StandardCharsets.US_ASCII);
	}

	/**
	 * Seals what an earlier version stored in clear. Each row is changed only if it still
	 * holds the clear value, so two nodes starting at once do not seal a row twice.
	 * @return how many rows were sealed
	 */
	int sealClearSecrets() {
		List<ClearSecret> clear = this.jdbc
			.sql("select community_id, user_id, secret from two_factor where secret not like :sealed")
			.param("sealed", SEALED + "%")
			.query(ClearSecret.class)
			.list();
		int sealed = 0;
		for (ClearSecret row : clear) {
			sealed += this.jdbc.sql("""
					update two_factor set secret = :sealed where community_id = :c and user_id = :u and secret = :clear
					""")
				.param("sealed", seal(row.communityId(), row.userId(), row.secret()))
				.param("c", row.communityId())
				.param("u", row.userId())
				.param("clear", row.secret())
				.update();
		}
		if (sealed > 0) {
			log.info("Encrypted {} authenticator secrets stored in clear by an earlier version", sealed);
		}
		return sealed;
	}

	/** The account is the associated data: a sealed secret opens for its account only. */
	private byte[] crypt(int mode, byte[] nonce, long communityId, long userId, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD((communityId + "/" + userId).getBytes(StandardCharsets.US_ASCII));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the authenticator secret of user " + userId
					+ " does not open with this key (anju.security.totp-key)", ex);
		}
	}

	private static byte[] decoded(String configuredKey) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(configuredKey.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("anju.security.totp-key must be Base64", ex);
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException("anju.security.totp-key must be " + KEY_BYTES + " bytes (Base64 of "
					+ KEY_BYTES + " random bytes, e.g. `openssl rand -base64 32`), not " + key.length);
		}
		return key;
	}

	/**
	 * The key from the file, made on first use: read by the owner only, and never
	 * overwritten, since the secrets sealed with it would be lost.
	 */
	private static byte[] keptKey(Path keyFile) {
		try {
			if (!Files.exists(keyFile)) {
				byte[] key = new byte[KEY_BYTES];
				RANDOM.nextBytes(key);
				Path folder = keyFile.toAbsolutePath().getParent();
				if (folder != null) {
					Files.createDirectories(folder);
				}
				try {
					Files.createFile(keyFile,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(keyFile, Base64.getEncoder().encodeToString(key));
					log.info(
							"Made the key that encrypts authenticator secrets: {} (back it up apart from the database)",
							keyFile.toAbsolutePath());
				}
				catch (FileAlreadyExistsException ex) {
					// another node made it first: use theirs
				}
			}
			return decoded(Files.readString(keyFile));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or make the TOTP key file " + keyFile, ex);
		}
	}

	private record ClearSecret(long communityId, long userId, String secret) {
	}

}
