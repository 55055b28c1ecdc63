package org.anju.people.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Reads a roster on a thread of its own, a batch or two ahead of the import, so that the
 * file is read while the database writes the rows before. The queue between them is
 * short, so only a few batches are ever held.
 */
final class ReadAhead implements AutoCloseable {

	private static final int AHEAD = 2;

	private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);

	private final Thread reader;

	private volatile boolean closed;

	private @Nullable ParsedRoster result;

	private ReadAhead(RosterReader reader, Path file) {
		this.reader = new Thread(() -> read(reader, file), "roster-reader");
		this.reader.setDaemon(true);
	}

	static ReadAhead start(RosterReader reader, Path file) {
		ReadAhead ahead = new ReadAhead(reader, file);
		ahead.reader.start();
		return ahead;
	}

	/**
	 * @return the next batch of valid rows, or {@code null} once the whole file is read
	 * @throws IOException when the file could not be read
	 * @throws RuntimeException what reading the file threw, such as {@code InvalidInput}
	 */
	@Nullable RosterBatch next() throws IOException {
		if (this.result != null) {
			return null;
		}
		Object item;
		try {
			item = this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading a roster", ex);
		}
		if (item instanceof RosterBatch batch) {
			return batch;
		}
		if (item instanceof ParsedRoster roster) {
			this.result = roster;
			return null;
		}
		if (item instanceof UncheckedIOException ex) {
			throw ex.getCause();
		}
		if (item instanceof RuntimeException ex) {
			throw ex;
		}
		throw (Error) item;
	}

	/**
	 * @return what reading the whole file found, once {@link #next()} has answered
	 * {@code null}
	 */
	ParsedRoster result() {
		if (this.result == null) {
			throw new IllegalStateException("The roster is not read to its end yet");
		}
		return this.result;
	}

	/**
	 * Stops the reader, if it is still reading, and waits for it to let go of the file.
	 */
	@Override
	public void close() {
		this.closed = true;
		try {
			this.reader.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void read(RosterReader reader, Path file) {
		Object last;
		try {
			last = reader.read(file, this::put);
		}
		catch (Closed ex) {
			return;
		}
		catch (IOException ex) {
			last = new UncheckedIOException(ex);
		}
		catch (RuntimeException | Error ex) {
			last = ex;
		}
		try {
			put(last);
		}
		catch (Closed ex) {
			// Nobody waits for the end any more.
		}
	}

	/**
	 * Waits for room in the queue, as long as someone takes from it.
	 */
	private void put(Object item) {
		try {
			while (!this.closed) {
				if (this.queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new Closed();
	}

	/**
	 * Ends the reading early when the import has stopped taking batches.
	 */
	private static final class Closed extends RuntimeException {

		Closed() {
			super(null, null, false, false);
		}

	}

}
