package org.anju.stability;

import java.util.LinkedHashSet;
import java.util.List;

import org.anju.appeals.AppealChanged;
import org.anju.appeals.AppealSignals;
import org.anju.appeals.AppealSubmitted;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes, after each event that can move a score, just the subjects it touched: the
 * person, their interest groups, the grid and the area. The community's own score, which
 * reads every appeal, follows on {@link RiskClocks}' shorter tick instead of on every
 * event. A run is idempotent, so an event seen twice does no harm; a rise it finds raises
 * its warning at once.
 */
@Component
class RiskTriggers {

	private final RiskEngine engine;

	private final AppealSignals appeals;

	private final JdbcClient jdbc;

	RiskTriggers(RiskEngine engine, AppealSignals appeals, JdbcClient jdbc) {
		this.engine = engine;
		this.appeals = appeals;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(AppealSubmitted submitted) {
		recompute(submitted.community(), this.appeals.subjectsOf(submitted.community(), submitted.appealId()));
	}

	@ApplicationModuleListener
	void on(AppealChanged changed) {
		if (!"note".equals(changed.action())) {
			recompute(changed.community(), this.appeals.subjectsOf(changed.community(), changed.appealId()));
		}
	}

	@ApplicationModuleListener
	void on(MoodNoteFiled filed) {
		recompute(filed.community(), this.jdbc.sql("""
				select s.subject from mood_note n
				cross join lateral (
				    select 'PERSON:' || n.person_id where n.person_id is not null
				    union all select 'GROUP:' || n.group_code where n.group_code is not null
				    union all select 'GRID:' || n.grid_id where n.grid_id is not null
				    union all select 'AREA:' || n.area_id where n.area_id is not null) s(subject)
				where n.community_id = :c and n.id = :id
				""").param("c", filed.community().value()).param("id", filed.noteId()).query(String.class).list());
	}

	@ApplicationModuleListener
	void on(ConflictCaseChanged changed) {
		recompute(changed.community(), this.jdbc.sql("""
				select s.subject from conflict_case k
				cross join lateral (
				    select 'PERSON:' || p from unnest(k.party_person_ids) p
				    union all select 'GROUP:' || g from unnest(k.party_group_codes) g
				    union all select 'GRID:' || k.grid_id
				    union all select 'AREA:' || k.area_id where k.area_id is not null) s(subject)
				where k.community_id = :c and k.id = :id
				""").param("c", changed.community().value()).param("id", changed.caseId()).query(String.class).list());
	}

	private void recompute(CommunityId community, List<String> touched) {
		if (!touched.isEmpty()) {
			this.engine.recompute(community, new LinkedHashSet<>(touched));
		}
	}

}
