package org.anju.appeals.web;

import java.util.List;
import java.util.Locale;

import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.Route;
import org.anju.appeals.Routing;
import org.anju.identity.CurrentUser;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.platform.FormErrors;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The fast intake form for the counter and the phone: the person picked by typing their
 * initials, name or last four digits, or a caller's name and phone; the category picked
 * by typing; where the appeal will go shown before it is saved. A refused intake comes
 * back with everything typed; a saved one goes to its page.
 */
@Controller
@PreAuthorize("hasAuthority('APPEALS_INTAKE')")
class IntakeConsole {

	static final String FORM = "appeals/new";

	static final String PEOPLE = "appeals/new :: people";

	static final String ROUTE = "appeals/new :: route";

	/** The channels staff take appeals in by; the portal and Open311 take the others. */
	static final List<Channel> STAFF_CHANNELS = List.of(Channel.PHONE, Channel.WALK_IN, Channel.VISIT, Channel.LETTER,
			Channel.REFERRAL);

	/** Enough to pick from while typing; a longer list means typing one more letter. */
	static final int PEOPLE_SHOWN = 8;

	private final AppealManagement appeals;

	private final Routing routing;

	private final PeopleSearch search;

	private final PersonManagement people;

	private final PlaceManagement places;

	private final AppealNames names;

	IntakeConsole(AppealManagement appeals, Routing routing, PeopleSearch search, PersonManagement people,
			PlaceManagement places, AppealNames names) {
		this.appeals = appeals;
		this.routing = routing;
		this.search = search;
		this.people = people;
		this.places = places;
		this.names = names;
	}

	@GetMapping("/appeals/new")
	String form(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		model.addAttribute("intake", new IntakeForm());
		model.addAttribute("fresh", true);
		return form(user, null, model, locale);
	}

	@PostMapping("/appeals/new")
	String submit(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("intake") IntakeForm intake,
			BindingResult result, Model model, Locale locale) {
		if (!result.hasErrors()) {
			try {
				AppealView appeal = this.appeals.submit(user, intake.intake());
				return "redirect:/appeals/" + appeal.id() + "?received";
			}
			catch (InvalidInput ex) {
				FormErrors.reject(ex, result);
			}
		}
		model.addAttribute("fresh", false);
		return form(user, intake.getPersonId(), model, locale);
	}

	@GetMapping("/appeals/new/people")
	String people(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "personQuery", defaultValue = "") String q, Model model) {
		model.addAttribute("q", q.strip());
		model.addAttribute("found", q.isBlank() ? null
				: this.search.search(user.scope(), new PeopleQuery(q, null, null, null, null), null, PEOPLE_SHOWN));
		return PEOPLE;
	}

	/**
	 * Where the appeal would go: the rules for its category and the place of its person
	 * or room, or else the dispatch queue.
	 */
	@GetMapping("/appeals/new/route")
	String route(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String categoryCode,
			@RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable Long roomId, Model model, Locale locale) {
		if (categoryCode == null || categoryCode.isBlank()) {
			return ROUTE;
		}
		Long areaId = null;
		Long gridId = null;
		try {
			if (roomId != null) {
				Place room = this.places.get(user, roomId);
				areaId = room.areaId();
				gridId = room.gridId();
			}
			else if (personId != null) {
				Person person = this.people.get(user, personId);
				areaId = person.areaId();
				gridId = person.gridId();
			}
			Route route = this.routing.route(user.community(), categoryCode, areaId, gridId);
			model.addAttribute("route", route);
			model.addAttribute("department", (route.departmentCode() != null)
					? this.names.department(user.community(), route.departmentCode(), locale) : null);
			model.addAttribute("suggested",
					this.names.department(user.community(), route.suggestedDepartmentCode(), locale));
			model.addAttribute("assignee", (route.assigneeUserId() != null)
					? this.names.staffName(user.community(), route.assigneeUserId()) : null);
		}
		catch (InvalidInput | NotFound ex) {
			// the form says what is wrong when it is sent; until then there is nothing to
			// show
		}
		return ROUTE;
	}

	private String form(CurrentUser user, @Nullable Long personId, Model model, Locale locale) {
		Person person = null;
		if (personId != null) {
			try {
				person = this.people.get(user, personId);
			}
			catch (NotFound ex) {
				// the domain's message says so next to the field
			}
		}
		model.addAttribute("person", person);
		model.addAttribute("categories",
				this.names.categories(user.community(), locale)
					.stream()
					.filter(AppealNames.CategoryOption::active)
					.toList());
		model.addAttribute("channels", STAFF_CHANNELS);
		return FORM;
	}

}
