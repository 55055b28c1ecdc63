package org.anju.care;

import java.time.LocalDate;
import java.util.Map;

import org.anju.shared.CommunityId;

/**
 * A visit list was generated or topped up and people on it were assigned to grid workers:
 * each worker named in {@code assigned} has that many new people to visit by
 * {@code dueDate}.
 *
 * @param occurrence the list's version after this generation, which tells a top-up from
 * the first generation
 */
public record VisitListAssigned(CommunityId community, long listId, VisitListRule rule, LocalDate periodStart,
		LocalDate periodEnd, LocalDate dueDate, long occurrence, Map<Long, Integer> assigned) {

	public VisitListAssigned {
		assigned = Map.copyOf(assigned);
	}

}
