package org.anju.people;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's part of a person's own data report: their record as it stands, their
 * groups and their history.
 */
@Component
@Order(0)
class RegistryPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	RegistryPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Section> about(CommunityId community, long personId) {
		List<String> fields = List.of("name", "id_number", "gender", "birth_date", "phone", "address",
				"household_relation", "former_unit", "status", "status_date", "notes", "created_at", "updated_at");
		List<@Nullable Object> values = this.jdbc
			.sql("select " + String.join(", ", fields) + " from person where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", personId)
			.query((row, n) -> {
				List<@Nullable Object> record = new ArrayList<>();
				for (int i = 1; i <= fields.size(); i++) {
					record.add(row.getObject(i));
				}
				return record;
			})
			.single();
		List<List<@Nullable Object>> registry = new ArrayList<>();
		for (int i = 0; i < fields.size(); i++) {
			registry.add(Arrays.asList(new Label("report.person." + fields.get(i)), values.get(i)));
		}
		List<List<@Nullable Object>> groups = this.jdbc.sql("""
				select g.code, g.name_zh from person_group pg
				join interest_group g on g.community_id = pg.community_id and g.code = pg.group_code
				where pg.community_id = :c and pg.person_id = :id order by g.code
				""")
			.param("c", community.value())
			.param("id", personId)
			.query((row, n) -> Arrays.<@Nullable Object>asList(row.getString(1), row.getString(2)))
			.list();
		List<List<@Nullable Object>> history = this.jdbc.sql("""
				select at, actor, kind, changes::text from person_history
				where community_id = :c and person_id = :id order by at, id
				""")
			.param("c", community.value())
			.param("id", personId)
			.query((row, n) -> Arrays.<@Nullable Object>asList(row.getObject(1), row.getString(2), row.getString(3),
					row.getString(4)))
			.list();
		return List.of(new Section("report.registry", List.of("report.field", "report.value"), registry),
				new Section("report.groups", List.of("report.group.code", "report.group.name"), groups),
				new Section("report.history", List.of("report.at", "report.actor", "report.kind", "report.changes"),
						history));
	}

}
