package org.anju.identity;

import java.util.Optional;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * Identity refers to people only by ID. The module that keeps the registry tells who a
 * person is when an administrator opens a resident's portal account for them: their name,
 * and the mobile that becomes the account's username.
 */
public interface ResidentDirectory {

	/**
	 * @return the person, if registered in the community
	 */
	Optional<Resident> find(CommunityId community, long personId);

	/**
	 * A registered person as a resident account needs them.
	 *
	 * @param mobile their own mobile number, unmasked; {@code null} when they have none,
	 * or only a landline
	 */
	record Resident(long personId, String name, @Nullable String mobile) {
	}

}
