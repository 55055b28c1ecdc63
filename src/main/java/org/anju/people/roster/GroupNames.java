package org.anju.people.roster;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The 人员类别 cell: one or more group names, separated as offices write them. A slash is not
 * a separator, because 家属/居民 is one group.
 */
final class GroupNames {

	private static final Pattern SEPARATORS = Pattern.compile("[、,，;；]");

	private GroupNames() {
	}

	/**
	 * @return the names in the cell, once each, in their order
	 */
	static List<String> split(String cell) {
		Set<String> names = new LinkedHashSet<>();
		for (String part : SEPARATORS.split(cell)) {
			String name = part.strip();
			if (!name.isEmpty()) {
				names.add(name);
			}
		}
		return List.copyOf(names);
	}

}
