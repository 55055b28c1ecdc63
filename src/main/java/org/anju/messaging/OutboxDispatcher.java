package org.anju.messaging;

import java.time.Duration;
import java.util.Optional;

import org.anju.platform.AfterCommit;
import org.anju.shared.CommunityId;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands queued messages to the {@link SmsProvider}, each exactly once across restarts and
 * nodes: a message is claimed with {@code FOR UPDATE SKIP LOCKED}, delivered while its
 * row stays locked, and marked in the same transaction. A message goes out right after
 * its sender commits ({@link #sendAfterCommit}); a sweep every few seconds picks up
 * retries and whatever a crash left behind.
 * <p>
 * A failed attempt is retried after {@code anju.sms.retry-backoff}, doubled each time,
 * until {@code anju.sms.max-attempts}; then the message is failed. Should a node die
 * after the provider accepted a message but before the commit, the message is sent again:
 * the provider call is the one step outside the transaction.
 */
@Component
class OutboxDispatcher {

	/** Messages per sweep, so that one sweep does not hold the scheduler for long. */
	static final int BATCH = 100;

	private static final int REASON_LENGTH = 300;

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final String CLAIM = """
			select community_id, id, to_phone, body, attempts from sms_outbox
			where state = 'QUEUED' and next_attempt_at <= clock_timestamp() %s
			order by next_attempt_at, id
			limit 1
			for update skip locked
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final SmsProvider provider;

	private final TaskExecutor background;

	private final int maxAttempts;

	private final Duration backoff;

	OutboxDispatcher(JdbcClient jdbc, TransactionTemplate transaction, ObjectProvider<SmsProvider> providers,
			@Value("${anju.sms.max-attempts:5}") int maxAttempts,
			@Value("${anju.sms.retry-backoff:PT30S}") Duration backoff, TaskExecutor applicationTaskExecutor) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.provider = chosen(providers);
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
		this.background = applicationTaskExecutor;
	}

	/**
	 * The deployment's own provider if it declares one; otherwise messages are only
	 * recorded in the outbox, so that the whole flow works without a provider's account.
	 */
	static SmsProvider chosen(ObjectProvider<SmsProvider> providers) {
		return providers.getIfAvailable(OutboxOnlyProvider::new);
	}

	/**
	 * Sends a message as soon as its sender's transaction commits, on another thread (at
	 * once without a transaction). Nothing is stored for this: the outbox row is the
	 * record, and should the node stop before, the sweep sends it. Should the message be
	 * claimed already, or not yet due, this does nothing.
	 */
	void sendAfterCommit(CommunityId community, long id) {
		AfterCommit.run(() -> this.background.execute(() -> this.transaction
			.executeWithoutResult((status) -> this.jdbc.sql(CLAIM.formatted("and community_id = :c and id = :id"))
				.param("c", community.value())
				.param("id", id)
				.query(Claimed.class)
				.optional()
				.ifPresent(this::deliver))));
	}

	@Scheduled(fixedDelayString = "${anju.sms.dispatch-interval:PT5S}", initialDelayString = "PT10S")
	void sweep() {
		dispatch(BATCH);
	}

	/**
	 * Delivers due messages one transaction each, so that a message marked sent stays
	 * sent whatever happens to the next.
	 * @return how many messages were attempted
	 */
	int dispatch(int limit) {
		int attempted = 0;
		while (attempted < limit && deliverNext()) {
			attempted++;
		}
		return attempted;
	}

	private boolean deliverNext() {
		Boolean delivered = this.transaction.execute((status) -> {
			Optional<Claimed> claimed = next();
			claimed.ifPresent(this::deliver);
			return claimed.isPresent();
		});
		return Boolean.TRUE.equals(delivered);
	}

	private Optional<Claimed> next() {
		return this.jdbc.sql(CLAIM.formatted("")).query(Claimed.class).optional();
	}

	private void deliver(Claimed message) {
		Delivery delivery = attempt(message);
		int attempts = message.attempts() + 1;
		if (delivery.accepted()) {
			this.jdbc.sql("""
					update sms_outbox set state = 'SENT', attempts = :attempts, sent_at = clock_timestamp(),
					       provider_message_id = :providerId, reason = :reason
					where community_id = :c and id = :id
					""")
				.param("attempts", attempts)
				.param("providerId", delivery.providerMessageId())
				.param("reason", reason(message, delivery))
				.param("c", message.communityId())
				.param("id", message.id())
				.update();
			return;
		}
		boolean last = attempts >= this.maxAttempts;
		log.warn("SMS {} to {} failed, attempt {} of {}: {}", message.id(), Phone.mask(message.toPhone()), attempts,
				this.maxAttempts, reason(message, delivery));
		this.jdbc.sql("""
				update sms_outbox set state = :state, attempts = :attempts, reason = :reason,
				       next_attempt_at = clock_timestamp() + make_interval(secs => :delay)
				where community_id = :c and id = :id
				""")
			.param("state", (last ? MessageState.FAILED : MessageState.QUEUED).name())
			.param("attempts", attempts)
			.param("reason", reason(message, delivery))
			.param("delay", this.backoff.multipliedBy(1L << Math.min(attempts - 1, 20)).toMillis() / 1000.0)
			.param("c", message.communityId())
			.param("id", message.id())
			.update();
	}

	private Delivery attempt(Claimed message) {
		try {
			return this.provider.deliver(message.toPhone(), message.body());
		}
		catch (RuntimeException ex) {
			return Delivery.failed(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	/**
	 * A provider's reason as the outbox keeps it: short, and with the number masked, in
	 * case the provider quoted it.
	 */
	private static @Nullable String reason(Claimed message, Delivery delivery) {
		String reason = delivery.reason();
		if (reason == null) {
			return null;
		}
		String masked = reason.replace(message.toPhone(), Phone.mask(message.toPhone()));
		return (masked.length() > REASON_LENGTH) ? masked.substring(0, REASON_LENGTH) : masked;
	}

	/**
	 * A message claimed for one attempt.
	 */
	record Claimed(long communityId, long id, String toPhone, String body, int attempts) {
	}

}
