package org.anju.appeals.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.Route;
import org.anju.appeals.Routing;
import org.anju.calendar.WorkingCalendar;
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
 * initials, name or last four digits, or a caller's name and phone; co-signers of a joint
 * appeal (联名) picked the same way; the category picked by typing; where the appeal will
 * go shown before it is saved; the time of receipt backdated for a letter or a visit
 * entered later. A refused intake comes back with everything typed; a saved one goes to
 * its page.
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

	/**
	 * How a backdated time of receipt is typed: to the minute, as the form's field sends
	 * it.
	 */
	static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	/** Enough to pick from while typing; a longer list means typing one more letter. */
	static final int PEOPLE_SHOWN = 8;

	private final AppealManagement appeals;

	private final Routing routing;

	private final PeopleSearch search;

	private final PersonManagement people;

	private final PlaceManagement places;

	private final AppealNames names;

	private final Clock clock;

	IntakeConsole(AppealManagement appeals, Routing routing, PeopleSearch search, PersonManagement people,
			PlaceManagement places, AppealNames names, Clock clock) {
		this.appeals = appeals;
		this.routing = routing;
		this.search = search;
		this.people = people;
		this.places = places;
		this.names = names;
		this.clock = clock;
	}

	@GetMapping("/appeals/new")
	String form(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		IntakeForm intake = new IntakeForm();
		model.addAttribute("intake", intake);
		model.addAttribute("fresh", true);
		return form(user, intake, model, locale);
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
		return form(user, intake, model, locale);
	}

	@GetMapping("/appeals/new/people")
	String people(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "personQuery", defaultValue = "") String q, Model model) {
		return found(user, q, "person-", model);
	}

	/**
	 * The people found for a joint signature (联名): the same search as for the appellant,
	 * in a list of its own.
	 */
	@GetMapping("/appeals/new/co-signers")
	String coSigners(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(name = "coSignerQuery", defaultValue = "") String q, Model model) {
		return found(user, q, "co-signer-", model);
	}

	private String found(CurrentUser user, String q, String idPrefix, Model model) {
		model.addAttribute("q", q.strip());
		model.addAttribute("idPrefix", idPrefix);
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

	private String form(CurrentUser user, IntakeForm intake, Model model, Locale locale) {
		model.addAttribute("person", this.names.person(user, intake.getPersonId()));
		Map<Long, @Nullable Person> coSigners = new LinkedHashMap<>();
		intake.coSigners().forEach((id) -> coSigners.put(id, this.names.person(user, id)));
		model.addAttribute("coSigners", coSigners);
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE));
		model.addAttribute("backdateDays", AppealManagement.BACKDATE_LIMIT.toDays());
		model.addAttribute("receivedMin",
				today.minusDays(AppealManagement.BACKDATE_LIMIT.toDays()).atStartOfDay().format(MINUTES));
		model.addAttribute("receivedMax", today.atTime(23, 59).format(MINUTES));
		model.addAttribute("categories",
				this.names.categories(user.community(), locale)
					.stream()
					.filter(AppealNames.CategoryOption::active)
					.toList());
		model.addAttribute("channels", STAFF_CHANNELS);
		return FORM;
	}

}
