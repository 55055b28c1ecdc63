package org.anju.appeals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes what many threads hand in, many items to a transaction, on one thread of its
 * own: each transaction takes whatever waited while the one before it was written, so
 * that under load the per-transaction costs (its commit and its wait for the disk, any
 * lock it holds until then, and a statement per table where rows can be written together)
 * are shared, and with one caller it writes one item at once.
 * <p>
 * A caller gets its item's result once its transaction has written it. Unless the
 * {@link Writer} says the caller learns of the commit another way, the caller waits for
 * the commit too, and its item is written again should the transaction roll back after
 * writing it. When writing fails, each item of the transaction is written again alone, so
 * that one bad item fails only its own caller.
 *
 * @param <I> what a caller hands in
 * @param <O> what writing it gives back
 */
final class WriteBatches<I, O> {

	private static final Logger log = LoggerFactory.getLogger(WriteBatches.class);

	private static final Duration STOP_WAIT = Duration.ofSeconds(30);

	/** How often an item whose transaction rolled back after writing it is written. */
	private static final int ATTEMPTS = 3;

	private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();

	private final TransactionTemplate transactions;

	private final Writer<I, O> writer;

	private final int maxItems;

	private final Thread thread;

	private volatile boolean stopping;

	/**
	 * Starts the writing thread.
	 * @param maxItems the most items one transaction writes
	 */
	WriteBatches(String name, TransactionTemplate transactions, Writer<I, O> writer, int maxItems) {
		this.transactions = transactions;
		this.writer = writer;
		this.maxItems = maxItems;
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Writes an item, waiting until the transaction that wrote it committed, unless the
	 * writer lets its caller learn of the commit another way.
	 * @return what the write gave back for this item
	 * @throws RuntimeException what the write threw for this item, as thrown
	 * @throws IllegalStateException once {@link #stop} was called, or when the item's
	 * transaction rolled back after writing it, each time it was written
	 */
	O write(I item) {
		for (int attempt = 1;; attempt++) {
			if (this.stopping) {
				throw new IllegalStateException(this.thread.getName() + " is stopping");
			}
			Pending<I, O> pending = new Pending<>(item, new CompletableFuture<>(), new CompletableFuture<>());
			this.queue.add(pending);
			O written = join(pending.written());
			if (!this.writer.waitsForCommit(item) || join(pending.committed())) {
				return written;
			}
			if (attempt == ATTEMPTS) {
				throw new IllegalStateException("the transaction rolled back after writing, " + ATTEMPTS + " times");
			}
		}
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Takes no more items, writes those already handed in and ends the thread.
	 */
	void stop() {
		this.stopping = true;
		try {
			this.thread.join(STOP_WAIT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.queue.forEach((pending) -> pending.written()
			.completeExceptionally(new IllegalStateException(this.thread.getName() + " stopped")));
	}

	private void run() {
		List<Pending<I, O>> batch = new ArrayList<>();
		while (!this.stopping || !this.queue.isEmpty()) {
			try {
				Pending<I, O> first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, this.maxItems - 1);
				writeAll(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void writeAll(List<Pending<I, O>> batch) {
		List<I> items = batch.stream().map(Pending::item).toList();
		boolean[] handedOut = { false };
		try {
			this.transactions.executeWithoutResult((status) -> {
				List<O> written = this.writer.write(items);
				for (int i = 0; i < batch.size(); i++) {
					batch.get(i).written().complete(written.get(i));
				}
				handedOut[0] = true;
				this.writer.beforeCommit(items);
			});
		}
		catch (RuntimeException | Error ex) {
			if (handedOut[0]) {
				log.warn("A transaction of {} items rolled back after writing them; they are written again",
						batch.size(), ex);
				completed(batch, items, false);
			}
			else if (batch.size() == 1) {
				batch.get(0).written().completeExceptionally(ex);
			}
			else {
				log.debug("A transaction of {} items failed; each is written alone", batch.size(), ex);
				batch.forEach((pending) -> writeAll(List.of(pending)));
			}
			return;
		}
		completed(batch, items, true);
	}

	private void completed(List<Pending<I, O>> batch, List<I> items, boolean committed) {
		this.writer.afterCompletion(items, committed);
		batch.forEach((pending) -> pending.committed().complete(committed));
	}

	/**
	 * What a transaction does with its items.
	 */
	interface Writer<I, O> {

		/**
		 * Writes the items in the current transaction.
		 * @return the result for each item, in their order
		 */
		List<O> write(List<I> items);

		/**
		 * Runs in the transaction after the results were handed out, before it commits;
		 * it rolls back if this throws.
		 */
		void beforeCommit(List<I> items);

		/**
		 * Runs once the transaction that wrote the items committed or rolled back.
		 */
		void afterCompletion(List<I> items, boolean committed);

		/**
		 * Whether the caller who hands the item in waits for its commit, or learns of it
		 * through {@link #afterCompletion}.
		 */
		boolean waitsForCommit(I item);

	}

	private record Pending<I, O>(I item, CompletableFuture<O> written, CompletableFuture<Boolean> committed) {
	}

}
