package org.anju.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A household (户): people living together in one room, with a head (户主).
 */
public record Household(long id, long roomId, @Nullable String address, @Nullable Long headPersonId,
		List<Member> members, long version) {

	/**
	 * A member and their relation to the head.
	 */
	public record Member(long personId, String name, @Nullable String relation) {
	}

}
