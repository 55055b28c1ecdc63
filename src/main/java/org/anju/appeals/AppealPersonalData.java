package org.anju.appeals;

import java.util.Arrays;
import java.util.List;

import org.anju.people.PersonalData;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The appeals' part of a person's own data report: every appeal they brought or signed,
 * and each appeal's timeline.
 */
@Component
@Order(10)
class AppealPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	AppealPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Section> about(CommunityId community, long personId) {
		String theirs = """
				(a.person_id = :id or exists (select 1 from appeal_co_signer s
					where s.community_id = a.community_id and s.appeal_id = a.id and s.person_id = :id))
				""";
		List<List<@Nullable Object>> appeals = this.jdbc.sql("""
				select a.number, a.received_at, a.channel, c.name_zh, a.title, a.description, a.state,
					a.reply, a.satisfaction, a.closed_at
				from appeal a join appeal_category c on c.community_id = a.community_id and c.code = a.category_code
				where a.community_id = :c and """ + theirs + " order by a.received_at, a.id")
			.param("c", community.value())
			.param("id", personId)
			.query((row, n) -> Arrays.<@Nullable Object>asList(row.getString(1), row.getObject(2), row.getString(3),
					row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getString(8),
					row.getString(9), row.getObject(10)))
			.list();
		List<List<@Nullable Object>> timeline = this.jdbc.sql("""
				select a.number, t.at, t.action, t.to_state, t.note
				from appeal_timeline t join appeal a on a.community_id = t.community_id and a.id = t.appeal_id
				where a.community_id = :c and """ + theirs + " order by a.received_at, a.id, t.id")
			.param("c", community.value())
			.param("id", personId)
			.query((row, n) -> Arrays.<@Nullable Object>asList(row.getString(1), row.getObject(2), row.getString(3),
					row.getString(4), row.getString(5)))
			.list();
		return List.of(
				new Section("report.appeals",
						List.of("report.appeal.number", "report.appeal.receivedAt", "report.appeal.channel",
								"report.appeal.category", "report.appeal.title", "report.appeal.description",
								"report.appeal.state", "report.appeal.reply", "report.appeal.satisfaction",
								"report.appeal.closedAt"),
						appeals),
				new Section("report.timeline", List.of("report.appeal.number", "report.at", "report.appeal.action",
						"report.appeal.state", "report.appeal.note"), timeline));
	}

}
