package org.anju.identity;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.anju.shared.Fingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.anju.platform.ProblemWriter;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A POST to the API that carries an {@code Idempotency-Key} runs in one transaction with
 * the record of its answer, so the create and its record commit together. A retry with
 * the same key and body gets the first answer again; the same key with another body is
 * refused (422); a key whose first request is still running answers 409. Failed requests
 * keep nothing, so they can be retried.
 * <p>
 * A request to one of the {@code sharedPaths} runs without a transaction of its own: its
 * handler writes in a transaction shared with other requests, which claims the key,
 * records the answer and commits them with the change (see {@link IdempotencyClaims}).
 * Its answer is sent once that transaction committed; if it rolled back, 503.
 */
class IdempotentCreates extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(IdempotentCreates.class);

	static final String HEADER = "Idempotency-Key";

	private static final Pattern VISIBLE = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final JdbcClient jdbc;

	private final IdempotencyClaims claims;

	private final TransactionTemplate transaction;

	private final ProblemWriter problems;

	private final Set<String> sharedPaths;

	IdempotentCreates(JdbcClient jdbc, IdempotencyClaims claims, TransactionTemplate transaction,
			ProblemWriter problems, Set<String> sharedPaths) {
		this.jdbc = jdbc;
		this.claims = claims;
		this.transaction = transaction;
		this.problems = problems;
		this.sharedPaths = sharedPaths;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof CurrentUser user)) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER);
		if (!VISIBLE.matcher(key).matches()) {
			this.problems.write(request, response, HttpStatus.BAD_REQUEST, "bad-parameter", "idempotency.key.format",
					Map.of("errors", List.of(Map.of("field", HEADER, "message", "1-200 visible ASCII"))));
			return;
		}
		byte[] body = request.getInputStream().readAllBytes();
		HttpServletRequest cachedRequest = new ReplayableRequest(request, body);
		String hash = Fingerprint
			.of(request.getRequestURI() + "\n" + request.getQueryString() + "\n"
					+ new String(body, StandardCharsets.UTF_8))
			.hex();
		// No look-up first: the claim finds a key used before as surely, and a new key,
		// the common case, costs one statement fewer.
		ContentCachingResponseWrapper cachedResponse = new ContentCachingResponseWrapper(response);
		if (this.sharedPaths.contains(request.getRequestURI())) {
			shared(user, key, hash, request, cachedRequest, response, cachedResponse, chain);
			return;
		}
		try {
			this.transaction
				.executeWithoutResult((status) -> run(user, key, hash, cachedRequest, cachedResponse, chain, status));
		}
		catch (IdempotencyClaims.KeyTaken ex) {
			taken(user, key, hash, request, response);
			return;
		}
		cachedResponse.copyBodyToResponse();
	}

	/**
	 * Answers a request whose key was used before, or is still in flight.
	 */
	private void taken(CurrentUser user, String key, String hash, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Optional<Stored> finished = find(user, key);
		if (finished.isPresent()) {
			replay(finished.get(), hash, request, response);
		}
		else {
			this.problems.write(request, response, HttpStatus.CONFLICT, "idempotency-in-flight", "idempotency.inFlight",
					Map.of());
		}
	}

	/**
	 * Runs a request whose handler writes in a shared transaction, and sends its answer
	 * once that transaction committed. If it rolled back after the request answered
	 * (another request of it failed after its write, or the commit failed), nothing of
	 * the request was kept, the key included: it is answered 503, and a retry with the
	 * same key writes it afresh.
	 */
	private void shared(CurrentUser user, String key, String hash, HttpServletRequest request,
			HttpServletRequest cachedRequest, HttpServletResponse response,
			ContentCachingResponseWrapper cachedResponse, FilterChain chain) throws IOException, ServletException {
		IdempotencyClaim claim = new IdempotencyClaim(user.communityId(), user.username(), key, hash);
		request.setAttribute(IdempotencyClaims.ATTRIBUTE, claim);
		try {
			chain.doFilter(cachedRequest, cachedResponse);
		}
		catch (IOException | ServletException | RuntimeException | Error ex) {
			// the shared transaction, if it wrote the change, rolls back
			claim.answer().complete(new IdempotencyClaim.Answer(500, null, null, null, new byte[0]));
			throw ex;
		}
		if (claim.state() == IdempotencyClaim.State.TAKEN) {
			taken(user, key, hash, request, response);
			return;
		}
		if (claim.state() == IdempotencyClaim.State.WRITTEN) {
			claim.answer().complete(answer(cachedResponse));
			if (!claim.committed().join() && cachedResponse.getStatus() < 400) {
				log.warn("POST {} was answered, but the transaction it shared rolled back: answered 503",
						request.getRequestURI());
				response.reset();
				this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
						"problem.databaseUnavailable", Map.of());
				return;
			}
		}
		cachedResponse.copyBodyToResponse();
	}

	private void run(CurrentUser user, String key, String hash, HttpServletRequest request,
			ContentCachingResponseWrapper response, FilterChain chain, TransactionStatus status) {
		// A claim that finds the key taken throws, and its transaction is rolled back.
		IdempotencyClaim claim = new IdempotencyClaim(user.communityId(), user.username(), key, hash);
		this.claims.claim(List.of(claim));
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException ex) {
			throw new IllegalStateException(ex);
		}
		if (response.getStatus() >= 400) {
			status.setRollbackOnly();
			return;
		}
		this.claims.record(List.of(claim), List.of(answer(response)));
	}

	/**
	 * The answer a request gave, to record under its key.
	 */
	private static IdempotencyClaim.Answer answer(ContentCachingResponseWrapper response) {
		return new IdempotencyClaim.Answer(response.getStatus(), response.getContentType(),
				response.getHeader("Location"), response.getHeader("ETag"), response.getContentAsByteArray());
	}

	private Optional<Stored> find(CurrentUser user, String key) {
		return this.jdbc.sql("""
				select request_hash, status, content_type, location, etag, body from idempotency_record
				where community_id = :c and username = :u and idempotency_key = :k and status > 0
				""")
			.param("c", user.communityId())
			.param("u", user.username())
			.param("k", key)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBytes(6)))
			.optional();
	}

	private void replay(Stored stored, String hash, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (!stored.requestHash().equals(hash)) {
			this.problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
					"idempotency.otherBody",
					Map.of("errors", List.of(Map.of("field", HEADER, "message", "used before with another body"))));
			return;
		}
		response.setStatus(stored.status());
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader("Location", stored.location());
		}
		if (stored.etag() != null) {
			response.setHeader("ETag", stored.etag());
		}
		response.setHeader("Idempotent-Replayed", "true");
		response.getOutputStream().write(stored.body());
	}

	private record Stored(String requestHash, int status, String contentType, String location, String etag,
			byte[] body) {
	}

	/**
	 * The request with its body read once for the hash and served again to the
	 * controller.
	 */
	private static final class ReplayableRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		ReplayableRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

	}

}
