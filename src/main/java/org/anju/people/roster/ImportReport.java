package org.anju.people.roster;

import java.util.List;

import org.anju.places.PlaceTreeChange.CreatedPlace;

/**
 * What an import did, or in a dry run would do. With errors, nothing was written and the
 * counts describe the valid rows only.
 */
record ImportReport(int total, int created, int updated, int unchanged, List<CreatedPlace> createdPlaces,
		List<ImportProblem> warnings, List<ImportProblem> errors) {

	boolean ok() {
		return this.errors.isEmpty();
	}

}
