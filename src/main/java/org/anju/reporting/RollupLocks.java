package org.anju.reporting;

import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Transaction-scoped advisory locks that keep the rollups consistent across nodes: a
 * rebuild holds its community exclusively while updates hold it shared, and the batched
 * refreshes of a community's appeals take turns, so that each sees the facts the one
 * before stored.
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

	/**
	 * Takes the lock of the community's refreshes, which take turns across nodes, unless
	 * a rebuild holds the community: a rebuild of a million appeals takes longer than a
	 * statement may wait, and it takes in every change committed before it anyway.
	 * @return whether the refresh may go on; {@literal false} while a rebuild runs
	 */
	static boolean refresh(JdbcClient jdbc, CommunityId community) {
		boolean free = jdbc.sql("select pg_try_advisory_xact_lock_shared(hashtextextended('reporting:' || :c, 0))")
			.param("c", community.value())
			.query(Boolean.class)
			.single();
		if (free) {
			jdbc.sql("select pg_advisory_xact_lock(hashtextextended('reporting:' || :c || ':refresh', 0))")
				.param("c", community.value())
				.query((rs) -> {
				});
		}
		return free;
	}

}
