package org.anju.people;

import java.util.LinkedHashMap;
import java.util.Map;

import org.anju.identity.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of the people on the registry within the caller's data scope, for the console's
 * home page. Only people with the status 在册 (registered) are counted.
 */
@Service
@Transactional(readOnly = true)
public class PeopleStatistics {

	private static final String SCOPE = " p.community_id = :c and p.status = 'REGISTERED'"
			+ " and (cast(:grids as bigint[]) is null or p.grid_id = any(:grids))";

	private final JdbcClient jdbc;

	PeopleStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return how many registered people the caller may see
	 */
	public long registered(DataScope scope) {
		return this.jdbc.sql("select count(*) from person p where" + SCOPE)
			.param("c", scope.communityId())
			.param("grids", scope.gridFilter())
			.query(Long.class)
			.single();
	}

	/**
	 * @return registered people per interest group code, largest first; a person in two
	 * groups counts in both
	 */
	public Map<String, Long> byGroup(DataScope scope) {
		return counts("""
				select g.group_code as k, count(*) as n from person p
				join person_group g on g.community_id = p.community_id and g.person_id = p.id
				where""" + SCOPE + " group by g.group_code order by n desc, k", scope);
	}

	/**
	 * @return registered people per area ID, largest first; people without a room are
	 * left out
	 */
	public Map<Long, Long> byArea(DataScope scope) {
		return ids(counts("select p.area_id as k, count(*) as n from person p where" + SCOPE
				+ " and p.area_id is not null group by p.area_id order by n desc, k", scope));
	}

	/**
	 * @return registered people per grid ID, largest first
	 */
	public Map<Long, Long> byGrid(DataScope scope) {
		return ids(counts("select p.grid_id as k, count(*) as n from person p where" + SCOPE
				+ " and p.grid_id is not null group by p.grid_id order by n desc, k", scope));
	}

	private Map<String, Long> counts(String sql, DataScope scope) {
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql(sql).param("c", scope.communityId()).param("grids", scope.gridFilter()).query((rs) -> {
			counts.put(rs.getString("k"), rs.getLong("n"));
		});
		return counts;
	}

	private static Map<Long, Long> ids(Map<String, Long> counts) {
		Map<Long, Long> byId = new LinkedHashMap<>();
		counts.forEach((key, count) -> byId.put(Long.valueOf(key), count));
		return byId;
	}

}
