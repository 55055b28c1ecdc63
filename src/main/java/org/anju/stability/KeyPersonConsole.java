package org.anju.stability;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.appeals.AppealCategories;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.GridDirectory;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's key persons: the list (by grade, overdue, grid or responsible), the
 * designation form (from a person's page), and one key person's page with the grade's
 * explanation, the override, the contact log and the contact form. A refused form is
 * shown again with what was typed and each message next to its field.
 */
@Controller
@PreAuthorize("hasAuthority('STABILITY_READ')")
class KeyPersonConsole {

	static final String LIST = "stability/key-persons";

	static final String FORM = "stability/key-person-form";

	static final String PAGE = "stability/key-person";

	private final KeyPersons keyPersons;

	private final PersonManagement people;

	private final UserManagement users;

	private final PlaceManagement places;

	private final GridDirectory grids;

	private final AppealCategories categories;

	private final MessageSource messages;

	KeyPersonConsole(KeyPersons keyPersons, PersonManagement people, UserManagement users, PlaceManagement places,
			GridDirectory grids, AppealCategories categories, MessageSource messages) {
		this.keyPersons = keyPersons;
		this.people = people;
		this.users = users;
		this.places = places;
		this.grids = grids;
		this.categories = categories;
		this.messages = messages;
	}

	@GetMapping("/key-persons")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Grade grade,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable Long responsibleUserId,
			@RequestParam(defaultValue = "false") boolean ended,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		KeyPersonQuery query = new KeyPersonQuery(grade, responsibleUserId, overdue, gridId, ended);
		model.addAttribute("query", query);
		model.addAttribute("page", this.keyPersons.list(user, query, cursor, ConflictConsole.PAGE_SIZE));
		model.addAttribute("grades", Grade.values());
		model.addAttribute("gridOptions", this.places.list(user.scope(), PlaceKind.GRID, null));
		model.addAttribute("gridNames", this.grids.gridNames(user.community()));
		model.addAttribute("staff", staff(user));
		model.addAttribute("intervals", this.keyPersons.intervals(user.community()));
		model.addAttribute("keepsPlan", user.role() == Role.ADMIN || user.role() == Role.LEADER);
		return LIST;
	}

	@PostMapping("/key-persons/intervals")
	String intervals(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> days, Model model,
			Locale locale, HttpServletResponse response) {
		try {
			Map<Grade, @Nullable Integer> given = new EnumMap<>(Grade.class);
			for (Grade grade : Grade.values()) {
				Long number = number(days.get(grade.name()));
				given.put(grade, (number != null) ? (int) Math.max(-1, Math.min(number, 9999)) : null);
			}
			this.keyPersons.setIntervals(user, given);
			return "redirect:/key-persons?saved";
		}
		catch (RuntimeException ex) {
			FormFailure failure = FormFailure.of("intervals", ex, this.messages, locale);
			response.setStatus(failure.status().value());
			model.addAttribute("failure", failure);
			return list(user, null, false, null, null, false, null, model);
		}
	}

	@GetMapping("/key-persons/new")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long personId,
			Model model) {
		Map<String, String> draft = new LinkedHashMap<>();
		if (personId != null) {
			draft.put("personId", String.valueOf(this.people.get(user, personId).id()));
			this.keyPersons.ofPerson(user, personId)
				.ifPresent((existing) -> model.addAttribute("existing", existing.id()));
		}
		draft.put("responsibleUserId", String.valueOf(user.userId()));
		return form(user, draft, model);
	}

	@PostMapping("/key-persons/new")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String designate(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> draft, Model model,
			Locale locale, HttpServletResponse response) {
		try {
			KeyPerson created = this.keyPersons.designate(user,
					new NewKeyPerson(number(draft.get("personId")), draft.get("reason"), draft.get("grade"),
							draft.get("explanation"), number(draft.get("responsibleUserId"))));
			return "redirect:/key-persons/" + created.id() + "?designated";
		}
		catch (RuntimeException ex) {
			FormFailure failure = FormFailure.of("designate", ex, this.messages, locale);
			response.setStatus(failure.status().value());
			model.addAttribute("failure", failure);
			return form(user, draft, model);
		}
	}

	@GetMapping("/key-persons/{id}")
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
		KeyPerson found = this.keyPersons.get(user, id);
		model.addAttribute("keyPerson", found);
		model.addAttribute("grades", Grade.values());
		model.addAttribute("methods", ContactMethod.values());
		model.addAttribute("moods", Mood.values());
		model.addAttribute("staff", staff(user));
		model.addAttribute("gridNames", this.grids.gridNames(user.community()));
		model.addAttribute("today", LocalDate.now(WorkingCalendar.ZONE));
		Map<String, String> topics = new LinkedHashMap<>();
		this.categories.tree(user.community())
			.stream()
			.filter((category) -> category.active())
			.forEach((category) -> topics.put(category.code(), category.name(locale)));
		model.addAttribute("topicOptions", topics);
		if (!model.containsAttribute("draft")) {
			model.addAttribute("draft", Map.of());
		}
		return PAGE;
	}

	@PostMapping("/key-persons/{id}/contacts")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String contact(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam Map<String, String> draft, @RequestParam(required = false) @Nullable List<String> topics,
			Model model, Locale locale, HttpServletResponse response) {
		return act(user, id, "contact", draft, model, locale, response,
				() -> this.keyPersons.logContact(user, id, null, new NewContact(draft.get("date"), draft.get("method"),
						draft.get("summary"), draft.get("mood"), (topics != null) ? topics : List.of())));
	}

	@PostMapping("/key-persons/{id}/override")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String override(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam Map<String, String> draft, Model model, Locale locale, HttpServletResponse response) {
		return act(user, id, "override", draft, model, locale, response,
				() -> this.keyPersons.override(user, id, version, draft.get("grade"), draft.get("reason")));
	}

	@PostMapping("/key-persons/{id}/override/clear")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String clearOverride(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			Model model, Locale locale, HttpServletResponse response) {
		return act(user, id, "override", Map.of(), model, locale, response,
				() -> this.keyPersons.clearOverride(user, id, version));
	}

	@PostMapping("/key-persons/{id}/responsible")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String responsible(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam Map<String, String> draft, Model model, Locale locale, HttpServletResponse response) {
		return act(user, id, "responsible", draft, model, locale, response,
				() -> this.keyPersons.assign(user, id, version, number(draft.get("responsibleUserId"))));
	}

	@PostMapping("/key-persons/{id}/stop")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String stop(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam Map<String, String> draft, Model model, Locale locale, HttpServletResponse response) {
		return act(user, id, "stop", draft, model, locale, response,
				() -> this.keyPersons.stop(user, id, version, draft.get("reason")));
	}

	private String act(CurrentUser user, long id, String form, Map<String, String> draft, Model model, Locale locale,
			HttpServletResponse response, Supplier<KeyPerson> change) {
		try {
			change.get();
			return "redirect:/key-persons/" + id + "?saved#" + form;
		}
		catch (RuntimeException ex) {
			FormFailure failure = FormFailure.of(form, ex, this.messages, locale);
			response.setStatus(failure.status().value());
			model.addAttribute("failure", failure);
			model.addAttribute("draft", draft);
			return page(user, id, model, locale);
		}
	}

	private String form(CurrentUser user, Map<String, String> draft, Model model) {
		model.addAttribute("draft", draft);
		model.addAttribute("grades", Grade.values());
		model.addAttribute("staff", staff(user));
		Long personId = number(draft.get("personId"));
		String name = null;
		if (personId != null) {
			try {
				name = this.people.get(user, personId).name();
			}
			catch (RuntimeException ex) {
				// an unknown or unreachable person is named by the form's error instead
			}
		}
		model.addAttribute("personName", name);
		return FORM;
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

	private static @Nullable Long number(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			// a number nobody has, so that the service names the field
			return -1L;
		}
	}

}
