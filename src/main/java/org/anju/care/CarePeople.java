package org.anju.care;

import org.anju.people.PersonReferences;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two records of one person are merged, their care visits and visit-list entries
 * follow the person kept, in the merge's transaction. Where both records are on the same
 * list, one entry stays: the visited one, or else the kept record's.
 */
@Component
class CarePeople implements PersonReferences {

	private final JdbcClient jdbc;

	CarePeople(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void repoint(CommunityId community, long fromPersonId, long toPersonId) {
		// on a list both records are on, a visit made to either counts
		this.jdbc
			.sql("""
					delete from visit_entry k where k.community_id = :c and k.person_id = :to and k.state = 'OPEN'
					  and exists (select 1 from visit_entry e where e.community_id = k.community_id and e.list_id = k.list_id
					              and e.person_id = :from and e.state = 'VISITED')
					""")
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.update();
		this.jdbc
			.sql("""
					delete from visit_entry e where e.community_id = :c and e.person_id = :from
					  and exists (select 1 from visit_entry k where k.community_id = e.community_id and k.list_id = e.list_id
					              and k.person_id = :to)
					""")
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.update();
		for (String table : new String[] { "visit_entry", "care_visit" }) {
			this.jdbc.sql("update " + table + " set person_id = :to where community_id = :c and person_id = :from")
				.param("c", community.value())
				.param("from", fromPersonId)
				.param("to", toPersonId)
				.update();
		}
	}

}
