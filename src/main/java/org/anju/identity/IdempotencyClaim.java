package org.anju.identity;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * The {@code Idempotency-Key} of a request whose handler writes in a transaction shared
 * with other requests (see {@link IdempotencyClaims}): the shared transaction claims the
 * key with the request's change, waits for the request's answer and records it, and tells
 * the request whether it committed. The request runs again when it did not.
 */
public final class IdempotencyClaim {

	/**
	 * How far a claim got.
	 */
	enum State {

		/** Not claimed: the request wrote nothing under its key. */
		NONE,

		/** Another request has the key, answered or still running. */
		TAKEN,

		/** Claimed and written; the transaction waits for the answer. */
		WRITTEN

	}

	final long community;

	final String username;

	final String key;

	final String hash;

	private volatile State state = State.NONE;

	private final CompletableFuture<Answer> answer = new CompletableFuture<>();

	private final CompletableFuture<Boolean> committed = new CompletableFuture<>();

	IdempotencyClaim(long community, String username, String key, String hash) {
		this.community = community;
		this.username = username;
		this.key = key;
		this.hash = hash;
	}

	/**
	 * What makes the key one: its community, its user and the key itself.
	 */
	List<Object> id() {
		return List.of(this.community, this.username, this.key);
	}

	State state() {
		return this.state;
	}

	void state(State state) {
		this.state = state;
	}

	CompletableFuture<Answer> answer() {
		return this.answer;
	}

	CompletableFuture<Boolean> committed() {
		return this.committed;
	}

	/**
	 * What the request answered, to record with its change.
	 */
	record Answer(int status, @Nullable String contentType, @Nullable String location, @Nullable String etag,
			byte[] body) {
	}

}
