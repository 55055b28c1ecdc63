package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A collective-incident early sign (群体性苗头) in the mood notes: notes about one interest
 * group turned 不满 dissatisfied or 激烈 agitated in {@value #MIN_GRIDS} or more grids within
 * 7 days. The value is the number of grids.
 */
@Component
class GroupMoodTurn implements Signal {

	static final int MIN_GRIDS = 2;

	private final JdbcClient jdbc;

	GroupMoodTurn(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String code() {
		return "COLLECTIVE_MOOD";
	}

	@Override
	public double defaultWeight() {
		return 10;
	}

	@Override
	public boolean collective() {
		return true;
	}

	@Override
	public void measure(RiskRun run) {
		run.bind(this.jdbc.sql("""
				select 'GROUP:' || n.group_code as subject, count(distinct n.grid_id) as grids,
				       (array_agg(n.id order by n.noted_on desc, n.id desc))[1: %d] as ids
				from mood_note n
				where n.community_id = :c and n.group_code is not null and n.grid_id is not null
				  and n.mood in ('DISSATISFIED', 'AGITATED')
				  and n.noted_on > cast(:today as date) - 7 and n.noted_on <= cast(:today as date)
				  and (cast(:all as boolean) or 'GROUP:' || n.group_code = any(cast(:subjects as text[])))
				group by n.group_code
				having count(distinct n.grid_id) >= %d
				""".formatted(AppealSignals.EVIDENCE, MIN_GRIDS))).query((rs) -> {
			run.add(rs.getString("subject"), code(), rs.getInt("grids"), Evidence.of("MOOD_NOTE", rs.getArray("ids")),
					null);
		});
	}

}
