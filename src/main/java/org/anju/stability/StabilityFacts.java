package org.anju.stability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of conflict cases and screening rounds for read models that keep figures (the
 * leader dashboard): one case's or one round's after an event about it, or all of a
 * community's to rebuild from. Callers are system jobs; nothing here names a person or
 * carries free text.
 */
@Service
@Transactional(readOnly = true)
public class StabilityFacts {

	private static final String CASES = """
			select id, (registered_at at time zone 'Asia/Shanghai')::date as registered_day, level, state, grid_id
			from conflict_case where community_id = :c
			""";

	private static final String GRIDS = """
			select g.round_id, g.grid_id, r.period, r.deadline, g.reported_at is not null as reported,
			       g.reported_at is not null and (g.reported_at at time zone 'Asia/Shanghai')::date > r.deadline as late
			from screening_grid g join screening_round r on r.community_id = g.community_id and r.id = g.round_id
			where g.community_id = :c
			""";

	private final JdbcClient jdbc;

	StabilityFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the case's facts, empty when there is no such case
	 */
	public Optional<ConflictFact> conflictCase(CommunityId community, long caseId) {
		return this.jdbc.sql(CASES + " and id = :id")
			.param("c", community.value())
			.param("id", caseId)
			.query(StabilityFacts::conflict)
			.optional();
	}

	/**
	 * @return the warnings not yet closed, by level, every level present (zero when none)
	 */
	public Map<WarningLevel, Long> openWarnings(CommunityId community) {
		Map<WarningLevel, Long> counts = new EnumMap<>(WarningLevel.class);
		for (WarningLevel level : WarningLevel.values()) {
			counts.put(level, 0L);
		}
		this.jdbc
			.sql("select level, count(*) as count from warning where community_id = :c and state <> 'CLOSED' "
					+ "group by level")
			.param("c", community.value())
			.query((rs) -> {
				counts.put(WarningLevel.valueOf(rs.getString("level")), rs.getLong("count"));
			});
		return counts;
	}

	/**
	 * @return the facts of every conflict case of the community
	 */
	public List<ConflictFact> conflictCases(CommunityId community) {
		return this.jdbc.sql(CASES).param("c", community.value()).query(StabilityFacts::conflict).list();
	}

	/**
	 * @param roundId the round, or {@literal null} for every round of the community
	 * @return each grid's duty in the round (or rounds)
	 */
	public List<ScreeningFact> screeningGrids(CommunityId community, @Nullable Long roundId) {
		return this.jdbc.sql(GRIDS + ((roundId != null) ? " and g.round_id = :round" : " and :round::bigint is null"))
			.param("c", community.value())
			.param("round", roundId)
			.query(StabilityFacts::screening)
			.list();
	}

	private static ConflictFact conflict(ResultSet rs, int row) throws SQLException {
		return new ConflictFact(rs.getLong("id"), rs.getObject("registered_day", LocalDate.class),
				RiskLevel.valueOf(rs.getString("level")), ConflictState.valueOf(rs.getString("state")),
				rs.getLong("grid_id"));
	}

	private static ScreeningFact screening(ResultSet rs, int row) throws SQLException {
		return new ScreeningFact(rs.getLong("round_id"), rs.getLong("grid_id"), rs.getString("period"),
				rs.getObject("deadline", LocalDate.class), rs.getBoolean("reported"), rs.getBoolean("late"));
	}

	/**
	 * One conflict case as it stands now.
	 *
	 * @param registeredDay the day it was registered, in Asia/Shanghai
	 */
	public record ConflictFact(long caseId, LocalDate registeredDay, RiskLevel level, ConflictState state,
			long gridId) {
	}

	/**
	 * One grid's duty in one screening round.
	 *
	 * @param late whether it reported after the deadline day
	 */
	public record ScreeningFact(long roundId, long gridId, String period, LocalDate deadline, boolean reported,
			boolean late) {
	}

}
