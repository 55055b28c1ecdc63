package org.anju.stability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.anju.audit.AuditEntry;
import org.anju.audit.AuditFilter;
import org.anju.audit.AuditPage;
import org.anju.audit.AuditTrail;
import org.anju.people.PersonalData;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stability's part of a person's own data report: the mood notes about them, the conflict
 * cases they are a party to, their key-person records with the contacts and every change
 * of grade, and the warnings about them. A sheet appears only where stability holds
 * something about the person. What a note or case says about a whole group is not theirs
 * alone and stays out.
 */
@Component
@Order(30)
class StabilityPersonalData implements PersonalData {

	/** The audit actions that set or change a key person's grade. */
	private static final Set<String> GRADE_ACTIONS = Set.of("KEY_PERSON_DESIGNATED", "KEY_PERSON_REGRADED",
			"KEY_PERSON_GRADE_OVERRIDDEN", "KEY_PERSON_OVERRIDE_CLEARED", "KEY_PERSON_ENDED");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	StabilityPersonalData(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public List<Section> about(CommunityId community, long personId) {
		List<Section> sections = new ArrayList<>();
		section(sections, "report.stability.moodNotes",
				List.of("report.stability.notedOn", "mood.source", "mood.mood", "report.stability.topics",
						"report.stability.summary", "report.actor"),
				rows(community, personId, """
						select noted_on, source, mood, array_to_string(topics || tags, '、'), summary, recorded_by
						from mood_note where community_id = :c and person_id = :id order by noted_on, id
						""",
						(row) -> Arrays.<@Nullable Object>asList(row.get(0), new Label("mood.source." + row.get(1)),
								new Label("mood.mood." + row.get(2)), row.get(3), row.get(4), row.get(5))));
		section(sections, "report.stability.conflicts",
				List.of("report.stability.title", "conflict.type", "conflict.level", "conflict.state",
						"report.stability.registeredAt", "report.stability.closedAt", "report.stability.description",
						"report.stability.summary"),
				rows(community, personId, """
						select title, type, level, state, registered_at, closed_at, description, summary
						from conflict_case where community_id = :c and :id = any(party_person_ids)
						order by registered_at, id
						""",
						(row) -> Arrays.<@Nullable Object>asList(row.get(0), new Label("conflict.type." + row.get(1)),
								new Label("conflict.level." + row.get(2)), new Label("conflict.state." + row.get(3)),
								row.get(4), row.get(5), row.get(6), row.get(7))));
		List<List<@Nullable Object>> keyPersons = rows(community, personId, """
				select id, reason, coalesce(override_grade, computed_grade), computed_explanation, override_reason,
				       designated_on, last_contact_on, next_due, ended_at, ended_reason
				from key_person where community_id = :c and person_id = :id order by designated_on, id
				""", (row) -> row);
		section(sections, "report.stability.keyPerson",
				List.of("report.stability.keyPersonId", "report.stability.reason", "keyPerson.grade",
						"report.stability.explanation", "report.stability.overrideReason",
						"report.stability.designatedOn", "report.stability.lastContactOn", "report.stability.nextDue",
						"report.stability.endedAt", "report.stability.endedReason"),
				keyPersons);
		section(sections, "report.stability.contacts",
				List.of("report.stability.keyPersonId", "report.stability.contactedOn", "keyPerson.contact.method",
						"report.stability.summary", "report.actor"),
				rows(community, personId, """
						select k.id, c.contacted_on, c.method, c.summary, c.recorded_by
						from key_person_contact c
						join key_person k on k.community_id = c.community_id and k.id = c.key_person_id
						where k.community_id = :c and k.person_id = :id order by c.contacted_on, c.id
						""", (row) -> Arrays.<@Nullable Object>asList(row.get(0), row.get(1),
						new Label("keyPerson.contact.method." + row.get(2)), row.get(3), row.get(4))));
		List<List<@Nullable Object>> grades = new ArrayList<>();
		for (List<@Nullable Object> keyPerson : keyPersons) {
			grades.addAll(gradeHistory(community, String.valueOf(keyPerson.get(0))));
		}
		section(sections, "report.stability.grades",
				List.of("report.stability.keyPersonId", "report.at", "report.actor", "report.kind",
						"report.stability.from", "report.stability.to", "report.stability.reason"),
				grades);
		section(sections, "report.stability.warnings",
				List.of("report.stability.raisedAt", "warning.level", "report.stability.score", "warning.state.label",
						"report.stability.acknowledgedAt", "report.stability.disposition", "report.stability.closedAt",
						"report.stability.closeNote"),
				rows(community, personId,
						"""
								select raised_at, level, score, state, acknowledged_at, disposition, closed_at, close_note
								from warning where community_id = :c and subject_type = 'PERSON' and subject_id = cast(:id as text)
								order by raised_at, id
								""",
						(row) -> Arrays.<@Nullable Object>asList(row.get(0), new Label("warning.level." + row.get(1)),
								row.get(2), new Label("warning.state." + row.get(3)), row.get(4),
								(row.get(5) != null) ? new Label("warning.disposition." + row.get(5)) : null,
								row.get(6), row.get(7))));
		return sections;
	}

	/**
	 * Every grade a key-person record had, oldest first, as the audit trail holds it.
	 */
	private List<List<@Nullable Object>> gradeHistory(CommunityId community, String keyPersonId) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		String cursor = null;
		do {
			AuditPage page = this.audit.find(community,
					new AuditFilter(null, null, "KEY_PERSON", keyPersonId, null, null), cursor, 200);
			for (AuditEntry entry : page.items()) {
				if (GRADE_ACTIONS.contains(entry.action())) {
					rows.add(0,
							Arrays.asList(keyPersonId, java.sql.Timestamp.from(entry.at()), entry.actor(),
									new Label("report.stability.action." + entry.action()), entry.detail().get("from"),
									entry.detail().getOrDefault("to", entry.detail().get("grade")),
									entry.detail().get("reason")));
				}
			}
			cursor = page.next();
		}
		while (cursor != null);
		return rows;
	}

	private List<List<@Nullable Object>> rows(CommunityId community, long personId, String sql, Shape shape) {
		return this.jdbc.sql(sql).param("c", community.value()).param("id", personId).query((row, n) -> {
			List<@Nullable Object> values = new ArrayList<>();
			for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
				values.add(row.getObject(i));
			}
			return shape.apply(values);
		}).list();
	}

	private static void section(List<Section> sections, String title, List<String> columns,
			List<List<@Nullable Object>> rows) {
		if (!rows.isEmpty()) {
			sections.add(new Section(title, columns, rows));
		}
	}

	/**
	 * Turns a row's raw values into the report's cells.
	 */
	private interface Shape {

		List<@Nullable Object> apply(List<@Nullable Object> row);

	}

}
