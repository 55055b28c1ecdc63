package org.anju.people;

import java.util.Optional;

import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a registered person lives, for modules that must know it without a staff caller
 * behind them, such as the resident portal's notices of the person's own building.
 */
@Service
@Transactional(readOnly = true)
public class Homes {

	private final JdbcClient jdbc;

	Homes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the room the person lives in; empty when they have none, moved out or died
	 */
	public Optional<Long> roomOf(CommunityId community, long personId) {
		return this.jdbc.sql("""
				select room_id from person
				where community_id = :c and id = :id and status = 'REGISTERED' and room_id is not null
				""").param("c", community.value()).param("id", personId).query(Long.class).optional();
	}

}
