package org.anju.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anju.AnjuSpringTest;
import org.anju.shared.Phone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.messaging.MessagingFixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher hands each message to the provider once, however many dispatchers
 * compete for it, and retries a failed one with a growing pause until it gives up. The
 * application's own dispatcher (on the event and on its schedule) competes too, so these
 * tests wait for outcomes instead of assuming which dispatcher got there.
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

	MessagingFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MessagingFixtures(this.messages, this.transaction, this.jdbc);
	}

	@Test
	void twoDispatchersRunningAtOnceDeliverEveryMessageExactlyOnce() throws Exception {
		List<Phone> phones = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		// queued in one transaction, so that both dispatchers find all of them waiting
		this.transaction.executeWithoutResult((status) -> {
			for (int i = 0; i < 40; i++) {
				Phone to = phone();
				phones.add(to);
				ids.add(this.messages
					.send(MessagingFixtures.COMMUNITY, to, "CALLBACK_REQUEST", MessagingFixtures.callback("2026-" + i),
							"APPEAL", "race-" + i)
					.id());
			}
		});
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(threads.submit(() -> {
					start.await();
					return this.dispatcher.dispatch(1000);
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

	private MessagingFixtures.Row awaitAttempts(long id, int attempts) {
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(this.fixtures.row(id).attempts()).isEqualTo(attempts));
		return this.fixtures.row(id);
	}

}
