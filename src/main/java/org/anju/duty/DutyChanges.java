package org.anju.duty;

import org.anju.shared.CommunityId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks a change to units, posts or the matrix, in the changing transaction: the count
 * goes up and {@link DutyChanged} goes out, so that the coverage check runs once more
 * after commit. Changes of one community take turns on the count, which is cheap for work
 * an office does by hand.
 */
@Component
class DutyChanges {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	DutyChanges(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(CommunityId community) {
		this.jdbc.sql("""
				insert into duty_coverage (community_id, changes) values (:c, 1)
				on conflict (community_id) do update set changes = duty_coverage.changes + 1
				""").param("c", community.value()).update();
		this.events.publishEvent(new DutyChanged(community));
	}

}
