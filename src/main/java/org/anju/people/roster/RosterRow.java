package org.anju.people.roster;

import java.util.Set;

import org.anju.places.PlacePath;
import org.anju.shared.IdNumber;
import org.anju.shared.PersonName;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

/**
 * One valid row of a roster. A value of a column the file does not have is {@code null}
 * (or empty) here, and the import leaves that field of a known person as it is.
 */
record RosterRow(int row, PersonName name, IdNumber idNumber, @Nullable Phone phone, Set<String> groupCodes,
		@Nullable PlacePath place, @Nullable String formerUnit, @Nullable String notes) {
}
