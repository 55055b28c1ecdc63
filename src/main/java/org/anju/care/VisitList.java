package org.anju.care;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A care-visit list made by a rule for a period, with its progress counted within the
 * caller's grids.
 *
 * @param ruleName the rule in the caller's language
 * @param overdue whether the due day has passed with entries still open
 */
public record VisitList(long id, VisitListRule rule, String ruleName, LocalDate periodStart, LocalDate periodEnd,
		LocalDate dueDate, String generatedBy, Instant generatedAt, Progress progress, boolean overdue, long version) {

	/**
	 * How far a list (or a part of it) has got. Cancelled entries (the person died) count
	 * in neither {@code entries} nor {@code percent}.
	 *
	 * @param entries the people to visit
	 * @param visited those visited
	 * @param open those still to visit
	 * @param overdue those still open after the due day
	 * @param percent visited as a share of entries, 0–100 with one decimal; 100 for a
	 * list with nobody on it
	 */
	public record Progress(long entries, long visited, long open, long cancelled, long overdue, double percent) {

		static Progress of(long entries, long visited, long cancelled, boolean pastDue) {
			long open = entries - visited;
			double percent = (entries == 0) ? 100.0 : Math.round(visited * 1000.0 / entries) / 10.0;
			return new Progress(entries, visited, open, cancelled, pastDue ? open : 0, percent);
		}

	}

}
