package org.anju.stability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.identity.CurrentUser;
import org.anju.identity.GridDirectory;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.organisation.Department;
import org.anju.organisation.Departments;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.platform.FormErrors;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's conflict cases: the list, the form for a new case (also from an appeal, a
 * person or a screening round), and one case with its mediations, timeline and actions.
 */
@Controller
@PreAuthorize("hasAuthority('STABILITY_READ')")
class ConflictConsole {

	static final String LIST = "stability/cases";

	static final String FORM = "stability/case-form";

	static final String PAGE = "stability/case";

	static final int PAGE_SIZE = 25;

	private final ConflictManagement conflicts;

	private final ScreeningRounds rounds;

	private final AppealManagement appeals;

	private final PersonManagement people;

	private final InterestGroups groups;

	private final PlaceManagement places;

	private final GridDirectory grids;

	private final UserManagement users;

	private final Departments departments;

	private final MessageSource messages;

	ConflictConsole(ConflictManagement conflicts, ScreeningRounds rounds, AppealManagement appeals,
			PersonManagement people, InterestGroups groups, PlaceManagement places, GridDirectory grids,
			UserManagement users, Departments departments, MessageSource messages) {
		this.conflicts = conflicts;
		this.rounds = rounds;
		this.appeals = appeals;
		this.people = people;
		this.groups = groups;
		this.places = places;
		this.grids = grids;
		this.users = users;
		this.departments = departments;
		this.messages = messages;
	}

	@GetMapping("/conflicts")
	String list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable ConflictState state,
			@RequestParam(required = false) @Nullable RiskLevel level,
			@RequestParam(required = false) @Nullable ConflictType type,
			@RequestParam(required = false) @Nullable Long gridId, @RequestParam(defaultValue = "false") boolean open,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		ConflictQuery query = new ConflictQuery(state, level, type, gridId, null, null, null, null, null, null, open,
				overdue);
		model.addAttribute("query", query);
		model.addAttribute("page", this.conflicts.list(user, query, cursor, PAGE_SIZE));
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		model.addAttribute("states", ConflictState.values());
		model.addAttribute("levels", RiskLevel.values());
		model.addAttribute("types", ConflictType.values());
		model.addAttribute("gridOptions", this.places.list(user.scope(), PlaceKind.GRID, null));
		model.addAttribute("gridNames", this.grids.gridNames(user.community()));
		model.addAttribute("staff", staff(user));
		return LIST;
	}

	@GetMapping("/conflicts/new")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long appealId,
			@RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable Long roundId,
			@RequestParam(required = false) @Nullable Long gridId, Model model, Locale locale) {
		CaseForm form = new CaseForm();
		form.setRoundId(roundId);
		form.setGridId(gridId);
		if (appealId != null) {
			AppealView appeal = this.appeals.get(user, appealId);
			Optional<ConflictCaseView> earlier = this.conflicts.escalatedFrom(user, appealId);
			if (earlier.isPresent()) {
				return "redirect:/conflicts/" + earlier.get().id();
			}
			form.setSourceAppealId(appeal.id());
			form.setSource(CaseSource.APPEAL.name());
			form.setTitle(appeal.title());
			form.setDescription(appeal.description());
			form.setGridId(appeal.gridId());
			form.setPeopleCount(appeal.peopleCount());
			List<Long> parties = new java.util.ArrayList<>();
			if (appeal.personId() != null) {
				parties.add(appeal.personId());
			}
			parties.addAll(appeal.coSignerIds());
			form.setPartyPersonIds(String.join(", ", parties.stream().map(String::valueOf).toList()));
			model.addAttribute("appeal", appeal);
		}
		else if (personId != null) {
			Person person = this.people.get(user, personId);
			form.setPartyPersonIds(String.valueOf(person.id()));
			form.setGridId(person.gridId());
		}
		model.addAttribute("form", form);
		return form(user, model, locale);
	}

	@PostMapping("/conflicts/new")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String register(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("form") CaseForm form,
			BindingResult result, Model model, Locale locale, HttpServletResponse response) {
		if (!result.hasErrors()) {
			try {
				NewConflictCase input = form.toCase();
				if (form.getRoundId() != null) {
					this.rounds.reportFinding(user, form.getRoundId(), form.getGridId(),
							new ScreeningReport.Finding("CONFLICT", input, null));
					return "redirect:/screening?roundId=" + form.getRoundId() + "&reported=" + form.getGridId();
				}
				return "redirect:/conflicts/" + this.conflicts.register(user, input).id() + "?registered";
			}
			catch (InvalidInput | Refused | StaleVersion ex) {
				FormErrors.reject(ex, result);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		if (form.getSourceAppealId() != null) {
			model.addAttribute("appeal", this.appeals.get(user, form.getSourceAppealId()));
		}
		return form(user, model, locale);
	}

	private String form(CurrentUser user, Model model, Locale locale) {
		model.addAttribute("types", ConflictType.values());
		model.addAttribute("levels", RiskLevel.values());
		model.addAttribute("sources", List.of(CaseSource.REPORT, CaseSource.CARE_VISIT));
		model.addAttribute("gridOptions", this.places.list(user.scope(), PlaceKind.GRID, null));
		model.addAttribute("gridNames", this.grids.gridNames(user.community()));
		model.addAttribute("staff", staff(user));
		model.addAttribute("units", departments(user, locale));
		model.addAttribute("groupOptions",
				this.groups.all(user.community()).stream().filter(InterestGroup::active).toList());
		return FORM;
	}

	@GetMapping("/conflicts/{id}")
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		ConflictCaseView found = this.conflicts.get(user, id);
		model.addAttribute("conflict", found);
		model.addAttribute("parties", parties(user, found));
		model.addAttribute("groupNames", groupNames(user, locale));
		model.addAttribute("gridNames", this.grids.gridNames(user.community()));
		model.addAttribute("staff", staff(user));
		model.addAttribute("units", departments(user, locale));
		model.addAttribute("actions", actions(found.state()));
		model.addAttribute("today", java.time.LocalDate.now(org.anju.calendar.WorkingCalendar.ZONE));
		return PAGE;
	}

	@PostMapping("/conflicts/{id}/act/{action}")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String act(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String action,
			@RequestParam long version, @ModelAttribute ConflictApi.ActionBody body, Model model, Locale locale,
			HttpServletResponse response) {
		HttpStatus refusal = HttpStatus.UNPROCESSABLE_CONTENT;
		String message;
		try {
			this.conflicts.act(user, id, version, body.toAction(action));
			return "redirect:/conflicts/" + id + "?done=" + action;
		}
		catch (InvalidInput ex) {
			message = String.join(" ", ex.violations()
				.stream()
				.map((v) -> label(v.field(), locale) + this.messages.getMessage(v.code(), v.args(), v.code(), locale))
				.toList());
		}
		catch (Refused ex) {
			refusal = HttpStatus.CONFLICT;
			message = this.messages.getMessage(ex.code(), ex.args(), ex.code(), locale);
		}
		catch (StaleVersion ex) {
			refusal = HttpStatus.PRECONDITION_FAILED;
			message = this.messages.getMessage("conflict.stale", null, locale);
		}
		response.setStatus(refusal.value());
		model.addAttribute("failed", action);
		model.addAttribute("failure", message);
		model.addAttribute("draft", body);
		return page(user, id, model, locale);
	}

	/**
	 * @return the field's name with a colon, to put before its message; empty for a field
	 * without a name
	 */
	private String label(String field, Locale locale) {
		String name = this.messages.getMessage("conflict.field." + field, null, null, locale);
		return (name != null) ? name + "：" : "";
	}

	/**
	 * @return the actions the case's state allows, in the order of its life
	 */
	static List<String> actions(ConflictState state) {
		return switch (state) {
			case REGISTERED -> List.of("mediate", "hand-over");
			case RESOLVING -> List.of("mediate", "resolve", "stabilise", "hand-over");
			case STABILISED -> List.of("mediate", "resolve", "hand-over");
			case RESOLVED, HANDED_OVER -> List.of("reopen");
		};
	}

	private Map<Long, String> parties(CurrentUser user, ConflictCaseView found) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (Long personId : found.partyPersonIds()) {
			try {
				names.put(personId, this.people.get(user, personId).name());
			}
			catch (NotFound ex) {
				// a party who has since moved out of the caller's grids shows by number
				// only
				names.put(personId, "#" + personId);
			}
		}
		return names;
	}

	private Map<String, String> groupNames(CurrentUser user, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		this.groups.all(user.community()).forEach((group) -> names.put(group.code(), group.name(locale)));
		return names;
	}

	private Map<Long, String> staff(CurrentUser user) {
		Map<Long, String> staff = new LinkedHashMap<>();
		for (UserAccount account : this.users.all(user.community())) {
			if (account.enabled() && account.role() != Role.RESIDENT) {
				staff.put(account.id(), account.displayName());
			}
		}
		return staff;
	}

	private Map<String, String> departments(CurrentUser user, Locale locale) {
		Map<String, String> units = new LinkedHashMap<>();
		for (Department department : this.departments.all(user.community())) {
			units.put(department.code(), department.name(locale));
		}
		return units;
	}

}
