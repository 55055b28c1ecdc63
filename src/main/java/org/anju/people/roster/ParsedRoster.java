package org.anju.people.roster;

import java.util.List;
import java.util.Set;

/**
 * A roster as read and checked, before anything is written: its valid rows, which columns
 * it has, and every problem found.
 *
 * @param total the data rows, valid or not; empty rows are not counted
 */
record ParsedRoster(int total, List<RosterRow> rows, Set<RosterColumn> columns, List<ImportProblem> errors,
		List<ImportProblem> warnings) {

	boolean has(RosterColumn column) {
		return this.columns.contains(column);
	}

	boolean hasPlaces() {
		return RosterColumn.PLACE.stream().anyMatch(this.columns::contains);
	}

}
