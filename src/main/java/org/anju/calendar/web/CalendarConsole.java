package org.anju.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.calendar.VersionedYear;
import org.anju.calendar.WorkingCalendar;
import org.anju.calendar.YearSchedule;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.InvalidInput;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The calendar of one year: any staff member may look, an administrator edits the whole
 * year and saves it at once. A row left empty is dropped. The form carries the version it
 * was filled from, so that two administrators editing one year do not overwrite each
 * other unawares.
 */
@Controller
@PreAuthorize("!hasRole('RESIDENT')")
class CalendarConsole {

	static final String PAGE = "calendar/year";

	private static final Pattern ROW_FIELD = Pattern.compile("days\\[(\\d+)]\\..*");

	private final WorkingCalendar calendar;

	private final MessageSource messages;

	private final Clock clock;

	CalendarConsole(WorkingCalendar calendar, MessageSource messages, Clock clock) {
		this.calendar = calendar;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/calendar")
	String show(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			Model model) {
		int shown = (year != null) ? year : LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE)).getYear();
		VersionedYear current = this.calendar.current(shown);
		YearSchedule schedule = current.schedule();
		List<TypedDay> rows = schedule.days()
			.stream()
			.map((day) -> new TypedDay(day.date().toString(), day.kind().name(), day.name()))
			.toList();
		return page(user, model, shown, schedule.published(), current.version(), rows, Map.of());
	}

	@PostMapping("/calendar/{year}")
	String save(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestParam(defaultValue = "false") boolean published, @RequestParam long version,
			@RequestParam(name = "date", required = false) @Nullable List<String> dates,
			@RequestParam(name = "kind", required = false) @Nullable List<String> kinds,
			@RequestParam(name = "name", required = false) @Nullable List<String> names, Model model) {
		WorkingCalendar.requireSupportedYear(year);
		List<TypedDay> rows = rows(dates, kinds, names);
		try {
			this.calendar.replaceYear(user, year, version, TypedDay.schedule(year, published, rows));
			return "redirect:/calendar?year=" + year + "&saved";
		}
		catch (StaleVersion ex) {
			// what was typed stays, now based on the year as the other editor left it:
			// saving
			// again replaces their days knowingly
			return page(user, model, year, published, ex.currentVersion(), rows, Map.of(-1,
					List.of(this.messages.getMessage("calendar.error.stale", null, LocaleContextHolder.getLocale()))));
		}
		catch (InvalidInput ex) {
			Map<Integer, List<String>> errors = new LinkedHashMap<>();
			for (InvalidInput.Violation violation : ex.violations()) {
				Matcher row = ROW_FIELD.matcher(violation.field());
				errors.computeIfAbsent(row.matches() ? Integer.parseInt(row.group(1)) : -1, (key) -> new ArrayList<>())
					.add(this.messages.getMessage(violation.code(), violation.args(), violation.code(),
							LocaleContextHolder.getLocale()));
			}
			return page(user, model, year, published, version, rows, errors);
		}
	}

	private String page(CurrentUser user, Model model, int year, boolean published, long version, List<TypedDay> rows,
			Map<Integer, List<String>> errors) {
		model.addAttribute("year", year);
		model.addAttribute("published", published);
		model.addAttribute("version", version);
		model.addAttribute("rows", rows);
		model.addAttribute("errors", errors);
		model.addAttribute("editable", user.may(Permission.REFERENCE_DATA));
		return PAGE;
	}

	/**
	 * @return the rows of the form that are not empty, in the order shown
	 */
	private static List<TypedDay> rows(@Nullable List<String> dates, @Nullable List<String> kinds,
			@Nullable List<String> names) {
		int count = Math.max(size(dates), Math.max(size(kinds), size(names)));
		List<TypedDay> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			TypedDay row = new TypedDay(at(dates, i), at(kinds, i), at(names, i));
			if (!row.blank()) {
				rows.add(row);
			}
		}
		return rows;
	}

	private static int size(@Nullable List<String> values) {
		return (values != null) ? values.size() : 0;
	}

	private static @Nullable String at(@Nullable List<String> values, int index) {
		return (values != null && index < values.size()) ? values.get(index) : null;
	}

}
