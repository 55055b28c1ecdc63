package org.anju.appeals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How {@link WriteBatches} shares transactions among callers, and what each caller gets
 * when a shared transaction fails. The database's part is tested through appeal intake;
 * here the transactions only count themselves.
 */
class WriteBatchesTests {

	private final Transactions transactions = new Transactions();

	private final List<WriteBatches<Integer, Integer>> started = new ArrayList<>();

	private final ExecutorService callers = Executors.newFixedThreadPool(8);

	@AfterEach
	void stop() {
		this.started.forEach(WriteBatches::stop);
		this.callers.shutdownNow();
	}

	@Test
	void itemsHandedInWhileATransactionIsWrittenShareTheNext() throws Exception {
		CountDownLatch queued = new CountDownLatch(1);
		Writer writer = new Writer((items) -> {
			waitFor(queued);
			return items.stream().map((item) -> item * 10).toList();
		});
		WriteBatches<Integer, Integer> batches = start(writer);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			int item = i;
			results.add(this.callers.submit(() -> batches.write(item)));
		}
		// the first transaction holds on until the other callers wait behind it
		Thread.sleep(200);
		queued.countDown();

		for (int i = 0; i < 8; i++) {
			assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i * 10);
		}
		assertThat(writer.transactions).as("8 items in fewer transactions").hasSizeLessThan(8);
		assertThat(writer.transactions.stream().mapToInt(List::size).sum()).isEqualTo(8);
		assertThat(this.transactions.commits.get()).isEqualTo(writer.transactions.size());
	}

	@Test
	void aBadItemFailsOnlyItsOwnCaller() throws Exception {
		CountDownLatch queued = new CountDownLatch(1);
		Writer writer = new Writer((items) -> {
			waitFor(queued);
			if (items.contains(3)) {
				throw new IllegalArgumentException("3 is bad");
			}
			return items;
		});
		WriteBatches<Integer, Integer> batches = start(writer);
		List<Future<Integer>> results = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			int item = i;
			results.add(this.callers.submit(() -> batches.write(item)));
		}
		Thread.sleep(200);
		queued.countDown();

		for (int i = 0; i < 6; i++) {
			if (i == 3) {
				Future<Integer> bad = results.get(i);
				assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS))
					.hasCauseInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("3 is bad");
			}
			else {
				assertThat(results.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(i);
			}
		}
		assertThat(this.transactions.rollbacks.get()).isPositive();
	}

	@Test
	void aCallerWhoWaitsForTheCommitIsWrittenAgainWhenItsTransactionRollsBackAfterWriting() {
		AtomicInteger commitsTried = new AtomicInteger();
		Writer writer = new Writer((items) -> items.stream().map((item) -> item + commitsTried.get()).toList()) {

			@Override
			public void beforeCommit(List<Integer> items) {
				if (commitsTried.incrementAndGet() == 1) {
					throw new IllegalStateException("the first commit fails");
				}
			}

		};
		WriteBatches<Integer, Integer> batches = start(writer);

		assertThat(batches.write(100)).as("the result of the second, committed write").isEqualTo(101);
		assertThat(writer.completions).containsExactly(false, true);
	}

	@Test
	void aCallerWhoLearnsOfTheCommitElsewhereHasItsResultBeforeTheCommit() {
		CountDownLatch answered = new CountDownLatch(1);
		Writer writer = new Writer((items) -> items) {

			@Override
			public void beforeCommit(List<Integer> items) {
				waitFor(answered);
			}

			@Override
			public boolean waitsForCommit(Integer item) {
				return false;
			}

		};
		WriteBatches<Integer, Integer> batches = start(writer);

		assertThat(batches.write(7)).isEqualTo(7);
		assertThat(this.transactions.commits.get()).as("not committed before the caller answers").isZero();
		answered.countDown();
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !writer.completions.isEmpty());
		assertThat(writer.completions).containsExactly(true);
		assertThat(this.transactions.commits.get()).isEqualTo(1);
	}

	@Test
	void nothingIsTakenOnceStopped() {
		WriteBatches<Integer, Integer> batches = start(new Writer((items) -> items));
		assertThat(batches.write(1)).isEqualTo(1);
		batches.stop();

		assertThatThrownBy(() -> batches.write(2)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("stopping");
	}

	private WriteBatches<Integer, Integer> start(Writer writer) {
		WriteBatches<Integer, Integer> batches = new WriteBatches<>("test-batches",
				new TransactionTemplate(this.transactions), writer, 64);
		this.started.add(batches);
		return batches;
	}

	private static void waitFor(CountDownLatch latch) {
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> latch.getCount() == 0);
	}

	/**
	 * Records the items of each transaction and how each transaction ended.
	 */
	private static class Writer implements WriteBatches.Writer<Integer, Integer> {

		final List<List<Integer>> transactions = new CopyOnWriteArrayList<>();

		final List<Boolean> completions = new CopyOnWriteArrayList<>();

		private final Function<List<Integer>, List<Integer>> write;

		Writer(Function<List<Integer>, List<Integer>> write) {
			this.write = write;
		}

		@Override
		public List<Integer> write(List<Integer> items) {
			List<Integer> written = this.write.apply(items);
			this.transactions.add(items);
			return written;
		}

		@Override
		public void beforeCommit(List<Integer> items) {
		}

		@Override
		public void afterCompletion(List<Integer> items, boolean committed) {
			this.completions.add(committed);
		}

		@Override
		public boolean waitsForCommit(Integer item) {
			return true;
		}

	}

	/**
	 * Transactions that only count how they end.
	 */
	private static final class Transactions extends AbstractPlatformTransactionManager {

		final AtomicInteger commits = new AtomicInteger();

		final AtomicInteger rollbacks = new AtomicInteger();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			// nothing to open
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.commits.incrementAndGet();
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			this.rollbacks.incrementAndGet();
		}

	}

}
