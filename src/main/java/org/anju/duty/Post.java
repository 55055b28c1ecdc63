package org.anju.duty;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A post (岗位) of a unit, with its business duties and its stability duties side by side
 * (一岗双责), and who holds it. A post whose holder left or was disabled is empty.
 *
 * @param history who held the post and when, the latest first; empty in lists
 */
record Post(long id, long unitId, String unitName, String name, String businessDuties, String stabilityDuties,
		@Nullable Long holderId, @Nullable String holderName, long version, List<Holding> history) {

	/**
	 * One account's time in the post.
	 */
	record Holding(long userId, String userName, Instant startedAt, @Nullable Instant endedAt,
			@Nullable String endReason) {
	}

}
