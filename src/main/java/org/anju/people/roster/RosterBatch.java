package org.anju.people.roster;

import java.util.List;
import java.util.Set;

/**
 * Valid rows of a roster, in the file's order, as the reader hands them on.
 *
 * @param columns the columns the file has
 * @param clean whether the file had no problem up to the last of these rows
 */
record RosterBatch(Set<RosterColumn> columns, List<RosterRow> rows, boolean clean) {

	boolean has(RosterColumn column) {
		return this.columns.contains(column);
	}

	boolean hasPlaces() {
		return RosterColumn.PLACE.stream().anyMatch(this.columns::contains);
	}

}
