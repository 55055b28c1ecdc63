package org.anju.care;

import org.anju.people.PersonMoved;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the grid that care's lists copy from a person in step when they move, so that a
 * grid worker's lists follow the people into and out of their grids. Idempotent: it sets
 * the grid the event names, and gives open visit entries to the new grid's workers.
 */
@Component
class CareGrids {

	private final JdbcClient jdbc;

	private final VisitLists visits;

	CareGrids(JdbcClient jdbc, VisitLists visits) {
		this.jdbc = jdbc;
		this.visits = visits;
	}

	@ApplicationModuleListener
	void on(PersonMoved moved) {
		this.jdbc
			.sql("update special_flag set grid_id = :grid where community_id = :c and person_id = :person"
					+ " and ended_on is null")
			.param("grid", moved.toGridId())
			.param("c", moved.community().value())
			.param("person", moved.personId())
			.update();
		this.jdbc
			.sql("update qualification_subject set grid_id = :grid where community_id = :c and person_id = :person"
					+ " and checked_on is null")
			.param("grid", moved.toGridId())
			.param("c", moved.community().value())
			.param("person", moved.personId())
			.update();
		this.visits.move(moved.community(), moved.personId(), moved.toGridId());
	}

}
