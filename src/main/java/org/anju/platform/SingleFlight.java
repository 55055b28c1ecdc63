package org.anju.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Background work that takes whatever waits in the database, run by at most one thread of
 * this node at a time and started by wake-ups, such as a commit that left work waiting.
 * However many wake-ups arrive, one task runs; a wake-up that arrives while it runs makes
 * it run the work once more before it stops, so none is lost. What waits is in the
 * database, so a wake-up carries nothing, and a scheduled sweep that wakes the work too
 * takes what another node or a crash left.
 * <p>
 * Each round first gathers: it waits a moment, so that one round takes what many commits
 * left instead of one round per commit. Under a steady stream of commits the work is then
 * done in batches of a gathering's worth, at the cost of that moment's delay.
 */
public final class SingleFlight {

	private static final Logger log = LoggerFactory.getLogger(SingleFlight.class);

	private final String name;

	private final TaskExecutor executor;

	private final Runnable work;

	private final Duration gather;

	/** Wake-ups since the running task last looked; 0 when none runs. */
	private final AtomicInteger wakeUps = new AtomicInteger();

	/**
	 * @param name what the work does, for the log, such as {@code "Refreshing the appeal
	 * figures"}
	 * @param gather how long a round waits for more work before it takes what waits
	 * @param work takes everything that waits; it runs again if woken meanwhile
	 */
	public SingleFlight(String name, TaskExecutor executor, Duration gather, Runnable work) {
		this.name = name;
		this.executor = executor;
		this.gather = gather;
		this.work = work;
	}

	/**
	 * Wakes the work once the caller's transaction commits (not on a rollback, at once
	 * outside a transaction).
	 */
	public void wakeAfterCommit() {
		AfterCommit.run(this::wake);
	}

	/**
	 * Starts the work unless it runs; a running one looks again before it stops.
	 */
	public void wake() {
		if (this.wakeUps.getAndIncrement() == 0) {
			try {
				this.executor.execute(this::runWhileWoken);
			}
			catch (TaskRejectedException ex) {
				// Shutting down: the work waits in the database for the next start.
				this.wakeUps.set(0);
			}
		}
	}

	private void runWhileWoken() {
		int seen;
		do {
			if (!gathered()) {
				return;
			}
			seen = this.wakeUps.get();
			try {
				this.work.run();
			}
			catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
				// The database is away; health says so, and the work waits for the next
				// wake-up or sweep, which starts afresh.
				this.wakeUps.set(0);
				log.debug("{} stopped this round: {}", this.name, ex.getMessage());
				return;
			}
			catch (RuntimeException ex) {
				this.wakeUps.set(0);
				log.error("{} failed; what waits is taken up by the next wake-up or sweep", this.name, ex);
				return;
			}
		}
		while (!this.wakeUps.compareAndSet(seen, 0));
	}

	/**
	 * @return {@literal false} when the node stops meanwhile: what waits stays in the
	 * database for the next start
	 */
	private boolean gathered() {
		if (this.gather.isZero()) {
			return true;
		}
		try {
			Thread.sleep(this.gather.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.wakeUps.set(0);
			return false;
		}
	}

}
