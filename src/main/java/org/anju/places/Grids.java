package org.anju.places;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.anju.identity.GridDirectory;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells identity which grid IDs exist.
 */
@Component
class Grids implements GridDirectory {

	private final JdbcClient jdbc;

	Grids(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<Long> existingGrids(CommunityId community, Collection<Long> gridIds) {
		if (gridIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(
				this.jdbc.sql("select id from place where community_id = :c and kind = 'GRID' and id = any(:ids)")
					.param("c", community.value())
					.param("ids", gridIds.toArray(Long[]::new))
					.query(Long.class)
					.list());
	}

	@Override
	public Map<Long, String> gridNames(CommunityId community) {
		Map<Long, String> names = new LinkedHashMap<>();
		this.jdbc.sql("""
				select g.id, a.name || ' ' || g.name as name from place g
				join place a on a.community_id = g.community_id and a.id = g.parent_id
				where g.community_id = :c and g.kind = 'GRID'
				order by length(a.name), a.name, length(g.name), g.name, g.id
				""").param("c", community.value()).query((rs) -> {
			names.put(rs.getLong("id"), rs.getString("name"));
		});
		return names;
	}

}
