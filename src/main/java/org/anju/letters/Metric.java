package org.anju.letters;

import java.time.Instant;

import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

/**
 * One figure a target can be bound to, computed from another module's public query over a
 * letter's territory and period. Adding a metric is adding one bean of this type; its
 * {@link #code()} is what targets store, and {@code letters.metric.<code>} names it.
 */
interface Metric {

	/**
	 * @return the code targets store, such as {@code ON_TIME_RESOLUTION}
	 */
	String code();

	/**
	 * @return whether the figure is a rate (to reach) or a count (to stay under)
	 */
	Measure measure();

	/**
	 * @param now the moment deadlines are compared with
	 */
	Figure figure(CommunityId community, Territory territory, Instant now);

	/**
	 * How a figure is compared with its target's threshold.
	 */
	enum Measure {

		/** A percentage, 0 to 100: met when at or above the threshold. */
		RATE,
		/** A count: met when at or below the threshold (usually 0). */
		COUNT

	}

}
