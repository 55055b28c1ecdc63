package org.anju.appeals;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appeals received within a territory's period in its areas, grids or department,
 * counted for responsibility letters' targets: resolution on time, callbacks, skipped
 * levels and collective appeals, each count with the ids of up to {@value #EVIDENCE} of
 * the appeals behind it. Callers check their own reach: nothing here names a person.
 */
@Service
@Transactional(readOnly = true)
public class AppealsInScope {

	/**
	 * The most appeal ids a count carries. The query slices arrays as {@code [1: 50]}:
	 * without the space JdbcClient would read {@code :50} as a parameter.
	 */
	public static final int EVIDENCE = 50;

	private static final String RESOLVED = "a.state in ('RESOLVED', 'CLOSED')";

	private static final String LATE = "((" + RESOLVED + " and not coalesce(a.resolved_on_time, false)) or (a.state in "
			+ "('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') and a.due_at <= :now))";

	private static final String ESCALATED = "(a.escalated or 'ESCALATED' = any(a.flags))";

	private static final String COLLECTIVE = "'COLLECTIVE' = any(a.flags)";

	private static final String WHERE = """
			(cast(:whole as boolean) or a.area_id = any(cast(:areas as bigint[])) or a.grid_id = any(cast(:grids as bigint[]))
			 or a.department_code = cast(:department as text))""";

	private final JdbcClient jdbc;

	AppealsInScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param now the moment an open appeal's deadline is compared with
	 * @return the territory's figures, zeros when it has no appeal
	 */
	public Figures figures(CommunityId community, Territory territory, Instant now) {
		String sql = """
				select count(*) filter (where %1$s or %2$s) as due,
				       count(*) filter (where %1$s and a.resolved_on_time) as on_time,
				       (array_agg(a.id order by a.id) filter (where %2$s))[1: %6$d] as late_ids,
				       count(*) filter (where a.satisfaction is not null) as called_back,
				       count(*) filter (where a.satisfaction <> 'DISSATISFIED') as satisfied,
				       (array_agg(a.id order by a.id) filter (where a.satisfaction = 'DISSATISFIED'))[1: %6$d] as dissatisfied_ids,
				       count(*) filter (where %3$s) as escalated,
				       (array_agg(a.id order by a.id) filter (where %3$s))[1: %6$d] as escalated_ids,
				       count(*) filter (where %4$s) as collective,
				       (array_agg(a.id order by a.id) filter (where %4$s))[1: %6$d] as collective_ids
				from appeal a
				where a.community_id = :c and a.received_at >= :from and a.received_at < :to
				  and %5$s
				"""
			.formatted(RESOLVED, LATE, ESCALATED, COLLECTIVE, WHERE, EVIDENCE);
		return bind(this.jdbc.sql(sql), community, territory).param("now", Timestamp.from(now))
			.query(AppealsInScope::figures)
			.single();
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, CommunityId community,
			Territory territory) {
		return statement.param("c", community.value())
			.param("from", Timestamp.from(territory.start().toInstant()))
			.param("to", Timestamp.from(territory.end().toInstant()))
			.param("whole", territory.whole())
			.param("areas", territory.areas())
			.param("grids", territory.grids())
			.param("department", territory.departmentCode());
	}

	private static Figures figures(ResultSet rs, int row) throws SQLException {
		return new Figures(rs.getInt("due"), rs.getInt("on_time"), ids(rs, "late_ids"), rs.getInt("called_back"),
				rs.getInt("satisfied"), ids(rs, "dissatisfied_ids"), rs.getInt("escalated"), ids(rs, "escalated_ids"),
				rs.getInt("collective"), ids(rs, "collective_ids"));
	}

	private static List<Long> ids(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return (array != null) ? List.copyOf(Arrays.asList((Long[]) array.getArray())) : List.of();
	}

	/**
	 * A territory's appeals.
	 *
	 * @param due resolved, or open past their deadline
	 * @param onTime resolved within their time limit
	 * @param lateIds resolved late or open past their deadline
	 * @param calledBack with the resident's answer at the callback
	 * @param satisfied called back and not 不满意
	 * @param escalated 越级访: skipped levels
	 * @param collective 集体访
	 */
	public record Figures(int due, int onTime, List<Long> lateIds, int calledBack, int satisfied,
			List<Long> dissatisfiedIds, int escalated, List<Long> escalatedIds, int collective,
			List<Long> collectiveIds) {
	}

}
