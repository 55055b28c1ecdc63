package org.anju.people.roster;

import java.util.List;
import java.util.Set;

/**
 * What reading a whole roster found, besides the valid rows handed on in batches.
 *
 * @param total the data rows, valid or not; empty rows are not counted
 * @param doubled the first rows of ID numbers that the file has more than once: handed on
 * as valid before the second was read, they are errors after all
 */
record ParsedRoster(int total, Set<RosterColumn> columns, List<ImportProblem> errors, List<ImportProblem> warnings,
		Set<Integer> doubled) {

}
