package org.anju.appeals;

import java.util.Optional;

import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an appeal is about, for modules that match appeals to places, such as outage
 * notices matching them to buildings.
 */
@Service
@Transactional(readOnly = true)
public class AppealPlaces {

	private final JdbcClient jdbc;

	AppealPlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the place the appeal names, or else the room of the person who brought it;
	 * empty when there is neither or no such appeal
	 */
	public Optional<Long> placeOf(CommunityId community, long appealId) {
		return this.jdbc.sql("""
				select coalesce(a.place_id, p.room_id)
				from appeal a
				left join person p on p.community_id = a.community_id and p.id = a.person_id
				where a.community_id = :c and a.id = :id and coalesce(a.place_id, p.room_id) is not null
				""").param("c", community.value()).param("id", appealId).query(Long.class).optional();
	}

}
