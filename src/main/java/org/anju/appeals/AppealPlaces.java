package org.anju.appeals;

import java.util.Optional;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where an appeal is about, for modules that match appeals to places, such as outage
 * notices matching them to buildings, or route its escalations to whoever answers for its
 * grid and area.
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

	/**
	 * @return the area and grid the appeal was filed under at intake (either may be
	 * {@literal null}); empty when there is no such appeal
	 */
	public Optional<Location> locationOf(CommunityId community, long appealId) {
		return this.jdbc.sql("select area_id, grid_id from appeal where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", appealId)
			.query((rs, n) -> new Location(rs.getObject("area_id", Long.class), rs.getObject("grid_id", Long.class)))
			.optional();
	}

	/**
	 * The area and grid of an appeal.
	 */
	public record Location(@Nullable Long areaId, @Nullable Long gridId) {

	}

}
