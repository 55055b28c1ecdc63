package org.anju.appeals;

import org.anju.people.PersonReferences;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two records of one person are merged, their appeals and joint signatures follow
 * the person kept, in the merge's transaction.
 */
@Component
class AppealPeople implements PersonReferences {

	private final JdbcClient jdbc;

	AppealPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void repoint(CommunityId community, long fromPersonId, long toPersonId) {
		this.jdbc.sql("update appeal set person_id = :to where community_id = :c and person_id = :from")
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.update();
		this.jdbc.sql("""
				insert into appeal_co_signer (community_id, appeal_id, person_id)
				select community_id, appeal_id, :to from appeal_co_signer where community_id = :c and person_id = :from
				on conflict do nothing
				""").param("c", community.value()).param("from", fromPersonId).param("to", toPersonId).update();
		this.jdbc.sql("delete from appeal_co_signer where community_id = :c and person_id = :from")
			.param("c", community.value())
			.param("from", fromPersonId)
			.update();
	}

}
