package org.anju.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The fields of a person's record that history and audit keep, always under the same
 * names and in the same order, so that an edit by hand and a roster import describe a
 * change alike. Callers mask the ID number and phone before the map is stored.
 */
public record RecordedFields(String name, String idNumber, @Nullable String phone, @Nullable String address,
		List<String> groups, @Nullable String householdRelation, @Nullable String formerUnit, @Nullable String notes) {

	/**
	 * @return the fields by name; values may be {@literal null}
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", this.name);
		fields.put("idNumber", this.idNumber);
		fields.put("phone", this.phone);
		fields.put("address", this.address);
		fields.put("groups", this.groups);
		fields.put("householdRelation", this.householdRelation);
		fields.put("formerUnit", this.formerUnit);
		fields.put("notes", this.notes);
		return fields;
	}

}
