package org.anju.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.shared.Phone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.messaging.MessagingFixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher hands each message to the provider once, in batches, however many
 * dispatchers compete for it, and retries a failed one with a growing pause until it
 * gives up. The application's own deliverer (woken by every sender's commit; the tests
 * turn its sweep off) competes too, so these tests wait for outcomes instead of assuming
 * which dispatcher got there.
 */
@AnjuSpringTest
class OutboxDispatcherTests {

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	TextMessages messages;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScriptedSmsProvider provider;

	@Autowired
	ApplicationContext context;

	@Value("${anju.sms.dispatch-interval}")
	Duration sweepInterval;

	MessagingFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MessagingFixtures(this.messages, this.transaction, this.jdbc);
	}

	@Test
	void aCommitWakesTheDelivererWithoutWaitingForTheSweep() {
		assertThat(this.sweepInterval).as("the tests' sweep, so that only a wake-up can deliver in time")
			.isGreaterThan(PATIENCE.multipliedBy(2));
		Phone to = phone();

		Queued queued = this.fixtures.sendCommitted(to);

		MessagingFixtures.Row row = awaitAttempts(queued.id(), 1);
		assertThat(row.state()).isEqualTo(MessageState.SENT);
		assertThat(this.provider.deliveredTo(to.value())).hasSize(1);
	}

	@Test
	void aBatchOfQueuedMessagesIsDeliveredByOneClaimEachExactlyOnce() {
		List<Phone> phones = phones(8);

		List<Long> ids = queueInOneTransaction(phones, "batch");

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(ids)
				.allSatisfy((id) -> assertThat(this.fixtures.row(id).state()).isEqualTo(MessageState.SENT)));
		assertThat(ids).allSatisfy((id) -> assertThat(this.fixtures.row(id).attempts()).isEqualTo(1));
		assertThat(phones).allSatisfy((to) -> assertThat(this.provider.deliveredTo(to.value())).hasSize(1));
		assertThat(transactionsOf(phones)).as("one claim, one transaction for the whole batch").hasSize(1);
	}

	@Test
	void aProviderFailureForOneMessageLeavesTheOthersOfItsBatchSent() {
		List<Phone> phones = phones(5);
		Phone failing = phones.get(2);
		this.provider.failNext(failing.value(), 1);

		List<Long> ids = queueInOneTransaction(phones, "fail");

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(ids)
				.allSatisfy((id) -> assertThat(this.fixtures.row(id).attempts()).isEqualTo(1)));
		assertThat(transactionsOf(phones)).as("one batch").hasSize(1);
		for (int i = 0; i < phones.size(); i++) {
			MessagingFixtures.Row row = this.fixtures.row(ids.get(i));
			if (phones.get(i).equals(failing)) {
				assertThat(row.state()).isEqualTo(MessageState.QUEUED);
				assertThat(row.sent()).isFalse();
				assertThat(row.dueInSeconds()).as("the backoff of 30 seconds").isBetween(20.0, 30.0);
				assertThat(row.reason()).contains("gateway timeout")
					.contains(failing.masked())
					.doesNotContain(failing.value());
			}
			else {
				assertThat(row.state()).isEqualTo(MessageState.SENT);
				assertThat(row.sent()).isTrue();
				assertThat(row.providerMessageId()).startsWith("scripted-");
				assertThat(row.reason()).isNull();
			}
		}
	}

	@Test
	void twoDispatchersRunningAtOnceDeliverEveryMessageExactlyOnce() throws Exception {
		List<Phone> phones = phones(OutboxDispatcher.BATCH * 3);
		// another instance on the same database, as a second node's would be; the
		// application's own deliverer, woken by the commit, competes too
		OutboxDispatcher other = new OutboxDispatcher(this.jdbc, this.transaction,
				this.context.getBeanProvider(SmsProvider.class), 5, Duration.ofSeconds(30), Duration.ofSeconds(5),
				Duration.ZERO, new SyncTaskExecutor());
		// queued in one transaction, so that both dispatchers find all of them waiting
		List<Long> ids = queueInOneTransaction(phones, "race");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (OutboxDispatcher dispatcher : List.of(this.dispatcher, other)) {
				runs.add(threads.submit(() -> {
					start.await();
					return dispatcher.dispatch(1000);
				}));
			}
			start.countDown();
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			threads.shutdown();
		}

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(ids)
				.allSatisfy((id) -> assertThat(this.fixtures.row(id).state()).isEqualTo(MessageState.SENT)));
		assertThat(phones).allSatisfy((to) -> assertThat(this.provider.deliveredTo(to.value())).hasSize(1));
		assertThat(ids).allSatisfy((id) -> assertThat(this.fixtures.row(id).attempts()).isEqualTo(1));
	}

	@Test
	void aMessageQueuedByATransactionThatRollsBackIsNeverDelivered() {
		Phone rolledBack = phone();
		Phone committed = phone();

		this.transaction.executeWithoutResult((status) -> {
			this.messages.send(MessagingFixtures.COMMUNITY, rolledBack, "CALLBACK_REQUEST",
					MessagingFixtures.callback("2026-rb"), "APPEAL", RegistryFixtures.unique("rb"));
			status.setRollbackOnly();
		});
		Queued later = this.fixtures.sendCommitted(committed);
		awaitAttempts(later.id(), 1);
		this.dispatcher.dispatch(1000);

		assertThat(this.provider.deliveredTo(committed.value())).hasSize(1);
		assertThat(this.provider.deliveredTo(rolledBack.value())).isEmpty();
	}

	@Test
	void aSlowProviderLeavesTheRestOfItsBatchToTheNextClaim() {
		List<String> handed = new CopyOnWriteArrayList<>();
		// a batch time of nothing: every provider call runs past it
		OutboxDispatcher slow = new OutboxDispatcher(this.jdbc, this.transaction,
				new StaticListableBeanFactory(Map.of("slow", (SmsProvider) (phone, body) -> {
					handed.add(phone);
					return Delivery.accepted("slow-" + handed.size());
				})).getBeanProvider(SmsProvider.class), 5, Duration.ofSeconds(30), Duration.ZERO, Duration.ZERO,
				new SyncTaskExecutor());
		List<Phone> phones = phones(3);
		// written without a wake-up and due long ago, so that this dispatcher claims them
		// first and the application's deliverer is not told of them
		List<Long> ids = phones.stream()
			.map((to) -> this.jdbc.sql("""
					insert into sms_outbox (community_id, to_phone, template_code, body, state, next_attempt_at)
					values (:c, :phone, 'CALLBACK_REQUEST', '请评价', 'QUEUED', now() - interval '10 years')
					returning id
					""")
				.param("c", MessagingFixtures.COMMUNITY.value())
				.param("phone", to.value())
				.query(Long.class)
				.single())
			.toList();

		OutboxDispatcher.Batch batch = this.transaction.execute((status) -> slow.deliverBatch(OutboxDispatcher.BATCH));

		assertThat(batch.claimed()).isGreaterThanOrEqualTo(phones.size());
		assertThat(batch.attempted()).isOne();
		assertThat(this.fixtures.row(ids.get(0)).state()).isEqualTo(MessageState.SENT);
		assertThat(ids.subList(1, ids.size())).allSatisfy((id) -> {
			MessagingFixtures.Row row = this.fixtures.row(id);
			assertThat(row.state()).isEqualTo(MessageState.QUEUED);
			assertThat(row.attempts()).isZero();
			assertThat(row.dueInSeconds()).as("still due").isNegative();
		});

		slow.dispatch(1000);
		assertThat(ids).allSatisfy((id) -> assertThat(this.fixtures.row(id).state()).isEqualTo(MessageState.SENT));
		assertThat(phones).allSatisfy((to) -> assertThat(handed).containsOnlyOnce(to.value()));
	}

	@Test
	void aFailedAttemptIsRetriedAfterAPauseThatDoubles() {
		Phone to = phone();
		this.provider.failNext(to.value(), 2);

		Queued queued = this.fixtures.sendCommitted(to);

		MessagingFixtures.Row first = awaitAttempts(queued.id(), 1);
		assertThat(first.state()).isEqualTo(MessageState.QUEUED);
		assertThat(first.reason()).contains("gateway timeout").contains(to.masked()).doesNotContain(to.value());
		// the test configuration keeps the default backoff of 30 seconds
		assertThat(first.dueInSeconds()).isBetween(20.0, 30.0);
		this.dispatcher.dispatch(1000);
		assertThat(this.fixtures.row(queued.id()).attempts()).as("not due yet").isEqualTo(1);

		this.fixtures.dueNow(queued.id());
		this.dispatcher.dispatch(1000);
		MessagingFixtures.Row second = awaitAttempts(queued.id(), 2);
		assertThat(second.state()).isEqualTo(MessageState.QUEUED);
		assertThat(second.dueInSeconds()).isBetween(50.0, 60.0);

		this.fixtures.dueNow(queued.id());
		this.dispatcher.dispatch(1000);
		MessagingFixtures.Row third = awaitAttempts(queued.id(), 3);
		assertThat(third.state()).isEqualTo(MessageState.SENT);
		assertThat(third.sent()).isTrue();
		assertThat(this.provider.deliveredTo(to.value())).hasSize(3);
	}

	@Test
	void aMessageThatKeepsFailingIsGivenUpAfterFiveAttempts() {
		Phone to = phone();
		this.provider.failNext(to.value(), 100);
		Queued queued = this.fixtures.sendCommitted(to);

		for (int attempt = 1; attempt <= 5; attempt++) {
			awaitAttempts(queued.id(), attempt);
			this.fixtures.dueNow(queued.id());
			this.dispatcher.dispatch(1000);
		}

		MessagingFixtures.Row row = this.fixtures.row(queued.id());
		assertThat(row.state()).isEqualTo(MessageState.FAILED);
		assertThat(row.attempts()).isEqualTo(5);
		assertThat(row.sent()).isFalse();
		assertThat(this.provider.deliveredTo(to.value())).hasSize(5);
	}

	private static List<Phone> phones(int count) {
		return IntStream.range(0, count).mapToObj((i) -> phone()).toList();
	}

	/**
	 * Queues a callback request to each number in one committed transaction.
	 * @return the outbox IDs, in the order of the numbers
	 */
	private List<Long> queueInOneTransaction(List<Phone> phones, String about) {
		String appeal = RegistryFixtures.unique(about);
		List<Long> ids = new ArrayList<>();
		this.transaction.executeWithoutResult((status) -> {
			for (int i = 0; i < phones.size(); i++) {
				ids.add(this.messages
					.send(MessagingFixtures.COMMUNITY, phones.get(i), "CALLBACK_REQUEST",
							MessagingFixtures.callback(appeal + "-" + i), "APPEAL", appeal + "-" + i)
					.id());
			}
		});
		return ids;
	}

	/**
	 * @return the distinct database transactions that handed these numbers' messages over
	 */
	private Set<Long> transactionsOf(List<Phone> phones) {
		return phones.stream()
			.flatMap((to) -> this.provider.transactionsOf(to.value()).stream())
			.collect(Collectors.toSet());
	}

	private MessagingFixtures.Row awaitAttempts(long id, int attempts) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.fixtures.row(id).attempts()).isEqualTo(attempts));
		return this.fixtures.row(id);
	}

}
