package org.anju.plans;

import org.jspecify.annotations.Nullable;

/**
 * A role or contact of a plan whose person can no longer be reached: the account it names
 * was disabled, as when its holder left, or the post it names is empty or gone.
 *
 * @param number the plan version that names them: the approved one, or the draft of a
 * plan never approved
 * @param role the command role, or {@code null} for a contact
 * @param contact the contact's place in the plan's list, from 0, or {@code null} for a
 * role
 * @param reason {@code HOLDER_DISABLED}, {@code POST_EMPTY} or {@code POST_GONE}
 * @param userId the disabled account, or {@code null} for a post
 * @param postId the post a role names, or {@code null}
 */
public record PlanRoleGap(long planId, String planName, int number, @Nullable PlanRole role, @Nullable Integer contact,
		String reason, @Nullable Long userId, @Nullable String userName, @Nullable Long postId,
		@Nullable String postName) {

}
