package org.anju.care;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A person on a visit list, assigned to the grid workers of their grid. It is
 * {@code OPEN} until a visit ticks it ({@code VISITED}, with the visit's id) or the
 * person's death cancels it ({@code CANCELLED}).
 *
 * @param why why the person is on the list, e.g. {@code 80 岁生日 (2026-11-03)}
 * @param overdue open after the list's due day
 */
public record VisitEntry(long listId, long personId, String personName, @Nullable Long gridId, List<String> groupCodes,
		String why, List<Long> assigneeIds, State state, @Nullable Long visitId, @Nullable LocalDate closedOn,
		@Nullable String closeReason, boolean overdue) {

	/** Where an entry stands. */
	public enum State {

		OPEN, VISITED, CANCELLED

	}

}
