package org.anju.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.dhatim.fastexcel.Worksheet;

/**
 * Writes an export's rows to the response as they come, so that a list of any length goes
 * out without being held in memory.
 */
public final class XlsxStream {

	/** The media type of every xlsx Anju sends. */
	public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Rows written between two flushes. */
	public static final int FLUSH_EVERY = 2000;

	private XlsxStream() {
	}

	/**
	 * Sends what the sheet holds so far when {@code row} closes a batch.
	 */
	public static void flushAfter(Worksheet sheet, int row) {
		if (row % FLUSH_EVERY != 0) {
			return;
		}
		try {
			sheet.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
