package org.anju.duty;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Who answers for a subject at one level, and why.
 *
 * @param named the account the matrix names, if any
 * @param namedVersion the named row's version, for {@code If-Match}; 0 without one
 * @param namedDisabled whether the named account was disabled since: a gap, although
 * someone else may answer meanwhile
 * @param holders the enabled accounts that answer, nearest first
 */
record Holding(String level, @Nullable Long named, long namedVersion, boolean namedDisabled, List<Long> holders,
		Origin origin) {

	/**
	 * Where the holders come from.
	 */
	enum Origin {

		/** Named in the matrix. */
		NAMED,
		/** The subject's own default, such as a grid's grid workers. */
		DEFAULT,
		/** Its parent's person at the same level, such as a building's grid's. */
		INHERITED,
		/** Nobody. */
		NONE

	}

}
