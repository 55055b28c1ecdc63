package org.anju.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.anju.audit.AuditTrail;
import org.anju.shared.CommunityId;
import org.anju.shared.Fingerprint;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-factor login with an authenticator app: set up, confirmed with a first code (which
 * hands out ten recovery codes, shown once), checked at every login, switched off with a
 * code, and reset by an administrator for someone who lost their phone. With
 * {@code anju.security.two-factor-roles} set (for example {@code ADMIN,LEADER}, as MLPS
 * level 3 expects), those roles must set it up before anything else.
 */
@Service
@Transactional
public class TwoFactor {

	private static final String ISSUER = "Anju";

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final Set<Role> requiredFor;

	private final TotpSecrets secrets;

	TwoFactor(JdbcClient jdbc, AuditTrail audit, Clock clock,
			@Value("${anju.security.two-factor-roles:}") Set<Role> requiredFor, TotpSecrets secrets) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.audit = audit;
		this.clock = clock;
		this.requiredFor = requiredFor.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(requiredFor);
	}

	/**
	 * A new secret for the caller, waiting for its first code. Starting again replaces a
	 * secret not yet confirmed.
	 * @throws Refused when two-factor login is already on
	 */
	public Setup setUp(CurrentUser user) {
		if (enabled(user.community(), user.userId())) {
			throw new Refused("twoFactor.alreadyOn");
		}
		String secret = Totp.newSecret();
		this.jdbc.sql("""
				insert into two_factor (community_id, user_id, secret) values (:c, :u, :s)
				on conflict (community_id, user_id) do update set secret = excluded.secret, last_step = 0
				""")
			.param("c", user.communityId())
			.param("u", user.userId())
			.param("s", this.secrets.seal(user.communityId(), user.userId(), secret))
			.update();
		return setup(user, secret);
	}

	/**
	 * The secret set up and not yet confirmed, for showing again.
	 */
	public Optional<Setup> pending(CurrentUser user) {
		return secret(user.community(), user.userId(), false).map((secret) -> setup(user, secret));
	}

	/**
	 * Switches two-factor login on with the first code from the app.
	 * @return ten recovery codes, each good for one login, shown this once
	 * @throws InvalidInput when the code is not the app's
	 */
	public List<String> confirm(CurrentUser user, @Nullable String code) {
		Optional<String> pending = secret(user.community(), user.userId(), false);
		if (pending.isEmpty()) {
			throw new Refused(enabled(user.community(), user.userId()) ? "twoFactor.alreadyOn" : "twoFactor.notSetUp");
		}
		OptionalLong step = Totp.match(pending.get(), String.valueOf(code), Totp.step(this.clock.instant()));
		if (step.isEmpty()) {
			throw new InvalidInput("code", "twoFactor.code.wrong");
		}
		this.jdbc.sql("""
				update two_factor set confirmed_at = now(), last_step = :step where community_id = :c and user_id = :u
				""").param("c", user.communityId()).param("u", user.userId()).param("step", step.getAsLong()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String recovery = recoveryCode();
			codes.add(recovery);
			this.jdbc.sql("insert into recovery_code (community_id, user_id, code_hash) values (:c, :u, :h)")
				.param("c", user.communityId())
				.param("u", user.userId())
				.param("h", Fingerprint.of(recovery).hex())
				.update();
		}
		this.audit.record(user.community(), "TWO_FACTOR_ENABLED", "USER", user.userId(), Map.of());
		return codes;
	}

	/**
	 * Switches the caller's two-factor login off, with a code from the app or a recovery
	 * code.
	 */
	public void disable(CurrentUser user, @Nullable String code) {
		if (!enabled(user.community(), user.userId())) {
			throw new Refused("twoFactor.notOn");
		}
		if (!check(user.community(), user.userId(), code)) {
			throw new InvalidInput("code", "twoFactor.code.wrong");
		}
		remove(user.community(), user.userId());
		this.audit.record(user.community(), "TWO_FACTOR_DISABLED", "USER", user.userId(), Map.of());
	}

	/**
	 * An administrator switches someone's two-factor login off, for one who lost their
	 * phone and their recovery codes; they set it up again at their next login.
	 */
	public void reset(CurrentUser admin, long userId) {
		if (!admin.may(Permission.USERS_MANAGE)) {
			throw new AccessDeniedException("needs USERS_MANAGE");
		}
		if (this.jdbc.sql("select count(*) from user_account where community_id = :c and id = :u")
			.param("c", admin.communityId())
			.param("u", userId)
			.query(Long.class)
			.single() == 0) {
			throw new NotFound("user", userId);
		}
		remove(admin.community(), userId);
		this.audit.record(admin.community(), "TWO_FACTOR_RESET", "USER", userId, Map.of());
	}

	public boolean enabled(CommunityId community, long userId) {
		return this.jdbc.sql(
				"select count(*) from two_factor where community_id = :c and user_id = :u and confirmed_at is not null")
			.param("c", community.value())
			.param("u", userId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @return whether the user's role must have two-factor login and they have not set it
	 * up yet
	 */
	public boolean missing(CurrentUser user) {
		return this.requiredFor.contains(user.role()) && !enabled(user.community(), user.userId());
	}

	/**
	 * Takes a code from the app, once: a code already used, even within its 30 seconds,
	 * is refused, so an overheard code opens nothing. Or takes an unused recovery code.
	 */
	boolean check(CommunityId community, long userId, @Nullable String code) {
		if (code == null || code.isBlank()) {
			return false;
		}
		Optional<String> secret = secret(community, userId, true);
		if (secret.isEmpty()) {
			return false;
		}
		OptionalLong step = Totp.match(secret.get(), code, Totp.step(this.clock.instant()));
		if (step.isPresent()) {
			return this.jdbc.sql("""
					update two_factor set last_step = :step
					where community_id = :c and user_id = :u and last_step < :step
					""").param("c", community.value()).param("u", userId).param("step", step.getAsLong()).update() == 1;
		}
		boolean recovered = this.jdbc.sql("""
				update recovery_code set used_at = :now
				where community_id = :c and user_id = :u and code_hash = :h and used_at is null
				""")
			.param("c", community.value())
			.param("u", userId)
			.param("h", Fingerprint.of(code.strip().toLowerCase()).hex())
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
		if (recovered) {
			this.audit.record(community, "RECOVERY_CODE_USED", "USER", userId, Map.of());
		}
		return recovered;
	}

	/**
	 * @return the user's secret, opened, if they have one confirmed or one waiting for
	 * its first code
	 */
	private Optional<String> secret(CommunityId community, long userId, boolean confirmed) {
		return this.jdbc
			.sql("select secret from two_factor where community_id = :c and user_id = :u and "
					+ (confirmed ? "confirmed_at is not null" : "confirmed_at is null"))
			.param("c", community.value())
			.param("u", userId)
			.query(String.class)
			.optional()
			.map((sealed) -> this.secrets.open(community.value(), userId, sealed));
	}

	private void remove(CommunityId community, long userId) {
		for (String table : List.of("recovery_code", "two_factor")) {
			this.jdbc.sql("delete from " + table + " where community_id = :c and user_id = :u")
				.param("c", community.value())
				.param("u", userId)
				.update();
		}
	}

	private static Setup setup(CurrentUser user, String secret) {
		String label = URLEncoder.encode(ISSUER + ":" + user.actor(), StandardCharsets.UTF_8).replace("+", "%20");
		return new Setup(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
				+ "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS);
	}

	private static String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * A secret waiting for its first code, and the address an authenticator app scans.
	 */
	public record Setup(String secret, String otpauthUri) {
	}

}
