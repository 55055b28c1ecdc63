package org.anju.stability;

import java.util.List;

import org.anju.shared.CommunityId;

/**
 * Who answers for a risk subject, for routing its warnings: the responsibility matrix
 * (duty) implements this. Until one does, or when every implementation answers empty,
 * warnings go to the grid workers of a person's or grid's grid, and to the leaders for a
 * group, an area or the community; leaders are told of every orange and red warning
 * besides.
 */
public interface Responsibles {

	/**
	 * @param subjectType {@code PERSON}, {@code GRID}, {@code AREA} or {@code COMMUNITY}
	 * @return the staff account ids that answer for the subject, the nearest level first;
	 * empty when this matrix names no one
	 */
	List<Long> of(CommunityId community, String subjectType, long subjectId);

	/**
	 * An interest group is named by its code, not a number.
	 * @return the staff account ids that answer for the group (its liaison first); empty
	 * when this matrix names no one
	 */
	default List<Long> ofGroup(CommunityId community, String groupCode) {
		return List.of();
	}

}
