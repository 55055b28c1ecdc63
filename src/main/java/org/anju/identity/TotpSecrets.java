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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.anju.audit.AuditTrail;
import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps authenticator secrets encrypted at rest (AES-256-GCM), with a key that is not in
 * the database: a copy of the database, or a backup of it, does not let anyone make
 * codes. The key is {@code anju.security.totp-key} (32 bytes, Base64); without it, one is
 * made once and kept in {@code anju.security.totp-key-file}, readable by the owner only.
 * Each sealed secret is bound to its account, so a row copied onto another account does
 * not open. Secrets written in clear by earlier versions are sealed at start-up, before
 * the application answers.
 * <p>
 * <b>Rotating the key:</b> set the new key, put the old one in
 * {@code anju.security.totp-previous-keys} (comma-separated, Base64), and start. Secrets
 * open with any of the keys, and at start-up every secret sealed with a previous key is
 * sealed again with the new one, each with an audit row; once the log says so, the old
 * key can be dropped. A secret that opens with none of the keys is left and counted in
 * the log: its user must set up two-step verification again (an administrator resets it).
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

	private final TransactionTemplate transaction;

	private final AuditTrail audit;

	private final SecretKey key;

	/** Keys that sealed secrets before the current one, which still open them. */
	private final List<SecretKey> previousKeys;

	TotpSecrets(JdbcClient jdbc, TransactionTemplate transaction, AuditTrail audit,
			@Value("${anju.security.totp-key:}") String configuredKey,
			@Value("${anju.security.totp-previous-keys:}") String previousKeys,
			@Value("${anju.security.totp-key-file:./data/totp.key}") Path keyFile) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.audit = audit;
		this.key = new SecretKeySpec(
				configuredKey.isBlank() ? keptKey(keyFile) : decoded("anju.security.totp-key", configuredKey), "AES");
		this.previousKeys = Arrays.stream(previousKeys.split(","))
			.filter((previous) -> !previous.isBlank())
			.map((previous) -> (SecretKey) new SecretKeySpec(decoded("anju.security.totp-previous-keys", previous),
					"AES"))
			.toList();
	}

	@Override
	public void afterPropertiesSet() {
		sealClearSecrets();
		if (!this.previousKeys.isEmpty()) {
			resealWithCurrentKey();
		}
	}

	/**
	 * @return the secret encrypted for the one account, as it is stored
	 */
	String seal(long communityId, long userId, String secret) {
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(nonce);
		byte[] sealed;
		try {
			sealed = crypt(this.key, Cipher.ENCRYPT_MODE, nonce, communityId, userId,
					secret.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot seal the authenticator secret of user " + userId, ex);
		}
		return SEALED + Base64.getEncoder()
			.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
	}

	/**
	 * @return the secret as the authenticator app has it
	 * @throws IllegalStateException when the stored value was not sealed with this key
	 * for this account: a changed key, or a row tampered with
	 */
	String open(long communityId, long userId, String stored) {
		return openWith(this.key, communityId, userId, stored).or(() -> openWithPrevious(communityId, userId, stored))
			.orElseThrow(() -> new IllegalStateException("the authenticator secret of user " + userId
					+ " does not open with this key (anju.security.totp-key) nor a previous one"));
	}

	/**
	 * @return the secret, or empty when the value was not sealed with this key for this
	 * account
	 * @throws IllegalStateException when the value is not sealed at all
	 */
	private static Optional<String> openWith(SecretKey key, long communityId, long userId, String stored) {
		if (!stored.startsWith(SEALED)) {
			throw new IllegalStateException("the authenticator secret of user " + userId + " is not sealed");
		}
		byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED.length()));
		try {
			return Optional.of(
					new String(
							crypt(key, Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, NONCE_BYTES), communityId, userId,
									Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length)),
							StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @return the secret as the first previous key that sealed it opens it, or empty
	 */
	private Optional<String> openWithPrevious(long communityId, long userId, String stored) {
		return this.previousKeys.stream()
			.map((previous) -> openWith(previous, communityId, userId, stored))
			.flatMap(Optional::stream)
			.findFirst();
	}

	/**
	 * Seals again with the current key every secret that a previous key sealed, each in a
	 * transaction with its audit row, and only if the row still holds what was read, so
	 * two nodes starting at once do not both change it.
	 * @return how many secrets were sealed again
	 */
	int resealWithCurrentKey() {
		List<StoredSecret> stored = this.jdbc
			.sql("select community_id, user_id, secret from two_factor where secret like :sealed")
			.param("sealed", SEALED + "%")
			.query(StoredSecret.class)
			.list();
		int resealed = 0;
		int unopened = 0;
		for (StoredSecret row : stored) {
			if (openWith(this.key, row.communityId(), row.userId(), row.secret()).isPresent()) {
				continue;
			}
			Optional<String> secret = openWithPrevious(row.communityId(), row.userId(), row.secret());
			if (secret.isEmpty()) {
				unopened++;
				continue;
			}
			String clear = secret.get();
			resealed += Objects.requireNonNull(this.transaction.execute((status) -> {
				int changed = this.jdbc.sql("""
						update two_factor set secret = :sealed
						where community_id = :c and user_id = :u and secret = :stored
						""")
					.param("sealed", seal(row.communityId(), row.userId(), clear))
					.param("c", row.communityId())
					.param("u", row.userId())
					.param("stored", row.secret())
					.update();
				if (changed > 0) {
					this.audit.record(new CommunityId(row.communityId()), "TWO_FACTOR_KEY_ROTATED", "USER",
							row.userId(), Map.of());
				}
				return changed;
			}));
		}
		log.info("Authenticator secrets sealed again with the current key: {}; opening with none of the keys: {}",
				resealed, unopened);
		if (unopened > 0) {
			log.warn("{} authenticator secrets open with none of the configured keys: those users must set up "
					+ "two-step verification again", unopened);
		}
		return resealed;
	}

	/**
	 * Seals what an earlier version stored in clear. Each row is changed only if it still
	 * holds the clear value, so two nodes starting at once do not seal a row twice.
	 * @return how many rows were sealed
	 */
	int sealClearSecrets() {
		List<StoredSecret> clear = this.jdbc
			.sql("select community_id, user_id, secret from two_factor where secret not like :sealed")
			.param("sealed", SEALED + "%")
			.query(StoredSecret.class)
			.list();
		int sealed = 0;
		for (StoredSecret row : clear) {
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
	private static byte[] crypt(SecretKey key, int mode, byte[] nonce, long communityId, long userId, byte[] input)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
		cipher.updateAAD((communityId + "/" + userId).getBytes(StandardCharsets.US_ASCII));
		return cipher.doFinal(input);
	}

	/**
	 * @param setting where the key comes from, named in the error
	 */
	private static byte[] decoded(String setting, String configuredKey) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(configuredKey.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(setting + " must be Base64", ex);
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalStateException(setting + " must hold keys of " + KEY_BYTES + " bytes (Base64 of "
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
			return decoded(keyFile.toString(), Files.readString(keyFile));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or make the TOTP key file " + keyFile, ex);
		}
	}

	private record StoredSecret(long communityId, long userId, String secret) {
	}

}
