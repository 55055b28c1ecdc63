package org.anju.duty;

import java.util.List;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * Another module's things that must reach a person who is still there, checked by the
 * coverage check beside the matrix and the posts: a contingency plan's roles and contacts
 * (plans implements it). Each item counts towards the percentage, and an item with a
 * reason is a gap, stored, told and resolved like every other. An implementation reads
 * its own tables in the check's transaction, after posts whose holder was disabled were
 * emptied; it must not call back into the check. A change that can open or close such a
 * gap calls {@link CoverageChanges#record}, so that the check runs again after it.
 */
public interface CoverageSource {

	/**
	 * @return every item of the community that needs a person, with why it has none;
	 * never {@literal null}
	 */
	List<Item> items(CommunityId community);

	/**
	 * One thing that needs a person.
	 *
	 * @param subjectType the subject type's code, as the coverage API gives it
	 * ({@code PLAN})
	 * @param subjectKey the subject's id
	 * @param subjectName what the console and the inbox call it
	 * @param level what of the subject needs the person, such as a command role
	 * ({@code COMMANDER}); unique within the subject
	 * @param reason why nobody answers ({@code HOLDER_DISABLED}, {@code POST_EMPTY}), or
	 * {@code null} when someone does
	 * @param gridId the grid it lies in, for a grid worker's view; {@code null} above any
	 * grid
	 */
	record Item(String subjectType, String subjectKey, String subjectName, String level, @Nullable String reason,
			@Nullable Long gridId) {
	}

}
