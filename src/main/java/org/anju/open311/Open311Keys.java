package org.anju.open311;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.shared.Fingerprint;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keys that outside bodies send as {@code api_key}. A key reads
 * {@code <community>.<random>}, as API tokens do, so that its lookup goes to one
 * community; only its SHA-256 is stored, so the key text is shown once, at issue. A key
 * is revoked, never deleted, because the requests it sent name it.
 */
@Service
@Transactional
class Open311Keys {

	private static final String COLUMNS = "id, name, created_at, created_by, revoked_at, revoked_by";

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	Open311Keys(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Issues a key to an outside body.
	 * @throws InvalidInput when the name is blank or longer than 60 characters
	 * @throws Refused when the body already holds a live key
	 */
	Open311Key.Issued issue(CurrentUser admin, @Nullable String name) {
		String clean = (name != null) ? name.strip() : "";
		if (clean.isEmpty() || clean.length() > 60) {
			throw new InvalidInput("name", "open311.key.nameLength");
		}
		CommunityId community = admin.community();
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String key = community.value() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		long id;
		try {
			id = this.jdbc.sql("""
					insert into open311_key (community_id, name, key_hash, created_at, created_by)
					values (:c, :name, :hash, :at, :by) returning id
					""")
				.param("c", community.value())
				.param("name", clean)
				.param("hash", Fingerprint.of(key).hex())
				.param("at", Timestamp.from(now))
				.param("by", admin.username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("open311.key.nameTaken", clean);
		}
		this.audit.record(community, "OPEN311_KEY_ISSUED", "OPEN311_KEY", id, Map.of("name", clean));
		return new Open311Key.Issued(id, clean, key, now);
	}

	/**
	 * @return every key of the community, live or revoked, newest first; never
	 * {@literal null}
	 */
	@Transactional(readOnly = true)
	List<Open311Key> all(CommunityId community) {
		return this.jdbc.sql("select " + COLUMNS + " from open311_key where community_id = :c order by id desc")
			.param("c", community.value())
			.query(Open311Keys::key)
			.list();
	}

	/**
	 * @throws NotFound when the community has no such key
	 */
	@Transactional(readOnly = true)
	Open311Key get(CommunityId community, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from open311_key where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(Open311Keys::key)
			.optional()
			.orElseThrow(() -> new NotFound("open311 key", id));
	}

	/**
	 * Revokes a key: from now on it is refused, and the requests it sent stay.
	 * @throws NotFound when the community has no such key
	 * @throws Refused when it is already revoked
	 */
	Open311Key revoke(CurrentUser admin, long id) {
		CommunityId community = admin.community();
		Open311Key key = get(community, id);
		int revoked = this.jdbc.sql("""
				update open311_key set revoked_at = :at, revoked_by = :by
				where community_id = :c and id = :id and revoked_at is null
				""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", admin.username())
			.param("c", community.value())
			.param("id", id)
			.update();
		if (revoked == 0) {
			throw new Refused("open311.key.revoked", key.name());
		}
		this.audit.record(community, "OPEN311_KEY_REVOKED", "OPEN311_KEY", id, Map.of("name", key.name()));
		return get(community, id);
	}

	/**
	 * @return the outside body behind a live key, or empty for a key that is malformed,
	 * unknown or revoked
	 */
	@Transactional(readOnly = true)
	Optional<Open311Caller> resolve(String key) {
		int dot = key.indexOf('.');
		if (dot < 1) {
			return Optional.empty();
		}
		long community;
		try {
			community = Long.parseLong(key.substring(0, dot));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		if (community <= 0) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select id, name from open311_key where community_id = :c and key_hash = :h and revoked_at is null")
			.param("c", community)
			.param("h", Fingerprint.of(key).hex())
			.query((rs, n) -> new Open311Caller(new CommunityId(community), rs.getLong("id"), rs.getString("name")))
			.optional();
	}

	private static Open311Key key(ResultSet rs, int row) throws SQLException {
		Timestamp revokedAt = rs.getTimestamp("revoked_at");
		return new Open311Key(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), (revokedAt != null) ? revokedAt.toInstant() : null,
				rs.getString("revoked_by"));
	}

}
