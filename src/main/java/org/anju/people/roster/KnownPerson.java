package org.anju.people.roster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A person already registered under an ID number that the roster names, as the import
 * compares them.
 */
record KnownPerson(long id, long version, String idNumber, String name, @Nullable String phone, @Nullable Long roomId,
		@Nullable Long areaId, @Nullable Long gridId, @Nullable String address, @Nullable String householdRelation,
		@Nullable String formerUnit, @Nullable String notes, List<String> groupCodes) {

	static final String SELECT = """
			select p.id, p.version, p.id_number, p.name, p.phone, p.room_id, p.area_id, p.grid_id, p.address,
			       p.household_relation, p.former_unit, p.notes,
			       coalesce(array(select g.group_code from person_group g
			                      where g.community_id = p.community_id and g.person_id = p.id), '{}') as group_codes
			from person p
			""";

	static KnownPerson read(ResultSet rs, int row) throws SQLException {
		return new KnownPerson(rs.getLong("id"), rs.getLong("version"), rs.getString("id_number"), rs.getString("name"),
				rs.getString("phone"), nullableLong(rs, "room_id"), nullableLong(rs, "area_id"),
				nullableLong(rs, "grid_id"), rs.getString("address"), rs.getString("household_relation"),
				rs.getString("former_unit"), rs.getString("notes"),
				Arrays.asList((String[]) rs.getArray("group_codes").getArray()));
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
