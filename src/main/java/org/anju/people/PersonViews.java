package org.anju.people;

import java.util.Locale;
import java.util.Map;

/**
 * Turns a stored person into what a caller may see: masked, with group names in their
 * language.
 */
final class PersonViews {

	private PersonViews() {
	}

	static Person masked(StoredPerson row, Map<String, InterestGroup> groups, Locale locale) {
		return new Person(row.id(), row.name(), row.maskedIdNumber(), row.maskedPhone(), row.gender(), row.birthDate(),
				row.groupCodes()
					.stream()
					.map((code) -> new Person.GroupRef(code,
							groups.containsKey(code) ? groups.get(code).name(locale) : code))
					.toList(),
				row.areaId(), row.gridId(), row.roomId(), row.address(), row.householdId(), row.householdRelation(),
				row.formerUnit(), row.status(), row.statusDate(), row.notes(), row.version());
	}

}
