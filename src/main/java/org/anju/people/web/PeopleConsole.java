package org.anju.people.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.anju.identity.CurrentUser;
import org.anju.identity.DataScope;
import org.anju.people.InterestGroup;
import org.anju.people.Households;
import org.anju.people.InterestGroups;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.people.PersonStatus;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.platform.FormErrors;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The people pages of the console: the searchable list, a person's page with their
 * history, unmasking, status and merge, and the form to register or edit a person. Every
 * form that the domain refuses is shown again with what the user typed.
 */
@Controller
@PreAuthorize("hasAuthority('PEOPLE_READ')")
class PeopleConsole {

	static final String LIST = "people/list";

	static final String RESULTS = "people/list :: results";

	static final String DETAIL = "people/detail";

	static final String UNMASK = "people/detail :: unmask";

	static final String FORM = "people/form";

	static final int PAGE_SIZE = 20;

	private final PeopleSearch search;

	private final PersonManagement people;

	private final InterestGroups groups;

	private final PlaceManagement places;

	private final Households households;

	PeopleConsole(PeopleSearch search, PersonManagement people, InterestGroups groups, PlaceManagement places,
			Households households) {
		this.search = search;
		this.people = people;
		this.groups = groups;
		this.places = places;
		this.households = households;
	}

	@GetMapping("/people")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String group,
			@RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable PersonStatus status,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String restore,
			Model model) {
		DataScope scope = user.scope();
		PeopleQuery query = new PeopleQuery(q, group, areaId, gridId, status);
		model.addAttribute("query", query);
		model.addAttribute("page", this.search.search(scope, query, cursor, PAGE_SIZE));
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		model.addAttribute("filters",
				Objects.toString(UriComponentsBuilder.newInstance()
					.queryParamIfPresent("q", blank(q))
					.queryParamIfPresent("group", blank(group))
					.queryParamIfPresent("areaId", Optional.ofNullable(areaId))
					.queryParamIfPresent("gridId", Optional.ofNullable(gridId))
					.queryParamIfPresent("status", Optional.ofNullable(status))
					.encode()
					.build()
					.getQuery(), ""));
		if ("true".equals(htmx) && !"true".equals(restore)) {
			return RESULTS;
		}
		model.addAttribute("groups", activeGroups(user));
		model.addAttribute("areas", scope.wholeCommunity() ? this.places.list(scope, PlaceKind.AREA, null) : List.of());
		model.addAttribute("grids", this.places.list(scope, PlaceKind.GRID, areaId));
		model.addAttribute("statuses", PersonStatus.values());
		return LIST;
	}

	@GetMapping("/people/{id}")
	String detail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Person person = this.people.get(user, id);
		model.addAttribute("person", person);
		model.addAttribute("history", HistoryView.of(this.people.history(user, id)));
		model.addAttribute("household",
				(person.householdId() != null) ? this.households.get(user, person.householdId()) : null);
		model.addAttribute("relations", PersonManagement.RELATIONS.stream().filter((r) -> !r.equals("HEAD")).toList());
		model.addAttribute("statuses", PersonStatus.values());
		if (!model.containsAttribute("statusChange")) {
			StatusChange change = new StatusChange();
			change.setVersion(person.version());
			model.addAttribute("statusChange", change);
		}
		if (!model.containsAttribute("mergeRequest")) {
			model.addAttribute("mergeRequest", new MergeRequest());
		}
		return DETAIL;
	}

	@PostMapping("/people/{id}/unmask")
	@PreAuthorize("hasAuthority('PEOPLE_UNMASK')")
	String unmask(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String field,
			@RequestParam(required = false) @Nullable String reason, Model model) {
		model.addAttribute("person", this.people.get(user, id));
		model.addAttribute("field", field);
		try {
			model.addAttribute("value", this.people.unmask(user, id, field, reason).orElse(""));
			model.addAttribute("revealed", true);
		}
		catch (InvalidInput ex) {
			model.addAttribute("reason", reason);
			model.addAttribute("reasonError", ex.violations().get(0));
		}
		return UNMASK;
	}

	@PostMapping("/people/{id}/status")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("statusChange") StatusChange change, BindingResult result, Model model) {
		if (change.getStatus() == null) {
			result.rejectValue("status", "field.required");
		}
		if (!result.hasErrors()) {
			try {
				this.people.changeStatus(user, id, change.getVersion(), change.getStatus(), change.getStatusDate());
				return "redirect:/people/" + id + "?saved";
			}
			catch (InvalidInput | Refused | StaleVersion ex) {
				FormErrors.reject(ex, result);
			}
		}
		return detail(user, id, model);
	}

	@PostMapping("/people/{id}/merge")
	@PreAuthorize("hasAuthority('PEOPLE_MERGE')")
	String merge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("mergeRequest") MergeRequest merge, BindingResult result, Model model) {
		if (merge.getMergedId() == null && !result.hasFieldErrors("mergedId")) {
			result.rejectValue("mergedId", "field.required");
		}
		if (!result.hasErrors()) {
			try {
				Person kept = this.people.merge(user, id, merge.getMergedId());
				return "redirect:/people/" + kept.id() + "?merged";
			}
			catch (InvalidInput | Refused | StaleVersion ex) {
				FormErrors.reject(ex, result);
			}
		}
		return detail(user, id, model);
	}

	@GetMapping("/people/new")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String registerForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("personEdit", new PersonEdit());
		return form(user, null, model);
	}

	@PostMapping("/people/new")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String register(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("personEdit") PersonEdit edit,
			BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				Person person = this.people.register(user, edit.form());
				return "redirect:/people/" + person.id() + "?saved";
			}
			catch (InvalidInput | Refused ex) {
				FormErrors.reject(ex, result);
			}
		}
		return form(user, null, model);
	}

	@GetMapping("/people/{id}/edit")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Person person = this.people.get(user, id);
		model.addAttribute("personEdit", PersonEdit.of(person));
		return form(user, person, model);
	}

	@PostMapping("/people/{id}/edit")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("personEdit") PersonEdit edit, BindingResult result, Model model) {
		Person person = this.people.get(user, id);
		if (!result.hasErrors()) {
			try {
				this.people.update(user, id, edit.getVersion(), edit.form());
				return "redirect:/people/" + id + "?saved";
			}
			catch (InvalidInput | Refused | StaleVersion ex) {
				FormErrors.reject(ex, result);
			}
		}
		return form(user, person, model);
	}

	private String form(CurrentUser user, @Nullable Person person, Model model) {
		model.addAttribute("person", person);
		model.addAttribute("groups", activeGroups(user));
		model.addAttribute("relations", PersonManagement.RELATIONS);
		return FORM;
	}

	private List<InterestGroup> activeGroups(CurrentUser user) {
		return this.groups.all(user.community()).stream().filter(InterestGroup::active).toList();
	}

	private static Optional<String> blank(@Nullable String value) {
		return (value == null || value.isBlank()) ? Optional.empty() : Optional.of(value.strip());
	}

}
