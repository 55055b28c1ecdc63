package org.anju.identity;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.anju.shared.Refused;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Idempotency keys for handlers that write many requests' changes in one transaction,
 * such as appeal intake: the claim of each key, its change and its answer commit
 * together, as {@link IdempotentCreates} gives every other keyed request in a transaction
 * of its own. The writer claims the keys when it writes, marks them written, records the
 * answers before it commits and tells each request how its transaction ended.
 */
@Component
public class IdempotencyClaims {

	/** How long a shared transaction waits for a request to answer before it gives up. */
	private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

	static final String ATTRIBUTE = IdempotencyClaim.class.getName();

	private final JdbcClient jdbc;

	IdempotencyClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The key of the request this thread serves, when its handler is one whose writes are
	 * shared.
	 */
	public Optional<IdempotencyClaim> current() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		return Optional.ofNullable(request)
			.map((attributes) -> attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST))
			.map(IdempotencyClaim.class::cast);
	}

	/**
	 * Claims the keys in the current transaction. A key that another request is still
	 * running under is waited for only briefly.
	 * @throws KeyTaken when a key is taken, or held by a request still running: the
	 * transaction must roll back; a key alone that is taken is marked so, and its request
	 * answers as the first one did
	 */
	public void claim(List<IdempotencyClaim> claims) {
		if (claims.isEmpty()) {
			return;
		}
		claims.forEach((claim) -> claim.state(IdempotencyClaim.State.NONE));
		if (claims.stream().map(IdempotencyClaim::id).distinct().count() < claims.size()) {
			// one key twice: which request is first is settled by writing each alone
			throw new KeyTaken();
		}
		List<List<Object>> rows;
		try {
			// The wait's limit is set for the claim and lifted by it in the same
			// statement, so that the rest of the transaction is not held to it.
			rows = this.jdbc.sql("""
					with brief as (select set_config('lock_timeout', '200ms', true))
					insert into idempotency_record (community_id, username, idempotency_key, request_hash, status, body)
					select c, u, k, h, 0, '' from brief,
					  unnest(cast(:communities as bigint[]), cast(:usernames as text[]), cast(:keys as text[]),
					         cast(:hashes as text[])) with ordinality as x(c, u, k, h, n)
					order by n
					on conflict do nothing
					returning community_id, username, idempotency_key, set_config('lock_timeout', '0', true)
					""")
				.param("communities", claims.stream().map((claim) -> claim.community).toArray(Long[]::new))
				.param("usernames", claims.stream().map((claim) -> claim.username).toArray(String[]::new))
				.param("keys", claims.stream().map((claim) -> claim.key).toArray(String[]::new))
				.param("hashes", claims.stream().map((claim) -> claim.hash).toArray(String[]::new))
				.query((rs, n) -> List.<Object>of(rs.getLong(1), rs.getString(2), rs.getString(3)))
				.list();
		}
		catch (DataAccessResourceFailureException ex) {
			// the database is away, not the key taken: answered 503
			// (platform.DatabaseOutage)
			throw ex;
		}
		catch (DataAccessException ex) {
			// a key held by a request still running: which one is known only alone
			if (claims.size() == 1) {
				claims.get(0).state(IdempotencyClaim.State.TAKEN);
			}
			throw new KeyTaken();
		}
		List<IdempotencyClaim> taken = claims.stream().filter((claim) -> !rows.contains(claim.id())).toList();
		if (!taken.isEmpty()) {
			taken.forEach((claim) -> claim.state(IdempotencyClaim.State.TAKEN));
			throw new KeyTaken();
		}
	}

	/**
	 * Marks the keys claimed and their changes written: their requests answer now, and
	 * {@link #recordAnswers} waits for the answers.
	 */
	public void written(List<IdempotencyClaim> claims) {
		claims.forEach((claim) -> claim.state(IdempotencyClaim.State.WRITTEN));
	}

	/**
	 * Waits for each request to answer and records the answers in the current
	 * transaction.
	 * @throws IllegalStateException when a request failed after its change was written,
	 * or did not answer in time: the transaction must roll back, and its requests are
	 * answered 503, to be retried
	 */
	public void recordAnswers(List<IdempotencyClaim> claims) {
		if (claims.isEmpty()) {
			return;
		}
		long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
		List<IdempotencyClaim.Answer> answers = claims.stream().map((claim) -> {
			try {
				return claim.answer().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for an answer", ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("a request did not answer in time", ex);
			}
		}).toList();
		if (answers.stream().anyMatch((answer) -> answer.status() >= 400)) {
			throw new IllegalStateException("a request failed after its change was written");
		}
		record(claims, answers);
	}

	/**
	 * Records the answers of claimed keys, each at the same place in {@code answers}, in
	 * one statement in the current transaction.
	 */
	void record(List<IdempotencyClaim> claims, List<IdempotencyClaim.Answer> answers) {
		this.jdbc.sql("""
				update idempotency_record r
				set status = a.status, content_type = a.content_type, location = a.location, etag = a.etag,
				    body = decode(a.body, 'base64')
				from unnest(cast(:communities as bigint[]), cast(:usernames as text[]), cast(:keys as text[]),
				            cast(:statuses as int[]), cast(:types as text[]), cast(:locations as text[]),
				            cast(:etags as text[]), cast(:bodies as text[]))
				  as a(community_id, username, idempotency_key, status, content_type, location, etag, body)
				where r.community_id = a.community_id and r.username = a.username
				  and r.idempotency_key = a.idempotency_key
				""")
			.param("communities", claims.stream().map((claim) -> claim.community).toArray(Long[]::new))
			.param("usernames", claims.stream().map((claim) -> claim.username).toArray(String[]::new))
			.param("keys", claims.stream().map((claim) -> claim.key).toArray(String[]::new))
			.param("statuses", answers.stream().map(IdempotencyClaim.Answer::status).toArray(Integer[]::new))
			.param("types", answers.stream().map(IdempotencyClaim.Answer::contentType).toArray(String[]::new))
			.param("locations", answers.stream().map(IdempotencyClaim.Answer::location).toArray(String[]::new))
			.param("etags", answers.stream().map(IdempotencyClaim.Answer::etag).toArray(String[]::new))
			.param("bodies",
					answers.stream()
						.map((answer) -> Base64.getEncoder().encodeToString(answer.body()))
						.toArray(String[]::new))
			.update();
	}

	/**
	 * Tells each request whether the transaction that wrote its change committed.
	 */
	public void completed(List<IdempotencyClaim> claims, boolean committed) {
		claims.forEach((claim) -> claim.committed().complete(committed));
	}

	/**
	 * A key in the batch is taken, or held by a request still running.
	 */
	public static final class KeyTaken extends Refused {

		KeyTaken() {
			super("idempotency.inFlight");
		}

	}

}
