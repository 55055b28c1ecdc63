package org.anju.reporting;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.anju.appeals.AppealCategories;
import org.anju.identity.DataScope;
import org.anju.identity.Role;
import org.anju.organisation.Departments;
import org.anju.people.InterestGroups;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;

import org.springframework.stereotype.Component;

/**
 * The names of the keys the rollups group by, from their owners' public APIs.
 */
@Component
class Names {

	private final AppealCategories categories;

	private final Departments departments;

	private final InterestGroups groups;

	private final PlaceManagement places;

	Names(AppealCategories categories, Departments departments, InterestGroups groups, PlaceManagement places) {
		this.categories = categories;
		this.departments = departments;
		this.groups = groups;
		this.places = places;
	}

	/**
	 * @return the names by code of each dimension ({@code CATEGORY}, {@code DEPARTMENT},
	 * {@code GROUP}, {@code AREA}, {@code GRID})
	 */
	Map<String, Map<String, String>> of(CommunityId community, Locale locale) {
		Map<String, Map<String, String>> names = new HashMap<>();
		Map<String, String> category = new HashMap<>();
		this.categories.tree(community).forEach((c) -> category.put(c.code(), c.name(locale)));
		names.put("CATEGORY", category);
		Map<String, String> department = new HashMap<>();
		this.departments.all(community).forEach((d) -> department.put(d.code(), d.name(locale)));
		names.put("DEPARTMENT", department);
		Map<String, String> group = new HashMap<>();
		this.groups.all(community).forEach((g) -> group.put(g.code(), g.name(locale)));
		names.put("GROUP", group);
		// the dashboard is the whole community's: its names are looked up as a leader's
		DataScope whole = new DataScope(community.value(), Role.LEADER, Set.of(), null, null);
		names.put("AREA", placeNames(whole, PlaceKind.AREA));
		names.put("GRID", placeNames(whole, PlaceKind.GRID));
		return names;
	}

	private Map<String, String> placeNames(DataScope scope, PlaceKind kind) {
		Map<String, String> names = new HashMap<>();
		for (Place place : this.places.list(scope, kind, null)) {
			names.put(Long.toString(place.id()), place.name());
		}
		return names;
	}

}
