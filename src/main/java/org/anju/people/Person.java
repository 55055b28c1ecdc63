package org.anju.people;

import java.time.LocalDate;
import java.util.List;

import org.anju.shared.Gender;
import org.jspecify.annotations.Nullable;

/**
 * A person as anyone may see them: the ID number and phone are masked.
 */
public record Person(long id, String name, String idNumber, @Nullable String phone, Gender gender, LocalDate birthDate,
		List<GroupRef> groups, @Nullable Long areaId, @Nullable Long gridId, @Nullable Long roomId,
		@Nullable String address, @Nullable Long householdId, @Nullable String householdRelation,
		@Nullable String formerUnit, PersonStatus status, @Nullable LocalDate statusDate, @Nullable String notes,
		long version) {

	/**
	 * A group a person belongs to, named in the caller's language.
	 */
	public record GroupRef(String code, String name) {
	}

}
