package org.anju.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows that a transaction writes together, in one statement, just before it commits,
 * instead of one statement each as they come: for a table that many steps of one
 * transaction append to, such as the audit trail when intake writes many appeals in one
 * transaction. The rows are written in the order they were added, inside the transaction,
 * so that they commit or roll back with it; a row added once they were written is written
 * at once, and outside a transaction every row is written at once.
 * <p>
 * The rows are not there to be read back before the commit: use this only for rows the
 * transaction itself does not read.
 *
 * @param <T> a row to write
 */
public final class BeforeCommit<T> {

	private final Consumer<List<T>> write;

	/**
	 * @param write writes rows, in one statement, in the caller's transaction
	 */
	public BeforeCommit(Consumer<List<T>> write) {
		this.write = write;
	}

	public void add(T row) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.write.accept(List.of(row));
			return;
		}
		Rows rows = rows();
		if (rows.written) {
			this.write.accept(List.of(row));
		}
		else {
			rows.list.add(row);
		}
	}

	/**
	 * The rows of the current transaction, kept with its synchronizations, which a
	 * transaction started inside it (and suspending it) does not share.
	 */
	private Rows rows() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof BeforeCommit<?>.Rows rows && rows.owner() == this) {
				return (Rows) rows;
			}
		}
		Rows rows = new Rows();
		TransactionSynchronizationManager.registerSynchronization(rows);
		return rows;
	}

	private final class Rows implements TransactionSynchronization {

		private final List<T> list = new ArrayList<>();

		private boolean written;

		BeforeCommit<T> owner() {
			return BeforeCommit.this;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.written = true;
			if (!this.list.isEmpty()) {
				BeforeCommit.this.write.accept(List.copyOf(this.list));
			}
		}

	}

}
