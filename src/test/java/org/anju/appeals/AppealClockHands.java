package org.anju.appeals;

import org.anju.shared.CommunityId;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Turns the appeal clocks by hand for tests of other modules, which cannot see the
 * package-private {@link AppealClocks}: one call is one round of the poller.
 */
public final class AppealClockHands {

	private final AppealClocks clocks;

	private final JdbcClient jdbc;

	public AppealClockHands(ApplicationContext context) {
		this.clocks = context.getBean(AppealClocks.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	/**
	 * Puts an appeal of community 1 past its warning point (two days ago) and its due
	 * time (a day ago), and turns the clock twice: it fires nearly due, then overdue, and
	 * the second round finds nothing left to fire for it.
	 */
	public void runLate(long appealId) {
		this.jdbc
			.sql("update appeal set warn_at = now() - interval '2 days', due_at = now() - interval '1 day'"
					+ " where community_id = 1 and id = :id")
			.param("id", appealId)
			.update();
		CommunityId community = new CommunityId(1);
		tick(community);
		tick(community);
	}

	/**
	 * @return how many warning points and due times fired
	 */
	public int tick(CommunityId community) {
		return this.clocks.fire(community);
	}

}
