package org.anju.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.identity.CurrentUser;
import org.anju.identity.DataScope;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.people.PeopleStatistics;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.places.PlaceStatistics;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and the home page with the counts of people and places the caller may
 * see: the whole community, or a grid worker's own grids.
 */
@Controller
class ConsoleController {

	static final String LOGIN = "login";

	static final String HOME = "home";

	private final PeopleStatistics people;

	private final PlaceStatistics placeCounts;

	private final PlaceManagement places;

	private final InterestGroups groups;

	private final List<HomePanels> panels;

	ConsoleController(PeopleStatistics people, PlaceStatistics placeCounts, PlaceManagement places,
			InterestGroups groups, List<HomePanels> panels) {
		this.people = people;
		this.placeCounts = placeCounts;
		this.places = places;
		this.groups = groups;
		this.panels = panels;
	}

	@GetMapping("/login")
	String login() {
		return LOGIN;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		DataScope scope = user.scope();
		model.addAttribute("registered", this.people.registered(scope));
		model.addAttribute("placeCounts", this.placeCounts.byKind(scope));
		Map<String, InterestGroup> groupNames = this.groups.byCode(user.community());
		List<Count> byGroup = this.people.byGroup(scope)
			.entrySet()
			.stream()
			.map((entry) -> new Count(named(groupNames.get(entry.getKey()), entry.getKey(), locale), entry.getValue()))
			.toList();
		model.addAttribute("byGroup", byGroup);
		// a grid worker sees no areas, only their grids, so their places are counted by
		// grid
		boolean byArea = scope.wholeCommunity();
		Map<Long, Long> counts = byArea ? this.people.byArea(scope) : this.people.byGrid(scope);
		Map<Long, String> names = new LinkedHashMap<>();
		this.places.list(scope, byArea ? PlaceKind.AREA : PlaceKind.GRID, null)
			.forEach((place) -> names.put(place.id(), place.name()));
		model.addAttribute("byPlaceKind", byArea ? PlaceKind.AREA : PlaceKind.GRID);
		model.addAttribute("byPlace", names.entrySet()
			.stream()
			.map((entry) -> new Count(entry.getValue(), counts.getOrDefault(entry.getKey(), 0L), entry.getKey()))
			.toList());
		model.addAttribute("byPlaceMax", counts.values().stream().mapToLong(Long::longValue).max().orElse(0));
		model.addAttribute("panels", this.panels.stream().flatMap((panels) -> panels.panel(user).stream()).toList());
		return HOME;
	}

	private static String named(@Nullable InterestGroup group, String code, Locale locale) {
		return (group != null) ? group.name(locale) : code;
	}

	/**
	 * One bar of a count on the home page; {@code id} is the place to filter the people
	 * list by, if any.
	 */
	record Count(String label, long count, @Nullable Long id) {

		Count(String label, long count) {
			this(label, count, null);
		}

	}

}
