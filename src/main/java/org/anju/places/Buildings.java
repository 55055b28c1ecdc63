package org.anju.places;

import java.util.Optional;

import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The building a place lies in, for modules that speak of whole buildings, such as outage
 * notices.
 */
@Service
@Transactional(readOnly = true)
public class Buildings {

	private final JdbcClient jdbc;

	Buildings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the building itself, or the building a unit or room lies in; empty for an
	 * area, a grid or an unknown place
	 */
	public Optional<Long> buildingOf(CommunityId community, long placeId) {
		return this.jdbc.sql("""
				with recursive up (id, kind, parent_id) as (
				  select id, kind, parent_id from place where community_id = :c and id = :id
				  union all
				  select p.id, p.kind, p.parent_id from place p join up on p.community_id = :c and p.id = up.parent_id
				  where up.kind in ('ROOM', 'UNIT')
				)
				select id from up where kind = 'BUILDING'
				""").param("c", community.value()).param("id", placeId).query(Long.class).optional();
	}

}
