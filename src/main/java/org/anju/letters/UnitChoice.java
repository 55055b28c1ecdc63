package org.anju.letters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.anju.duty.Organisation.PostRef;
import org.anju.duty.Organisation.UnitRef;

/**
 * A unit as the letter form offers it: in the tree's order, indented by its depth, with
 * its path from the root (what the form's type-ahead filter matches, so typing an area's
 * name keeps its grids) and its posts under it.
 *
 * @param path the names from the root down to the unit, such as {@code 行政 / 东区}
 */
record UnitChoice(UnitRef unit, String path, List<PostRef> posts) {

	UnitChoice {
		posts = List.copyOf(posts);
	}

	/**
	 * @param units the tree, depth first
	 * @return a choice for every unit, in the tree's order
	 */
	static List<UnitChoice> of(List<UnitRef> units, List<PostRef> posts, Locale locale) {
		Map<Long, List<PostRef>> byUnit = posts.stream().collect(Collectors.groupingBy(PostRef::unitId));
		Map<Long, String> paths = new HashMap<>();
		List<UnitChoice> choices = new ArrayList<>();
		for (UnitRef unit : units) {
			// depth first: a parent's path is known before its children's
			String above = (unit.parentId() != null) ? paths.get(unit.parentId()) : null;
			String path = (above != null) ? above + " / " + unit.name(locale) : unit.name(locale);
			paths.put(unit.id(), path);
			choices.add(new UnitChoice(unit, path, byUnit.getOrDefault(unit.id(), List.of())));
		}
		return choices;
	}

}
