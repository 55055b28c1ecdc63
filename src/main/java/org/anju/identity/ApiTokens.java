package org.anju.identity;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import org.anju.shared.Fingerprint;
import org.anju.shared.CommunityId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for programs. A token reads {@code <community>.<random>}, so that its
 * community is known before the lookup; only its SHA-256 is stored.
 */
@Component
class ApiTokens {

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final Clock clock;

	private final Duration lifetime;

	ApiTokens(JdbcClient jdbc, UserAccounts accounts, Clock clock,
			@Value("${anju.api-token.lifetime:PT12H}") Duration lifetime) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	@Transactional
	Issued issue(CurrentUser user) {
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = user.communityId() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = this.clock.instant().plus(this.lifetime).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("delete from api_token where community_id = :c and expires_at < now()")
			.param("c", user.communityId())
			.update();
		this.jdbc.sql("insert into api_token (community_id, token_hash, user_id, expires_at) values (:c, :h, :u, :e)")
			.param("c", user.communityId())
			.param("h", Fingerprint.of(token).hex())
			.param("u", user.userId())
			.param("e", Timestamp.from(expiresAt))
			.update();
		return new Issued(token, expiresAt);
	}

	/**
	 * @return the caller behind a live token of an enabled, unlocked account, read afresh
	 * so that a change of role or grids applies at once; one query, outside a
	 * transaction, since every API call pays for it
	 */
	Optional<CurrentUser> resolve(String token) {
		int dot = token.indexOf('.');
		if (dot < 1) {
			return Optional.empty();
		}
		long community;
		try {
			community = Long.parseLong(token.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (community <= 0) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		return this.accounts.byToken(new CommunityId(community), Fingerprint.of(token).hex())
			.filter((stored) -> stored.account().enabled() && !stored.account().lockedAt(now))
			.map(UserAccounts.StoredAccount::asCurrentUser);
	}

	record Issued(String token, Instant expiresAt) {
	}

}
