package org.anju.reporting;

import java.sql.Date;

import org.anju.shared.CommunityId;
import org.anju.stability.StabilityFacts;
import org.anju.stability.StabilityFacts.ConflictFact;
import org.anju.stability.StabilityFacts.ScreeningFact;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conflict cases and screening duties as the dashboard counts them: one row per case and
 * per grid and round, written as the source stands now, so that an event seen twice
 * writes the same row. There are few enough of them to count on each request.
 */
@Component
class StabilityRollup {

	private final StabilityFacts facts;

	private final JdbcClient jdbc;

	StabilityRollup(StabilityFacts facts, JdbcClient jdbc) {
		this.facts = facts;
		this.jdbc = jdbc;
	}

	@Transactional
	public void refreshCase(CommunityId community, long caseId) {
		RollupLocks.shared(this.jdbc, community);
		this.facts.conflictCase(community, caseId).ifPresent((fact) -> write(community, fact));
	}

	/**
	 * @param roundId the round whose grids changed
	 */
	@Transactional
	public void refreshRound(CommunityId community, long roundId) {
		RollupLocks.shared(this.jdbc, community);
		this.facts.screeningGrids(community, roundId).forEach((fact) -> write(community, fact));
	}

	/**
	 * Replaces the community's stability rows with the source's.
	 */
	@Transactional
	public void rebuild(CommunityId community) {
		RollupLocks.exclusive(this.jdbc, community);
		this.jdbc.sql("delete from report_conflict where community_id = :c").param("c", community.value()).update();
		this.jdbc.sql("delete from report_screening where community_id = :c").param("c", community.value()).update();
		this.facts.conflictCases(community).forEach((fact) -> write(community, fact));
		this.facts.screeningGrids(community, (@Nullable Long) null).forEach((fact) -> write(community, fact));
	}

	private void write(CommunityId community, ConflictFact fact) {
		this.jdbc.sql("""
				insert into report_conflict (community_id, case_id, registered_day, level, state, grid_id)
				values (:c, :id, :day, :level, :state, :grid)
				on conflict (community_id, case_id) do update set registered_day = excluded.registered_day,
				  level = excluded.level, state = excluded.state, grid_id = excluded.grid_id
				""")
			.param("c", community.value())
			.param("id", fact.caseId())
			.param("day", Date.valueOf(fact.registeredDay()))
			.param("level", fact.level().name())
			.param("state", fact.state().name())
			.param("grid", fact.gridId())
			.update();
	}

	private void write(CommunityId community, ScreeningFact fact) {
		this.jdbc.sql("""
				insert into report_screening (community_id, round_id, grid_id, period, deadline, reported, late)
				values (:c, :round, :grid, :period, :deadline, :reported, :late)
				on conflict (community_id, round_id, grid_id) do update set period = excluded.period,
				  deadline = excluded.deadline, reported = excluded.reported, late = excluded.late
				""")
			.param("c", community.value())
			.param("round", fact.roundId())
			.param("grid", fact.gridId())
			.param("period", fact.period())
			.param("deadline", Date.valueOf(fact.deadline()))
			.param("reported", fact.reported())
			.param("late", fact.late())
			.update();
	}

}
