package org.anju.appeals;

import org.anju.shared.CommunityId;

import org.springframework.context.ApplicationContext;

/**
 * Turns the appeal clocks by hand for tests of other modules, which cannot see the
 * package-private {@link AppealClocks}: one call is one round of the poller.
 */
public final class AppealClockHands {

	private final AppealClocks clocks;

	public AppealClockHands(ApplicationContext context) {
		this.clocks = context.getBean(AppealClocks.class);
	}

	/**
	 * @return how many warning points and due times fired
	 */
	public int tick(CommunityId community) {
		return this.clocks.fire(community);
	}

}
