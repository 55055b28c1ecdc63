package org.anju.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.anju.shared.Gender;
import org.anju.shared.IdNumber;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

/**
 * A person's row with the unmasked values, which never leave this module except through
 * an audited unmask.
 */
record StoredPerson(long id, String name, String idNumber, @Nullable String phone, Gender gender, LocalDate birthDate,
		List<String> groupCodes, @Nullable Long areaId, @Nullable Long gridId, @Nullable Long roomId,
		@Nullable String address, @Nullable Long householdId, @Nullable String householdRelation,
		@Nullable String formerUnit, PersonStatus status, @Nullable LocalDate statusDate, @Nullable String notes,
		long version, String sortKey) {

	static final String COLUMNS = """
			p.id, p.name, p.id_number, p.phone, p.gender, p.birth_date, p.area_id, p.grid_id, p.room_id, p.address,
			p.household_id, p.household_relation, p.former_unit, p.status, p.status_date, p.notes, p.version,
			p.sort_key,
			coalesce(array(select g.group_code from person_group g
			               where g.community_id = p.community_id and g.person_id = p.id order by g.group_code),
			         '{}') as group_codes
			""";

	static StoredPerson read(ResultSet rs, int row) throws SQLException {
		LocalDate statusDate = rs.getObject("status_date", LocalDate.class);
		return new StoredPerson(rs.getLong("id"), rs.getString("name"), rs.getString("id_number"),
				rs.getString("phone"), Gender.valueOf(rs.getString("gender")),
				rs.getObject("birth_date", LocalDate.class),
				Arrays.asList((String[]) rs.getArray("group_codes").getArray()), nullableLong(rs, "area_id"),
				nullableLong(rs, "grid_id"), nullableLong(rs, "room_id"), rs.getString("address"),
				nullableLong(rs, "household_id"), rs.getString("household_relation"), rs.getString("former_unit"),
				PersonStatus.valueOf(rs.getString("status")), statusDate, rs.getString("notes"), rs.getLong("version"),
				rs.getString("sort_key"));
	}

	static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	String maskedIdNumber() {
		return IdNumber.mask(this.idNumber);
	}

	@Nullable String maskedPhone() {
		return (this.phone != null) ? Phone.mask(this.phone) : null;
	}

}
