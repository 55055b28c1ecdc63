package org.anju.care;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How much of a visit list has been visited, in all and by grid and by interest group,
 * within the caller's grids. A person in two groups counts in each.
 */
public record ListCoverage(long listId, VisitList.Progress total, List<Part> byGrid, List<Part> byGroup) {

	/**
	 * One grid's or one group's share.
	 *
	 * @param key the grid's id or the group's code
	 */
	public record Part(String key, @Nullable String name, VisitList.Progress progress) {
	}

}
