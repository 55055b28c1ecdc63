package org.anju.duty;

import java.util.List;
import java.util.Optional;

import org.anju.shared.CommunityId;

/**
 * Where the subjects of one type come from. Each type is one small class, so that a new
 * kind of subject (key persons, warnings) is one more bean.
 */
interface SubjectSource {

	/**
	 * @return the subject type's code, as in the API ({@code GRID})
	 */
	String type();

	/**
	 * @return every subject of the type in the community
	 */
	List<Subject> all(CommunityId community);

	Optional<Subject> find(CommunityId community, String key);

}
