package org.anju.care;

import java.sql.Array;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care visits within a territory and its period, counted for responsibility letters'
 * targets. Callers check their own reach: nothing here names a person but by id.
 */
@Service
@Transactional(readOnly = true)
public class VisitsInScope {

	/** The age from which a resident counts as one of the over-80s (高龄). */
	public static final int ELDERLY_AGE = 80;

	private final JdbcClient jdbc;

	VisitsInScope(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The registered residents of the territory who are {@value #ELDERLY_AGE} or older by
	 * the period's last day; a department's territory has none.
	 * @return how many there are, how many were visited within the period, and the person
	 * ids of up to 50 who were not
	 */
	public Coverage elderly(CommunityId community, Territory territory) {
		return this.jdbc.sql("""
				select count(*) as total, count(*) filter (where v.visited) as visited,
				       (array_agg(p.id order by p.id) filter (where not v.visited))[1: 50] as missed
				from person p
				cross join lateral (
				    select exists (select 1 from care_visit c
				                   where c.community_id = p.community_id and c.person_id = p.id
				                     and c.visited_on between :from and :to)) v(visited)
				where p.community_id = :c and p.status = 'REGISTERED' and p.birth_date <= :born
				  and (cast(:whole as boolean) or p.area_id = any(cast(:areas as bigint[]))
				       or p.grid_id = any(cast(:grids as bigint[])))
				  and (cast(:whole as boolean) or cast(:department as text) is null)
				""")
			.param("c", community.value())
			.param("from", territory.from())
			.param("to", territory.to())
			.param("born", territory.to().minusYears(ELDERLY_AGE))
			.param("whole", territory.whole())
			.param("areas", territory.areas())
			.param("grids", territory.grids())
			.param("department", territory.departmentCode())
			.query((rs, row) -> {
				Array missed = rs.getArray("missed");
				return new Coverage(rs.getInt("total"), rs.getInt("visited"),
						(missed != null) ? List.copyOf(Arrays.asList((Long[]) missed.getArray())) : List.of());
			})
			.single();
	}

	/**
	 * @param missedIds up to 50 ids of the people not visited
	 */
	public record Coverage(int total, int visited, List<Long> missedIds) {
	}

}
