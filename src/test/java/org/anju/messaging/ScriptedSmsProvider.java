package org.anju.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The test suite's text message provider. Component scanning finds it in every
 * application context of the tests, so it replaces {@link OutboxOnlyProvider} there: it
 * accepts every message and remembers it per number, with the database transaction that
 * handed it over (to tell batches apart), and it fails a number as often as a test asks,
 * quoting the number in its error as careless providers do.
 */
@Component
class ScriptedSmsProvider implements SmsProvider {

	private final Map<String, List<Handed>> delivered = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger();

	private final JdbcClient jdbc;

	ScriptedSmsProvider(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Delivery deliver(String phone, String body) {
		// the dispatcher's transaction, bound to this thread while it delivers
		long transaction = this.jdbc.sql("select txid_current()").query(Long.class).single();
		this.delivered.computeIfAbsent(phone, (key) -> new CopyOnWriteArrayList<>()).add(new Handed(body, transaction));
		AtomicInteger failing = this.failures.get(phone);
		if (failing != null && failing.getAndDecrement() > 0) {
			throw new IllegalStateException("gateway timeout sending to " + phone);
		}
		return Delivery.accepted("scripted-" + this.sequence.incrementAndGet());
	}

	/**
	 * @return every body handed over for this number, attempts that failed included
	 */
	List<String> deliveredTo(String phone) {
		return handedOver(phone).stream().map(Handed::body).toList();
	}

	/**
	 * @return the database transactions that handed this number's messages over, one per
	 * attempt
	 */
	List<Long> transactionsOf(String phone) {
		return handedOver(phone).stream().map(Handed::transaction).toList();
	}

	private List<Handed> handedOver(String phone) {
		return List.copyOf(this.delivered.getOrDefault(phone, List.of()));
	}

	void failNext(String phone, int times) {
		this.failures.put(phone, new AtomicInteger(times));
	}

	private record Handed(String body, long transaction) {
	}

}
