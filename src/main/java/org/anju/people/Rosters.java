package org.anju.people;

import java.io.IOException;
import java.nio.file.Path;

import org.anju.identity.CurrentUser;

/**
 * Loads an xlsx roster into the registry, for modules that bring people in bulk.
 */
public interface Rosters {

	/**
	 * Checks the roster and, when it has no errors, writes all of it in one transaction;
	 * with any error nothing is written.
	 * @param file the roster; the caller deletes it afterwards
	 * @return what the import did
	 */
	RosterOutcome load(CurrentUser user, Path file, String fileName) throws IOException;

	/**
	 * The counts of an import, and its errors as text.
	 */
	record RosterOutcome(int total, int created, int updated, int unchanged, int createdPlaces,
			java.util.List<String> errors) {
	}

}
