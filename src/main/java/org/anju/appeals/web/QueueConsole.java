package org.anju.appeals.web;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.anju.appeals.AppealFlag;
import org.anju.appeals.AppealPage;
import org.anju.appeals.AppealQuery;
import org.anju.appeals.AppealQueues;
import org.anju.appeals.AppealState;
import org.anju.identity.CurrentUser;
import org.anju.identity.DataScope;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The work queues: mine, my department's, the dispatch queue and everything in reach,
 * filtered, the nearest deadline first (so overdue, then nearly due); the callback queue
 * of resolved appeals; and the leader's supervision list.
 */
@Controller
@PreAuthorize("hasAuthority('APPEALS_READ')")
class QueueConsole {

	static final String LIST = "appeals/list";

	static final int PAGE_SIZE = 25;

	private final AppealQueues queues;

	private final AppealNames names;

	private final PlaceManagement places;

	private final InterestGroups groups;

	QueueConsole(AppealQueues queues, AppealNames names, PlaceManagement places, InterestGroups groups) {
		this.queues = queues;
		this.names = names;
		this.places = places;
		this.groups = groups;
	}

	@GetMapping("/appeals")
	String queue(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Tab tab,
			@RequestParam(required = false) @Nullable AppealState state,
			@RequestParam(required = false) @Nullable String categoryCode,
			@RequestParam(required = false) @Nullable AppealFlag flag,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable String group,
			@RequestParam(required = false) @Nullable String cursor, Model model, Locale locale) {
		boolean dispatches = this.queues.dispatches(user);
		Tab shown = (tab != null) ? tab
				: dispatches ? Tab.dispatch : (user.departmentCode() != null) ? Tab.department : Tab.mine;
		String category = blank(categoryCode).orElse(null);
		String groupCode = blank(group).orElse(null);
		AppealQuery query = switch (shown) {
			case mine -> new AppealQuery(state, category, null, flag, overdue ? true : null, areaId, gridId, groupCode,
					true, false);
			case department -> new AppealQuery(state, category, Objects.requireNonNullElse(user.departmentCode(), "-"),
					flag, overdue ? true : null, areaId, gridId, groupCode, false, false);
			case dispatch -> new AppealQuery(AppealState.RECEIVED, category, null, flag, overdue ? true : null, areaId,
					gridId, groupCode, false, false);
			case all -> new AppealQuery(state, category, null, flag, overdue ? true : null, areaId, gridId, groupCode,
					false, false);
		};
		String filters = Objects.toString(UriComponentsBuilder.newInstance()
			.queryParam("tab", shown.name())
			.queryParamIfPresent("state", Optional.ofNullable(state))
			.queryParamIfPresent("categoryCode", Optional.ofNullable(category))
			.queryParamIfPresent("flag", Optional.ofNullable(flag))
			.queryParamIfPresent("overdue", overdue ? Optional.of(true) : Optional.empty())
			.queryParamIfPresent("areaId", Optional.ofNullable(areaId))
			.queryParamIfPresent("gridId", Optional.ofNullable(gridId))
			.queryParamIfPresent("group", Optional.ofNullable(groupCode))
			.encode()
			.build()
			.getQuery(), "");
		model.addAttribute("tab", shown);
		model.addAttribute("tabs", dispatches ? List.of(Tab.values())
				: List.of(Tab.values()).stream().filter((t) -> t != Tab.dispatch).toList());
		model.addAttribute("query", query);
		model.addAttribute("overdue", overdue);
		model.addAttribute("filters", filters);
		DataScope scope = user.scope();
		model.addAttribute("states", AppealState.values());
		model.addAttribute("flags", AppealFlag.values());
		model.addAttribute("categoryOptions", this.names.categories(user.community(), locale));
		model.addAttribute("areas", scope.wholeCommunity() ? this.places.list(scope, PlaceKind.AREA, null) : List.of());
		model.addAttribute("grids", this.places.list(scope, PlaceKind.GRID, areaId));
		model.addAttribute("groups", this.groups.all(user.community()).stream().filter(InterestGroup::active).toList());
		return list(user, "queue", this.queues.list(user, query, cursor, PAGE_SIZE), cursor, model, locale);
	}

	@GetMapping("/appeals/callbacks")
	@PreAuthorize("hasAuthority('APPEALS_READ') and @appealQueues.dispatches(principal)")
	String callbacks(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String cursor,
			Model model, Locale locale) {
		AppealQuery resolved = new AppealQuery(AppealState.RESOLVED, null, null, null, null, null, null, null, false,
				false);
		model.addAttribute("filters", "");
		return list(user, "callbacks", this.queues.list(user, resolved, cursor, PAGE_SIZE), cursor, model, locale);
	}

	@GetMapping("/appeals/supervision")
	@PreAuthorize("hasAuthority('APPEALS_SUPERVISE')")
	String supervision(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String cursor, Model model, Locale locale) {
		model.addAttribute("filters", "");
		return list(user, "supervision", this.queues.supervision(user, cursor, PAGE_SIZE), cursor, model, locale);
	}

	private String list(CurrentUser user, String kind, AppealPage page, @Nullable String cursor, Model model,
			Locale locale) {
		model.addAttribute("kind", kind);
		model.addAttribute("page", page);
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		model.addAttribute("categories", this.names.categoryPaths(user.community(), locale));
		model.addAttribute("departments", this.names.departments(user.community(), locale));
		model.addAttribute("dispatches", this.queues.dispatches(user));
		return LIST;
	}

	private static Optional<String> blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(value.strip());
	}

	/**
	 * The queues' tabs; lower case, as they appear in the address.
	 */
	enum Tab {

		mine, department, dispatch, all

	}

}
