package org.anju.places;

import java.util.EnumMap;
import java.util.Map;

import org.anju.identity.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many places of each kind the caller may see, for the console's home page.
 */
@Service
@Transactional(readOnly = true)
public class PlaceStatistics {

	private final JdbcClient jdbc;

	PlaceStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return a count for every kind, zero where there are none; a grid worker's areas
	 * are not counted, since areas lie above any grid
	 */
	public Map<PlaceKind, Long> byKind(DataScope scope) {
		Map<PlaceKind, Long> counts = new EnumMap<>(PlaceKind.class);
		for (PlaceKind kind : PlaceKind.values()) {
			counts.put(kind, 0L);
		}
		this.jdbc.sql("""
				select kind, count(*) as n from place
				where community_id = :c and (cast(:grids as bigint[]) is null or grid_id = any(:grids))
				group by kind
				""").param("c", scope.communityId()).param("grids", scope.gridFilter()).query((rs) -> {
			counts.put(PlaceKind.valueOf(rs.getString("kind")), rs.getLong("n"));
		});
		return counts;
	}

}
