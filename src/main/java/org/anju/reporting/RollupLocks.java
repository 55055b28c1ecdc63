package org.anju.reporting;

import java.time.LocalDate;

import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transaction-scoped advisory locks that keep the rollups consistent across nodes: a
 * rebuild holds its community exclusively while event updates hold it shared, and the
 * updates of one receipt day take turns, so that each recomputation sees the facts the
 * others committed.
 */
final class RollupLocks {

	private RollupLocks() {
	}

	static void exclusive(JdbcClient jdbc, CommunityId community) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('reporting:' || :c, 0))")
			.param("c", community.value())
			.query((rs) -> {
			});
	}

	static void shared(JdbcClient jdbc, CommunityId community) {
		jdbc.sql("select pg_advisory_xact_lock_shared(hashtextextended('reporting:' || :c, 0))")
			.param("c", community.value())
			.query((rs) -> {
			});
	}

	static void day(JdbcClient jdbc, CommunityId community, LocalDate day) {
		jdbc.sql("select pg_advisory_xact_lock(hashtextextended('reporting:' || :c || ':' || :day, 0))")
			.param("c", community.value())
			.param("day", day.toString())
			.query((rs) -> {
			});
	}

}
