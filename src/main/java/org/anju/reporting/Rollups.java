package org.anju.reporting;

import java.util.List;

import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the rollups from the source modules: on demand, and on start for every
 * community whose rollup is empty (a new installation, or appeals loaded in bulk without
 * events), so the dashboard never shows a blank that the data does not have.
 */
@Component
class Rollups {

	private static final Logger log = LoggerFactory.getLogger(Rollups.class);

	private final AppealRollup appeals;

	private final StabilityRollup stability;

	private final JdbcClient jdbc;

	Rollups(AppealRollup appeals, StabilityRollup stability, JdbcClient jdbc) {
		this.appeals = appeals;
		this.stability = stability;
		this.jdbc = jdbc;
	}

	/**
	 * @return how many appeals the rebuilt figures cover
	 */
	long rebuild(CommunityId community) {
		long started = System.nanoTime();
		long count = this.appeals.rebuild(community);
		this.stability.rebuild(community);
		log.info("Rebuilt the dashboard rollups of community {} from {} appeals in {} ms", community.value(), count,
				(System.nanoTime() - started) / 1_000_000);
		return count;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildEmpty() {
		List<Long> communities = this.jdbc.sql("select id from community order by id").query(Long.class).list();
		for (Long id : communities) {
			CommunityId community = new CommunityId(id);
			if (this.appeals.empty(community)) {
				rebuild(community);
			}
		}
	}

}
