package org.anju.stability;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conflict cases, screening reports, warnings and key persons' contacts within a
 * territory and its period, counted for responsibility letters' targets, each count with
 * the ids of up to {@value #EVIDENCE} of the rows that miss. A department's territory
 * counts the cases its unit is responsible for; screening and warnings belong to grids
 * only. Callers check their own reach: nothing here names a person.
 */
@Service
@Transactional(readOnly = true)
public class StabilityInScope {

	/** The most ids a count carries. */
	public static final int EVIDENCE = 50;

	private final JdbcClient jdbc;

	StabilityInScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The cases registered within the period, handed-over cases left out (another
	 * authority resolves them).
	 * @return how many there are, how many are resolved or stabilised, and the open ones
	 */
	public Share conflicts(CommunityId community, Territory territory) {
		return this.jdbc
			.sql("""
					select count(*) as total, count(*) filter (where k.state in ('RESOLVED', 'STABILISED')) as good,
					       (array_agg(k.id order by k.id) filter (where k.state in ('REGISTERED', 'RESOLVING')))[1: 50] as misses
					from conflict_case k
					where k.community_id = :c and k.registered_at >= :from and k.registered_at < :to
					  and k.state <> 'HANDED_OVER'
					  and (cast(:whole as boolean) or k.area_id = any(cast(:areas as bigint[]))
					       or k.grid_id = any(cast(:grids as bigint[])) or k.responsible_unit_code = cast(:department as text))
					""")
			.param("c", community.value())
			.param("from", Timestamp.from(territory.start().toInstant()))
			.param("to", Timestamp.from(territory.end().toInstant()))
			.param("whole", territory.whole())
			.param("areas", territory.areas())
			.param("grids", territory.grids())
			.param("department", territory.departmentCode())
			.query(StabilityInScope::share)
			.single();
	}

	/**
	 * Each grid's report in each screening round whose deadline falls within the period
	 * and has passed by {@code today} (or that is in already).
	 * @return the reports due, those made by the deadline, and the rounds of the others
	 */
	public Share screenings(CommunityId community, Territory territory, LocalDate today) {
		return this.jdbc
			.sql("""
					select count(*) as total,
					       count(*) filter (where g.reported_at is not null
					                        and (g.reported_at at time zone 'Asia/Shanghai')::date <= r.deadline) as good,
					       (array_agg(distinct g.round_id) filter (where g.reported_at is null
					                        or (g.reported_at at time zone 'Asia/Shanghai')::date > r.deadline))[1: 50] as misses
					from screening_grid g
					join screening_round r on r.community_id = g.community_id and r.id = g.round_id
					where g.community_id = :c and r.deadline between :from and :to
					  and (r.deadline < :today or g.reported_at is not null)
					  and (cast(:whole as boolean) or g.area_id = any(cast(:areas as bigint[]))
					       or g.grid_id = any(cast(:grids as bigint[])))
					""")
			.param("c", community.value())
			.param("from", territory.from())
			.param("to", territory.to())
			.param("today", today)
			.param("whole", territory.whole())
			.param("areas", territory.areas())
			.param("grids", territory.grids())
			.query(StabilityInScope::share)
			.single();
	}

	/**
	 * The warnings raised within the period whose time to acknowledge has passed by
	 * {@code now} (or that were acknowledged already).
	 * @return those due, those acknowledged in time, and the others
	 */
	public Share acknowledgements(CommunityId community, Territory territory, Instant now) {
		return this.jdbc
			.sql("""
					select count(*) as total,
					       count(*) filter (where coalesce(w.acknowledged_at, w.closed_at) <= w.ack_due_at) as good,
					       (array_agg(w.id order by w.id) filter (where coalesce(w.acknowledged_at, w.closed_at, :now) > w.ack_due_at))[1: 50] as misses
					from warning w
					where w.community_id = :c and w.raised_at >= :from and w.raised_at < :to
					  and (w.ack_due_at <= :now or w.acknowledged_at is not null or w.closed_at is not null)
					  and (cast(:whole as boolean) or w.grid_id = any(cast(:grids as bigint[]))
					       or (w.subject_type = 'AREA' and w.subject_id = any(cast(:areaKeys as text[]))))
					""")
			.param("c", community.value())
			.param("from", Timestamp.from(territory.start().toInstant()))
			.param("to", Timestamp.from(territory.end().toInstant()))
			.param("now", Timestamp.from(now))
			.param("whole", territory.whole())
			.param("grids", territory.grids())
			.param("areaKeys", territory.areaIds().stream().map(String::valueOf).toArray(String[]::new))
			.query(StabilityInScope::share)
			.single();
	}

	/**
	 * The key persons under watch today who live in the territory (by their registered
	 * area and grid); a department's territory has none.
	 * @return those under watch, those whose next contact is not overdue on
	 * {@code today}, and the overdue ones
	 */
	public Share keyPersonContacts(CommunityId community, Territory territory, LocalDate today) {
		return this.jdbc.sql("""
				select count(*) as total, count(*) filter (where k.next_due >= :today) as good,
				       (array_agg(k.id order by k.id) filter (where k.next_due < :today))[1: 50] as misses
				from key_person k
				join person p on p.community_id = k.community_id and p.id = k.person_id
				where k.community_id = :c and k.ended_at is null
				  and (cast(:whole as boolean) or p.area_id = any(cast(:areas as bigint[]))
				       or p.grid_id = any(cast(:grids as bigint[])))
				""")
			.param("c", community.value())
			.param("today", today)
			.param("whole", territory.whole())
			.param("areas", territory.areas())
			.param("grids", territory.grids())
			.query(StabilityInScope::share)
			.single();
	}

	private static Share share(ResultSet rs, int row) throws SQLException {
		Array misses = rs.getArray("misses");
		return new Share(rs.getInt("total"), rs.getInt("good"),
				(misses != null) ? List.copyOf(Arrays.asList((Long[]) misses.getArray())) : List.of());
	}

	/**
	 * A share of rows that meet a standard.
	 *
	 * @param total the rows counted
	 * @param good those that meet it
	 * @param missIds up to {@value #EVIDENCE} ids of those that do not: cases, rounds or
	 * warnings
	 */
	public record Share(int total, int good, List<Long> missIds) {
	}

}
