package org.anju.stability;

import org.anju.people.PersonReferences;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two records of one person are merged, the cases they are a party to, the mood
 * notes about them and their key-person records follow the person kept, in the merge's
 * transaction.
 */
@Component
class StabilityPeople implements PersonReferences {

	private final JdbcClient jdbc;

	StabilityPeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void repoint(CommunityId community, long fromPersonId, long toPersonId) {
		this.jdbc.sql("""
				update conflict_case
				set party_person_ids = case when :to = any(party_person_ids)
				                            then array_remove(party_person_ids, :from)
				                            else array_replace(party_person_ids, :from, :to) end
				where community_id = :c and party_person_ids @> array[cast(:from as bigint)]
				""").param("c", community.value()).param("from", fromPersonId).param("to", toPersonId).update();
		// a person is a key person once at a time: the kept person's record stands
		this.jdbc.sql("""
				update key_person set ended_at = now(), ended_by = 'merge', ended_reason = '人员合并 / merged',
				                      version = version + 1
				where community_id = :c and person_id = :from and ended_at is null
				  and exists (select 1 from key_person kept
				              where kept.community_id = :c and kept.person_id = :to and kept.ended_at is null)
				""").param("c", community.value()).param("from", fromPersonId).param("to", toPersonId).update();
		this.jdbc.sql("update key_person set person_id = :to where community_id = :c and person_id = :from")
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.update();
		this.jdbc.sql("update mood_note set person_id = :to where community_id = :c and person_id = :from")
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.update();
	}

}
