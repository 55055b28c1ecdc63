package org.anju.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.anju.platform.SingleFlight;
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
 * Hands queued messages to the {@link SmsProvider} in batches, each message exactly once
 * across restarts and nodes. A sender's commit wakes this node's deliverer (one
 * background thread at a time, never a request thread); it claims up to {@link #BATCH}
 * due messages with {@code FOR UPDATE SKIP LOCKED} in one statement, hands them to the
 * provider one after the other while their rows stay locked, and records every outcome
 * with one statement in the same transaction; then it claims again until nothing is due.
 * Two deliverers, on one node or two, never claim the same row, and rows outside the
 * batch are never locked. Under load a batch fills with what arrived meanwhile, so a
 * message costs a share of two statements and of one transaction instead of a transaction
 * of its own. A sweep every few seconds wakes the deliverer too, for retries and for
 * whatever a crash or another node left.
 * <p>
 * A failed attempt (refused, or the provider threw) is retried after
 * {@code anju.sms.retry-backoff}, doubled each time, until {@code anju.sms.max-attempts};
 * then the message is failed. It does not touch the outcomes of the other messages of its
 * batch.
 * <p>
 * The one step outside the transaction is the provider call: should a node die after the
 * provider accepted messages but before the commit, the whole batch is sent again. That
 * window covers at most {@link #BATCH} messages, and no more than the provider took in
 * {@code anju.sms.batch-time} (5 s) plus one call: once a batch has run that long, its
 * remaining messages are not attempted but left to the next claim, which also keeps a
 * slow provider from holding rows it is not delivering.
 */
@Component
class OutboxDispatcher {

	/**
	 * Messages per claim. Under the create benchmark's load (about 280 a second) a batch
	 * fills in under 0.2 s, so the claim and the record become a small share of each
	 * message; and a crash between the provider's acceptance and the commit re-sends at
	 * most 50.
	 */
	static final int BATCH = 50;

	private static final int REASON_LENGTH = 300;

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final SmsProvider provider;

	private final int maxAttempts;

	private final Duration backoff;

	private final Duration batchTime;

	private final SingleFlight deliverer;

	OutboxDispatcher(JdbcClient jdbc, TransactionTemplate transaction, ObjectProvider<SmsProvider> providers,
			@Value("${anju.sms.max-attempts:5}") int maxAttempts,
			@Value("${anju.sms.retry-backoff:PT30S}") Duration backoff,
			@Value("${anju.sms.batch-time:PT5S}") Duration batchTime,
			@Value("${anju.sms.delivery-gather:PT0.2S}") Duration gather, TaskExecutor applicationTaskExecutor) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.provider = chosen(providers);
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
		this.batchTime = batchTime;
		this.deliverer = new SingleFlight("Delivering text messages", applicationTaskExecutor, gather,
				() -> dispatch(Integer.MAX_VALUE));
	}

	/**
	 * The deployment's own provider if it declares one; otherwise messages are only
	 * recorded in the outbox, so that the whole flow works without a provider's account.
	 */
	static SmsProvider chosen(ObjectProvider<SmsProvider> providers) {
		return providers.getIfAvailable(OutboxOnlyProvider::new);
	}

	/**
	 * Wakes the deliverer once the sender's transaction commits (not on a rollback, at
	 * once without a transaction). Nothing is stored for this: the outbox row is the
	 * record, and should the node stop before, the sweep sends it.
	 */
	void wakeAfterCommit() {
		this.deliverer.wakeAfterCommit();
	}

	@Scheduled(fixedDelayString = "${anju.sms.dispatch-interval:PT5S}",
			initialDelayString = "${anju.sms.dispatch-interval:PT5S}")
	void sweep() {
		this.deliverer.wake();
	}

	/**
	 * Delivers due messages a batch per transaction, on the caller's thread, until none
	 * is due or {@code limit} were attempted.
	 * @return how many messages were attempted
	 */
	int dispatch(int limit) {
		int attempted = 0;
		while (attempted < limit) {
			int size = Math.min(BATCH, limit - attempted);
			Batch batch = Objects.requireNonNull(this.transaction.execute((status) -> deliverBatch(size)));
			attempted += batch.attempted();
			if (!batch.moreMayWait(size)) {
				return attempted;
			}
		}
		return attempted;
	}

	/**
	 * Claims up to {@code size} due messages, hands them to the provider until the batch
	 * time is spent, and records what became of each; in the caller's transaction.
	 */
	Batch deliverBatch(int size) {
		List<Claimed> claimed = this.jdbc.sql("""
				select community_id, id, to_phone, body, attempts from sms_outbox
				where state = 'QUEUED' and next_attempt_at <= clock_timestamp()
				order by next_attempt_at, id
				limit :size
				for update skip locked
				""").param("size", size).query(Claimed.class).list();
		List<Outcome> outcomes = new ArrayList<>(claimed.size());
		long deadline = System.nanoTime() + this.batchTime.toNanos();
		for (Claimed message : claimed) {
			if (!outcomes.isEmpty() && System.nanoTime() - deadline > 0) {
				// a slow provider: the rest go back to the queue as they were
				break;
			}
			outcomes.add(outcome(message, attempt(message)));
		}
		if (!outcomes.isEmpty()) {
			record(outcomes);
		}
		return new Batch(claimed.size(), outcomes.size());
	}

	private Outcome outcome(Claimed message, Delivery delivery) {
		int attempts = message.attempts() + 1;
		String reason = reason(message, delivery);
		double delay = this.backoff.multipliedBy(1L << Math.min(attempts - 1, 20)).toMillis() / 1000.0;
		if (delivery.accepted()) {
			return new Outcome(message, MessageState.SENT, attempts, reason, delivery.providerMessageId(), delay);
		}
		log.warn("SMS {} to {} failed, attempt {} of {}: {}", message.id(), Phone.mask(message.toPhone()), attempts,
				this.maxAttempts, reason);
		MessageState state = (attempts >= this.maxAttempts) ? MessageState.FAILED : MessageState.QUEUED;
		return new Outcome(message, state, attempts, reason, null, delay);
	}

	/**
	 * Records a batch's outcomes with one statement, whatever their mix.
	 */
	private void record(List<Outcome> outcomes) {
		this.jdbc
			.sql("""
					update sms_outbox o
					set state = r.state, attempts = r.attempts, reason = r.reason, provider_message_id = r.provider_id,
					    sent_at = case when r.state = 'SENT' then clock_timestamp() else o.sent_at end,
					    next_attempt_at = case when r.state = 'SENT' then o.next_attempt_at
					                           else clock_timestamp() + make_interval(secs => r.delay) end
					from unnest(cast(:communities as bigint[]), cast(:ids as bigint[]), cast(:states as text[]),
					            cast(:attempts as int[]), cast(:reasons as text[]), cast(:providerIds as text[]),
					            cast(:delays as float8[])) as r(community_id, id, state, attempts, reason, provider_id, delay)
					where o.community_id = r.community_id and o.id = r.id
					""")
			.param("communities", outcomes.stream().mapToLong((o) -> o.message().communityId()).toArray())
			.param("ids", outcomes.stream().mapToLong((o) -> o.message().id()).toArray())
			.param("states", outcomes.stream().map((o) -> o.state().name()).toArray(String[]::new))
			.param("attempts", outcomes.stream().mapToInt(Outcome::attempts).toArray())
			.param("reasons", outcomes.stream().map(Outcome::reason).toArray(String[]::new))
			.param("providerIds", outcomes.stream().map(Outcome::providerId).toArray(String[]::new))
			.param("delays", outcomes.stream().mapToDouble(Outcome::delay).toArray())
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
	 * What became of one message of a batch, as the outbox records it.
	 *
	 * @param delay seconds until the next attempt, should this one have failed
	 */
	private record Outcome(Claimed message, MessageState state, int attempts, @Nullable String reason,
			@Nullable String providerId, double delay) {
	}

	/**
	 * A message claimed for one attempt.
	 */
	record Claimed(long communityId, long id, String toPhone, String body, int attempts) {
	}

	/**
	 * What one claim took and how many of those were handed to the provider; the rest
	 * were left to the next claim when the batch time ran out.
	 */
	record Batch(int claimed, int attempted) {

		/**
		 * @return whether the claim took all it asked for or left some untried, so that
		 * more may be due
		 */
		boolean moreMayWait(int asked) {
			return this.claimed == asked || this.attempted < this.claimed;
		}

	}

}
