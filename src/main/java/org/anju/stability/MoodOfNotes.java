package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mood notes (思想动态) by mood and recency: a note counts 1 if 关注 concerned, 2 if 不满
 * dissatisfied and 4 if 激烈 agitated (稳定 calm counts nothing), in full within 7 days of
 * today and half within 30 days, for the person or group it is about, its grid, its area
 * and the community.
 */
@Component
class MoodOfNotes implements Signal {

	private final JdbcClient jdbc;

	MoodOfNotes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String code() {
		return "MOOD_NOTES";
	}

	@Override
	public double defaultWeight() {
		return 3;
	}

	@Override
	public void measure(RiskRun run) {
		run.bind(this.jdbc.sql("""
				select s.subject,
				       sum(case n.mood when 'AGITATED' then 4 when 'DISSATISFIED' then 2 else 1 end
				           * case when n.noted_on >= cast(:today as date) - 7 then 1.0 else 0.5 end) as value,
				       (array_agg(n.id order by n.noted_on desc, n.id desc))[1: %d] as ids
				from mood_note n
				cross join lateral (
				    select 'PERSON:' || n.person_id where n.person_id is not null
				    union all select 'GROUP:' || n.group_code where n.group_code is not null
				    union all select 'GRID:' || n.grid_id where n.grid_id is not null
				    union all select 'AREA:' || n.area_id where n.area_id is not null
				    union all select 'COMMUNITY:' || n.community_id) s(subject)
				where n.community_id = :c and n.mood <> 'CALM'
				  and n.noted_on >= cast(:today as date) - 30 and n.noted_on <= cast(:today as date)
				  and (cast(:all as boolean) or s.subject = any(cast(:subjects as text[])))
				group by s.subject
				""".formatted(AppealSignals.EVIDENCE))).query((rs) -> {
			run.add(rs.getString("subject"), code(), rs.getDouble("value"),
					Evidence.of("MOOD_NOTE", rs.getArray("ids")), null);
		});
	}

}
