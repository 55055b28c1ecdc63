package org.anju.care;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.anju.people.PersonalData;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Care's part of a person's own data report: the special lists they are or were on, their
 * qualification checks and the care visits made to them. A sheet appears only where care
 * holds something about the person.
 */
@Component
@Order(20)
class CarePersonalData implements PersonalData {

	private final JdbcClient jdbc;

	CarePersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Section> about(CommunityId community, long personId) {
		List<List<@Nullable Object>> flags = this.jdbc.sql("""
				select flag, sub_code, since, source, note, ended_on, end_reason from special_flag
				where community_id = :c and person_id = :id order by since, id
				""")
			.param("c", community.value())
			.param("id", personId)
			.query((row, n) -> Arrays.<@Nullable Object>asList(new Label("care.list." + row.getString(1)),
					row.getString(2), row.getObject(3), row.getString(4), row.getString(5), row.getObject(6),
					row.getString(7)))
			.list();
		List<List<@Nullable Object>> checks = this.jdbc.sql("""
				select q.year, s.checked_on, s.method, s.checked_by, s.missed_at from qualification_subject s
				join qualification_campaign q on q.community_id = s.community_id and q.id = s.campaign_id
				where s.community_id = :c and s.person_id = :id order by q.year
				""")
			.param("c", community.value())
			.param("id", personId)
			.query((row, n) -> Arrays.<@Nullable Object>asList(row.getInt(1), row.getObject(2),
					(row.getString(3) != null) ? new Label("care.method." + row.getString(3)) : null, row.getString(4),
					row.getObject(5)))
			.list();
		List<List<@Nullable Object>> visits = this.jdbc.sql("""
				select v.visited_on, v.reason, v.condition, v.mood,
				       (select coalesce(sum(g.amount_yuan), 0) from visit_gift g
				        where g.community_id = v.community_id and g.visit_id = v.id),
				       (select string_agg(n.text || coalesce(' (' || n.appeal_number || ')', ''), '; ' order by n.seq)
				        from visit_need n where n.community_id = v.community_id and n.visit_id = v.id)
				from care_visit v where v.community_id = :c and v.person_id = :id order by v.visited_on, v.id
				""")
			.param("c", community.value())
			.param("id", personId)
			.query((row, n) -> Arrays.<@Nullable Object>asList(row.getObject(1),
					new Label("care.visit.reason." + row.getString(2)), row.getString(3),
					new Label("mood.mood." + row.getString(4)), row.getBigDecimal(5), row.getString(6)))
			.list();
		List<Section> sections = new ArrayList<>();
		if (!flags.isEmpty()) {
			sections.add(new Section("care.special.title",
					List.of("care.special.flag", "care.special.subCode", "care.special.since", "care.special.source",
							"care.special.note", "care.special.endedOn", "care.special.endReason"),
					flags));
		}
		if (!checks.isEmpty()) {
			sections.add(new Section("care.qualification.title", List.of("care.field.year", "care.field.checkedOn",
					"care.field.method", "care.report.checkedBy", "care.qualification.missed"), checks));
		}
		if (!visits.isEmpty()) {
			sections.add(new Section("care.visit.title", List.of("care.field.date", "care.field.visitReason",
					"care.field.condition", "care.field.mood", "care.field.amountYuan", "care.visit.needs"), visits));
		}
		return sections;
	}

}
