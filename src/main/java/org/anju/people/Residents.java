package org.anju.people;

import org.anju.places.Place;
import org.anju.places.PlaceOccupancy;
import org.anju.places.PlaceRenamed;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What people mean to places: who lives under a place, and addresses that follow a
 * renamed place.
 */
@Component
class Residents implements PlaceOccupancy {

	private final JdbcClient jdbc;

	Residents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long residentsUnder(CommunityId community, Place place) {
		String column = switch (place.kind()) {
			case AREA -> "area_id";
			case GRID -> "grid_id";
			case ROOM -> "room_id";
			case BUILDING, UNIT -> null;
		};
		if (column != null) {
			return this.jdbc.sql("select count(*) from person where community_id = :c and " + column + " = :id")
				.param("c", community.value())
				.param("id", place.id())
				.query(Long.class)
				.single();
		}
		return this.jdbc.sql("""
				with recursive below as (
				  select id from place where community_id = :c and id = :id
				  union all
				  select p.id from place p join below b on p.community_id = :c and p.parent_id = b.id
				)
				select count(*) from person where community_id = :c and room_id in (select id from below)
				""").param("c", community.value()).param("id", place.id()).query(Long.class).single();
	}

	/**
	 * Rewrites the address text of everyone under a renamed place. Idempotent: it
	 * recomputes the addresses from the tree as it is now.
	 */
	@ApplicationModuleListener
	void on(PlaceRenamed renamed) {
		this.jdbc.sql("""
				with recursive below as (
				  select id from place where community_id = :c and id = :id
				  union all
				  select p.id from place p join below b on p.community_id = :c and p.parent_id = b.id
				), up as (
				  select r.id as room_id, r.id, r.parent_id, r.name, 0 as depth
				  from place r where r.community_id = :c and r.kind = 'ROOM' and r.id in (select id from below)
				  union all
				  select up.room_id, p.id, p.parent_id, p.name, up.depth + 1
				  from up join place p on p.community_id = :c and p.id = up.parent_id
				), addresses as (
				  select room_id, string_agg(name, ' ' order by depth desc) as text from up group by room_id
				)
				update person set address = a.text
				from addresses a where person.community_id = :c and person.room_id = a.room_id
				""").param("c", renamed.community().value()).param("id", renamed.placeId()).update();
	}

}
