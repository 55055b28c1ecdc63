package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open conflict cases (未化解矛盾) by risk level: each case registered or being resolved
 * counts 1 if 一般 ordinary, 2 if 较大 serious and 4 if 重大 major, for each party person and
 * party group, its grid, its area and the community.
 */
@Component
class OpenConflictCases implements Signal {

	private static final String OPEN = "k.state in ('REGISTERED', 'RESOLVING')";

	/**
	 * Open as of a past {@code :now}: registered by then and not closed by then. A case
	 * keeps only its present level and its latest closing, so a reopened case counts as
	 * open in between, at today's level.
	 */
	private static final String OPEN_AS_OF = "k.registered_at <= :now and (k.closed_at is null or k.closed_at > :now)";

	private final JdbcClient jdbc;

	OpenConflictCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String code() {
		return "OPEN_CONFLICTS";
	}

	@Override
	public double defaultWeight() {
		return 5;
	}

	@Override
	public void measure(RiskRun run) {
		run.bind(this.jdbc.sql("""
				select s.subject,
				       sum(case k.level when 'MAJOR' then 4 when 'SERIOUS' then 2 else 1 end) as value,
				       (array_agg(k.id order by k.id desc))[1: %d] as ids
				from conflict_case k
				cross join lateral (
				    select 'PERSON:' || p from unnest(k.party_person_ids) p
				    union all select 'GROUP:' || g from unnest(k.party_group_codes) g
				    union all select 'GRID:' || k.grid_id
				    union all select 'AREA:' || k.area_id where k.area_id is not null
				    union all select 'COMMUNITY:' || k.community_id) s(subject)
				where k.community_id = :c and %s
				  and (cast(:all as boolean) or s.subject = any(cast(:subjects as text[])))
				group by s.subject
				""".formatted(AppealSignals.EVIDENCE, run.asOf() ? OPEN_AS_OF : OPEN))).query((rs) -> {
			run.add(rs.getString("subject"), code(), rs.getDouble("value"), Evidence.of("CONFLICT", rs.getArray("ids")),
					null);
		});
	}

}
