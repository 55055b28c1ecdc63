package org.anju.notices;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.appeals.AppealPlaces;
import org.anju.appeals.AppealSubmitted;
import org.anju.audit.AuditTrail;
import org.anju.places.Buildings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Links an appeal to the outage notices it is about: an appeal of the utility's
 * categories, received during the notice's window, about a place in (or from a resident
 * of) one of the notice's buildings. A link is made once however often the event comes.
 */
@Component
class NoticeLinks {

	private final JdbcClient jdbc;

	private final AppealPlaces appeals;

	private final Buildings buildings;

	private final AuditTrail audit;

	NoticeLinks(JdbcClient jdbc, AppealPlaces appeals, Buildings buildings, AuditTrail audit) {
		this.jdbc = jdbc;
		this.appeals = appeals;
		this.buildings = buildings;
		this.audit = audit;
	}

	// Only appeals that can be about an outage: for the others not even the event
	// publication is stored.
	@ApplicationModuleListener(condition = "T(org.anju.notices.Utility).concerns(#submitted.categoryCode())")
	void on(AppealSubmitted submitted) {
		String[] utilities = Arrays.stream(Utility.values())
			.filter((utility) -> utility.categoryCodes().contains(submitted.categoryCode()))
			.map(Utility::name)
			.toArray(String[]::new);
		Optional<Long> building = this.appeals.placeOf(submitted.community(), submitted.appealId())
			.flatMap((place) -> this.buildings.buildingOf(submitted.community(), place));
		if (building.isEmpty()) {
			return;
		}
		List<Long> linked = this.jdbc.sql("""
				insert into notice_appeal (community_id, notice_id, appeal_id)
				select n.community_id, n.id, :appeal from notice n
				join notice_building b on b.community_id = n.community_id and b.notice_id = n.id
				where n.community_id = :c and b.building_id = :building and n.utility = any(:utilities)
				  and n.starts_at <= :at and n.ends_at > :at
				on conflict do nothing
				returning notice_id
				""")
			.param("appeal", submitted.appealId())
			.param("c", submitted.community().value())
			.param("building", building.get())
			.param("utilities", utilities)
			.param("at", Timestamp.from(submitted.receivedAt()))
			.query(Long.class)
			.list();
		for (Long notice : linked) {
			this.audit.record(submitted.community(), "NOTICE_APPEAL_LINKED", "NOTICE", notice,
					Map.of("appealId", submitted.appealId()));
		}
	}

}
