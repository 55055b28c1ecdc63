package org.anju.care;

import java.util.List;

import org.anju.people.PeopleMerged;
import org.anju.people.PersonManagement;
import org.anju.people.PersonMoved;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the grid that care's lists copy from a person in step when they move, so that a
 * grid worker's lists follow the people into and out of their grids. Idempotent: it sets
 * the grid the event names, and gives open visit entries to the new grid's workers. After
 * a merge, the rows moved from the other record take the kept person's grid.
 */
@Component
class CareGrids {

	private final JdbcClient jdbc;

	private final VisitLists visits;

	private final PersonManagement people;

	CareGrids(JdbcClient jdbc, VisitLists visits, PersonManagement people) {
		this.jdbc = jdbc;
		this.visits = visits;
		this.people = people;
	}

	@ApplicationModuleListener
	void on(PersonMoved moved) {
		follow(moved.community(), moved.personId(), moved.toGridId());
	}

	@ApplicationModuleListener
	void on(PeopleMerged merged) {
		follow(merged.community(), merged.keptId(),
				this.people.gridsOf(merged.community(), List.of(merged.keptId())).get(merged.keptId()));
	}

	private void follow(CommunityId community, long personId, @Nullable Long gridId) {
		this.jdbc
			.sql("update special_flag set grid_id = :grid where community_id = :c and person_id = :person"
					+ " and ended_on is null")
			.param("grid", gridId)
			.param("c", community.value())
			.param("person", personId)
			.update();
		this.jdbc
			.sql("update qualification_subject set grid_id = :grid where community_id = :c and person_id = :person"
					+ " and checked_on is null")
			.param("grid", gridId)
			.param("c", community.value())
			.param("person", personId)
			.update();
		this.visits.move(community, personId, gridId);
	}

}
