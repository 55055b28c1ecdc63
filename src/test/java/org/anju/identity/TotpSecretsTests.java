package org.anju.identity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.audit.AuditTrail;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Authenticator secrets are encrypted at rest with a key outside the database, bound to
 * their account, and those an earlier version stored in clear are encrypted at start-up.
 */
@AnjuSpringTest
class TotpSecretsTests {

	@Autowired
	TwoFactor twoFactor;

	@Autowired
	TotpSecrets secrets;

	@Autowired
	UserManagement users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	PlaceManagement places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	AuditTrail audit;

	@Test
	void theDatabaseHoldsTheSecretEncryptedAndItStillOpensTheLogin() {
		CurrentUser leader = leader();
		String secret = this.twoFactor.setUp(leader).secret();

		String stored = stored(leader.userId());

		assertThat(stored).startsWith("v1:").doesNotContain(secret);
		assertThat(this.secrets.open(leader.communityId(), leader.userId(), stored)).isEqualTo(secret);
		assertThat(this.twoFactor.confirm(leader, Totp.code(secret, Totp.step(java.time.Instant.now())))).hasSize(10);
		assertThat(this.twoFactor.enabled(leader.community(), leader.userId())).isTrue();
	}

	@Test
	void aSecretStoredInClearByAnEarlierVersionIsEncryptedAtStartUp() {
		CurrentUser leader = leader();
		String clear = Totp.newSecret();
		this.jdbc.sql("insert into two_factor (community_id, user_id, secret) values (:c, :u, :s)")
			.param("c", leader.communityId())
			.param("u", leader.userId())
			.param("s", clear)
			.update();

		assertThat(this.secrets.sealClearSecrets()).isGreaterThanOrEqualTo(1);

		String stored = stored(leader.userId());
		assertThat(stored).startsWith("v1:").doesNotContain(clear);
		assertThat(this.twoFactor.pending(leader).orElseThrow().secret()).isEqualTo(clear);
		assertThat(this.secrets.sealClearSecrets()).as("nothing left in clear").isZero();
	}

	@Test
	void aSealedSecretOpensForItsOwnAccountAndKeyOnly(@TempDir Path folder) {
		String sealed = this.secrets.seal(1, 41, "JBSWY3DPEHPK3PXP");

		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(1, 42, sealed));
		assertThatIllegalStateException().isThrownBy(() -> this.secrets.open(2, 41, sealed));
		TotpSecrets otherKey = keyed("", "", folder.resolve("other.key"));
		assertThatIllegalStateException().isThrownBy(() -> otherKey.open(1, 41, sealed));
		assertThatIllegalStateException().as("a clear value is not taken as sealed")
			.isThrownBy(() -> this.secrets.open(1, 41, "JBSWY3DPEHPK3PXP"));
		assertThat(this.secrets.seal(1, 41, "JBSWY3DPEHPK3PXP")).as("a new nonce each time").isNotEqualTo(sealed);
	}

	@Test
	void withoutAConfiguredKeyOneIsMadeOnceReadableByTheOwnerOnly(@TempDir Path folder) throws Exception {
		Path keyFile = folder.resolve("keys/totp.key");
		String sealed = keyed("", "", keyFile).seal(1, 7, "JBSWY3DPEHPK3PXP");

		assertThat(Base64.getDecoder().decode(Files.readString(keyFile))).hasSize(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
		assertThat(keyed("", "", keyFile).open(1, 7, sealed)).as("the same key next start")
			.isEqualTo("JBSWY3DPEHPK3PXP");
	}

	@Test
	void aKeyOfTheWrongSizeStopsTheStart() {
		assertThatIllegalStateException().isThrownBy(() -> keyed("c2hvcnQ=", "", Path.of("unused")))
			.withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> keyed("not base64!", "", Path.of("unused")))
			.withMessageContaining("Base64");
		assertThatIllegalStateException().as("a previous key, named as such")
			.isThrownBy(() -> keyed(NEW_KEY, OLD_KEY + ",c2hvcnQ=", Path.of("unused")))
			.withMessageContaining("anju.security.totp-previous-keys")
			.withMessageContaining("32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> keyed(NEW_KEY, "not base64!", Path.of("unused")))
			.withMessageContaining("anju.security.totp-previous-keys must be Base64");
	}

	/**
	 * A new key with the old one among the previous keys: every secret the old key sealed
	 * still opens, and at start-up it is sealed again with the new key, audited, so that
	 * the old key can go; a secret sealed with neither is left alone and counted.
	 */
	@Test
	void aNewKeySealsAgainWhatThePreviousKeySealedAndTheOldKeyCanGo(@TempDir Path folder) {
		CurrentUser leader = leader();
		String secret = this.twoFactor.setUp(leader).secret();
		String sealedWithOld = stored(leader.userId());
		CurrentUser stranger = leader();
		this.twoFactor.setUp(stranger);
		String sealedWithUnknown = keyed(NEW_KEY.replace('A', 'B'), "", folder.resolve("unused"))
			.seal(stranger.communityId(), stranger.userId(), Totp.newSecret());
		this.jdbc.sql("update two_factor set secret = :s where community_id = 1 and user_id = :u")
			.param("s", sealedWithUnknown)
			.param("u", stranger.userId())
			.update();
		long audited = rotations(leader.userId());

		TotpSecrets rotated = keyed(NEW_KEY, OLD_KEY, folder.resolve("unused"));
		assertThat(rotated.open(leader.communityId(), leader.userId(), sealedWithOld)).as("the old key still opens")
			.isEqualTo(secret);
		rotated.afterPropertiesSet();

		String resealed = stored(leader.userId());
		assertThat(resealed).isNotEqualTo(sealedWithOld).startsWith("v1:");
		assertThat(keyed(NEW_KEY, "", folder.resolve("unused")).open(leader.communityId(), leader.userId(), resealed))
			.as("the new key alone opens it")
			.isEqualTo(secret);
		assertThatIllegalStateException().isThrownBy(() -> keyed(OLD_KEY, "", folder.resolve("unused"))
			.open(leader.communityId(), leader.userId(), resealed));
		assertThat(rotations(leader.userId())).isEqualTo(audited + 1);
		assertThat(stored(stranger.userId())).as("a secret no key opens is left").isEqualTo(sealedWithUnknown);
		assertThat(rotations(stranger.userId())).isZero();
		assertThat(rotated.resealWithCurrentKey()).as("nothing left under the old key").isZero();
	}

	/**
	 * The key of the test configuration (config/application.properties), now the old one.
	 */
	private static final String OLD_KEY = "SHXF17HOsXYNg4uOiql8N6cJLp50ro0r2y3QfcOvo3A=";

	private static final String NEW_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

	private TotpSecrets keyed(String key, String previousKeys, Path keyFile) {
		return new TotpSecrets(this.jdbc, this.transaction, this.audit, key, previousKeys, keyFile);
	}

	private long rotations(long userId) {
		return this.jdbc.sql("""
				select count(*) from audit_event
				where community_id = 1 and action = 'TWO_FACTOR_KEY_ROTATED' and subject_id = :u
				""").param("u", String.valueOf(userId)).query(Long.class).single();
	}

	private CurrentUser leader() {
		UserAccount account = new RegistryFixtures(this.places, null, this.users).user(Role.LEADER, Set.of(), null,
				null);
		return this.accounts.byId(RegistryFixtures.COMMUNITY, account.id()).orElseThrow().asCurrentUser();
	}

	private String stored(long userId) {
		return this.jdbc.sql("select secret from two_factor where community_id = 1 and user_id = :u")
			.param("u", userId)
			.query(String.class)
			.single();
	}

}
