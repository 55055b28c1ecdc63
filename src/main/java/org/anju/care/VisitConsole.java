package org.anju.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.stability.Mood;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Care visits in the console, made for a grid worker's phone: the visit lists with their
 * progress, a list's people in the worker's grids (open ones first, one big tap each),
 * and the visit form, which comes back with everything typed and each reason next to its
 * field when something is wrong.
 */
@Controller
@PreAuthorize("hasAuthority('PEOPLE_READ')")
class VisitConsole {

	static final String LISTS = "care/visit-lists";

	static final String LIST = "care/visit-list";

	static final String FORM = "care/visit-form";

	static final String VISIT = "care/visit";

	/** The rows the form offers for gifts and for needs. */
	static final int ROWS = 2;

	private static final int PAGE_SIZE = 50;

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final VisitLists lists;

	private final CareVisits visits;

	private final PersonManagement people;

	private final AppealCategories categories;

	private final MessageSource messages;

	VisitConsole(VisitLists lists, CareVisits visits, PersonManagement people, AppealCategories categories,
			MessageSource messages) {
		this.lists = lists;
		this.visits = visits;
		this.people = people;
		this.categories = categories;
		this.messages = messages;
	}

	@GetMapping("/care/visits")
	String lists(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueTo,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", this.lists.list(user, overdue, dueFrom, dueTo, cursor, PAGE_SIZE));
		model.addAttribute("overdue", overdue);
		model.addAttribute("dueFrom", dueFrom);
		model.addAttribute("dueTo", dueTo);
		model.addAttribute("rules", VisitListRule.values());
		model.addAttribute("mayGenerate", user.may(Permission.PEOPLE_WRITE) && user.scope().wholeCommunity());
		model.addAttribute("year", LocalDate.now(SHANGHAI).getYear());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return LISTS;
	}

	@PostMapping("/care/visits/lists")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String generate(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable VisitListRule rule,
			@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueDate,
			Model model) {
		NewVisitList form = new NewVisitList(rule, (rule != null && rule.festival()) ? year : null,
				(rule != null && rule.festival()) ? null : from, (rule != null && rule.festival()) ? null : to,
				dueDate);
		try {
			VisitLists.Generation generation = this.lists.generate(user, form);
			return "redirect:/care/visits/lists/" + generation.list().id() + "?added=" + generation.added();
		}
		catch (InvalidInput ex) {
			model.addAttribute("errors", fieldErrors(ex));
			model.addAttribute("draft", form);
			return lists(user, false, null, null, null, model);
		}
	}

	@GetMapping("/care/visits/lists/{id}")
	String list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) VisitEntry.@Nullable State state,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		VisitEntry.State shown = (state == null && !overdue) ? VisitEntry.State.OPEN : state;
		model.addAttribute("detail", this.lists.get(user, id, shown, overdue, cursor, PAGE_SIZE));
		model.addAttribute("coverage", this.lists.coverage(user, id));
		model.addAttribute("state", shown);
		model.addAttribute("overdue", overdue);
		return LIST;
	}

	@GetMapping("/care/visits/new")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String form(@AuthenticationPrincipal CurrentUser user, @RequestParam long personId,
			@RequestParam(required = false) @Nullable Long listId, Model model) {
		VisitReason reason = (listId != null) ? VisitReason.of(this.lists.find(user.scope(), listId).rule())
				: VisitReason.OTHER;
		List<String[]> gifts = new ArrayList<>();
		List<String[]> needs = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			gifts.add(new String[] { "", "" });
			needs.add(new String[] { "", "", "" });
		}
		Draft draft = new Draft(personId, listId, LocalDate.now(SHANGHAI).toString(), reason.name(), "", "", "", gifts,
				needs);
		return showForm(user, draft, Map.of(), null, model);
	}

	@PostMapping("/care/visits")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String record(@AuthenticationPrincipal CurrentUser user, @RequestParam long personId,
			@RequestParam Map<String, String> form, Model model) {
		Draft draft = Draft.of(personId, form);
		Map<String, String> errors = new LinkedHashMap<>();
		// blank rows are left out; the domain numbers the rows it got, the form its own
		Map<String, String> rows = new LinkedHashMap<>();
		List<NewVisit.Gift> gifts = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			String[] row = draft.gifts().get(i);
			if (row[0].isBlank() && row[1].isBlank()) {
				continue;
			}
			BigDecimal amount = null;
			if (!row[1].isBlank()) {
				try {
					amount = new BigDecimal(row[1].strip());
				}
				catch (NumberFormatException ex) {
					errors.put("gift" + i + ".amountYuan", message("care.visit.amount.format", null));
				}
			}
			rows.put("gifts[" + gifts.size() + "].", "gift" + i + ".");
			gifts.add(new NewVisit.Gift(row[0], amount));
		}
		List<NewVisit.Need> needs = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			String[] row = draft.needs().get(i);
			if (row[0].isBlank() && row[1].isBlank()) {
				continue;
			}
			rows.put("needs[" + needs.size() + "].", "need" + i + ".");
			needs.add(new NewVisit.Need(row[0], !row[1].isBlank(), row[2].isBlank() ? null : row[2]));
		}
		NewVisit visit = new NewVisit(draft.personId(), draft.date(), List.of(user.userId()), draft.reason(), gifts,
				draft.condition(), draft.mood(), draft.moodNote(), needs);
		try {
			// an amount that does not parse goes as missing, so the visit is refused and
			// the parse error replaces the domain's reason for it
			CareVisit recorded = this.visits.record(user, visit);
			return "redirect:/care/visits/" + recorded.id() + "?saved=true"
					+ ((draft.listId() != null) ? "&listId=" + draft.listId() : "");
		}
		catch (InvalidInput ex) {
			Map<String, String> all = new LinkedHashMap<>();
			fieldErrors(ex).forEach((field,
					text) -> all.put(rows.entrySet()
						.stream()
						.filter((row) -> field.startsWith(row.getKey()))
						.findFirst()
						.map((row) -> row.getValue() + field.substring(row.getKey().length()))
						.orElse(field), text));
			all.putAll(errors);
			return showForm(user, draft, all, null, model);
		}
		catch (Refused ex) {
			return showForm(user, draft, errors, message(ex.code(), ex.args()), model);
		}
	}

	@GetMapping("/care/visits/{id}")
	String visit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long listId, Model model) {
		model.addAttribute("visit", this.visits.get(user, id));
		model.addAttribute("listId", listId);
		return VISIT;
	}

	private String showForm(CurrentUser user, Draft draft, Map<String, String> errors, @Nullable String refusal,
			Model model) {
		Person person = this.people.get(user, draft.personId());
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> categories = new LinkedHashMap<>();
		for (AppealCategory category : this.categories.tree(user.community())) {
			if (category.active()) {
				categories.put(category.code(), category.name(locale));
			}
		}
		model.addAttribute("person", person);
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		model.addAttribute("reasons", VisitReason.values());
		model.addAttribute("moods", Mood.values());
		model.addAttribute("categories", categories);
		model.addAttribute("today", LocalDate.now(SHANGHAI));
		model.addAttribute("visitor", user.displayName());
		return FORM;
	}

	private Map<String, String> fieldErrors(InvalidInput problem) {
		Map<String, String> errors = new LinkedHashMap<>();
		problem.violations()
			.forEach((v) -> errors.merge(v.field(), message(v.code(), v.args()), (a, b) -> a + " " + b));
		return errors;
	}

	private String message(String code, Object @Nullable [] args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/**
	 * The visit form as typed: every field as text, so that it comes back unchanged. Each
	 * gift row is {item, amount}; each need row {text, "on" when it becomes an appeal,
	 * category}.
	 */
	record Draft(long personId, @Nullable Long listId, String date, String reason, String condition, String mood,
			String moodNote, List<String[]> gifts, List<String[]> needs) {

		static Draft of(long personId, Map<String, String> form) {
			List<String[]> gifts = new ArrayList<>();
			List<String[]> needs = new ArrayList<>();
			for (int i = 0; i < ROWS; i++) {
				gifts.add(new String[] { field(form, "gift" + i + ".item"), field(form, "gift" + i + ".amount") });
				needs.add(new String[] { field(form, "need" + i + ".text"), field(form, "need" + i + ".appeal"),
						field(form, "need" + i + ".category") });
			}
			String list = field(form, "listId");
			return new Draft(personId, list.matches("\\d{1,18}") ? Long.valueOf(list) : null, field(form, "date"),
					field(form, "reason"), field(form, "condition"), field(form, "mood"), field(form, "moodNote"),
					gifts, needs);
		}

		private static String field(Map<String, String> form, String name) {
			String value = form.get(name);
			return (value != null) ? value : "";
		}

	}

}
