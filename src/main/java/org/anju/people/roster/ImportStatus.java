package org.anju.people.roster;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One roster import as the user sees it afterwards.
 *
 * @param summary the counts of a committed or rejected import, or why it failed
 */
record ImportStatus(long id, String fileName, String startedBy, Instant startedAt, @Nullable Instant finishedAt,
		State state, Map<?, ?> summary) {

	enum State {

		/** Its transaction is open right now. */
		RUNNING,
		/** Written in full. */
		COMMITTED,
		/** Checked and refused with errors; nothing written. */
		REJECTED,
		/** Failed with an error; nothing written. */
		FAILED,
		/** Cut off by a crash or a lost database before it committed; nothing written. */
		INTERRUPTED

	}

}
