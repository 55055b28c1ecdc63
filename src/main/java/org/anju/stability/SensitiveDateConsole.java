package org.anju.stability;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.people.InterestGroups;
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
 * The console's sensitive-date calendar: a year's dates month by month, and for
 * administrators and leaders the form that adds or changes one.
 */
@Controller
@PreAuthorize("hasAuthority('STABILITY_READ')")
class SensitiveDateConsole {

	static final String PAGE = "stability/sensitive-dates";

	private final SensitiveDates dates;

	private final InterestGroups groups;

	private final MessageSource messages;

	SensitiveDateConsole(SensitiveDates dates, InterestGroups groups, MessageSource messages) {
		this.dates = dates;
		this.groups = groups;
		this.messages = messages;
	}

	@GetMapping("/sensitive-dates")
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Long edit, Model model, Locale locale) {
		int shown = (year != null && year >= 2000 && year <= 2100) ? year
				: LocalDate.now(WorkingCalendar.ZONE).getYear();
		List<SensitiveDate> all = this.dates.list(user, LocalDate.of(shown, 1, 1), LocalDate.of(shown, 12, 31));
		Map<YearMonth, List<SensitiveDate>> byMonth = new TreeMap<>();
		for (SensitiveDate date : all) {
			YearMonth month = YearMonth
				.from(date.startsOn().getYear() < shown ? LocalDate.of(shown, 1, 1) : date.startsOn());
			byMonth.computeIfAbsent(month, (key) -> new java.util.ArrayList<>()).add(date);
		}
		model.addAttribute("year", shown);
		model.addAttribute("months", byMonth);
		model.addAttribute("kinds", SensitiveDateKind.values());
		Map<String, String> groupNames = new LinkedHashMap<>();
		this.groups.all(user.community()).forEach((group) -> groupNames.put(group.code(), group.name(locale)));
		model.addAttribute("groupNames", groupNames);
		boolean keeps = user.role() == Role.ADMIN || user.role() == Role.LEADER;
		model.addAttribute("keeps", keeps);
		if (!model.containsAttribute("draft")) {
			Map<String, Object> draft = new LinkedHashMap<>();
			if (keeps && edit != null) {
				SensitiveDate editing = this.dates.get(user, edit);
				draft.put("id", editing.id());
				draft.put("version", editing.version());
				draft.put("title", editing.title());
				draft.put("kind", editing.kind().name());
				draft.put("startsOn", editing.startsOn().toString());
				draft.put("endsOn", editing.endsOn().toString());
				draft.put("groupCodes", editing.groupCodes());
				draft.put("leadDays", String.valueOf(editing.leadDays()));
				draft.put("note", (editing.note() != null) ? editing.note() : "");
			}
			else {
				draft.put("leadDays", "7");
				draft.put("groupCodes", List.of());
			}
			model.addAttribute("draft", draft);
		}
		return PAGE;
	}

	@PostMapping("/sensitive-dates")
	String save(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
			@RequestParam(required = false) @Nullable List<String> groupCodes, Model model, Locale locale,
			HttpServletResponse response) {
		List<String> codes = (groupCodes != null) ? groupCodes : List.of();
		Integer lead = null;
		try {
			lead = (form.get("leadDays") != null && !form.get("leadDays").isBlank())
					? Integer.valueOf(form.get("leadDays").strip()) : null;
		}
		catch (NumberFormatException ex) {
			// out of range on purpose, so that the service names the field
			lead = -1;
		}
		NewSensitiveDate input = new NewSensitiveDate(form.get("title"), form.get("kind"), form.get("startsOn"),
				form.get("endsOn"), codes, lead, form.get("note"));
		try {
			String id = form.get("id");
			SensitiveDate saved = (id == null || id.isBlank()) ? this.dates.create(user, input)
					: this.dates.update(user, Long.parseLong(id), Long.parseLong(form.get("version")), input);
			return "redirect:/sensitive-dates?year=" + saved.startsOn().getYear() + "&saved";
		}
		catch (RuntimeException ex) {
			FormFailure failure = FormFailure.of("date", ex, this.messages, locale);
			response.setStatus(failure.status().value());
			Map<String, Object> draft = new LinkedHashMap<>(form);
			draft.put("groupCodes", codes);
			model.addAttribute("failure", failure);
			model.addAttribute("draft", draft);
			return page(user, year(form.get("startsOn")), null, model, locale);
		}
	}

	@PostMapping("/sensitive-dates/{id}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Integer year, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			this.dates.delete(user, id, version);
			return "redirect:/sensitive-dates?deleted" + ((year != null) ? "&year=" + year : "");
		}
		catch (RuntimeException ex) {
			FormFailure failure = FormFailure.of("delete", ex, this.messages, locale);
			response.setStatus(failure.status().value());
			model.addAttribute("failure", failure);
			return page(user, year, null, model, locale);
		}
	}

	private static @Nullable Integer year(@Nullable String day) {
		try {
			return (day != null) ? LocalDate.parse(day.strip()).getYear() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
