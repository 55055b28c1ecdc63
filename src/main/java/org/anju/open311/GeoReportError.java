package org.anju.open311;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request that GeoReport refuses, answered with the spec's status and its list of
 * errors: 403 for a missing or wrong {@code api_key}, 404 for what does not exist, 400
 * for anything else that cannot be done, and 429 when a key sends too fast. Each error is
 * a message code resolved in the caller's language.
 */
class GeoReportError extends RuntimeException {

	private final HttpStatus status;

	private final List<Problem> problems;

	private final long retryAfterSeconds;

	GeoReportError(HttpStatus status, String code, Object... args) {
		this(status, List.of(new Problem(code, args)), 0);
	}

	GeoReportError(HttpStatus status, List<Problem> problems, long retryAfterSeconds) {
		super(problems.isEmpty() ? status.toString() : problems.get(0).code());
		this.status = status;
		this.problems = List.copyOf(problems);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	HttpStatus status() {
		return this.status;
	}

	List<Problem> problems() {
		return this.problems;
	}

	/**
	 * @return how long a rate-limited key should wait, or 0
	 */
	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	/** One error of the list: a message code and its arguments. */
	record Problem(String code, Object... args) {
	}

}
