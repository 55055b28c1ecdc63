package org.anju.calendar.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.anju.calendar.CalendarDay;
import org.anju.calendar.DayKind;
import org.anju.calendar.YearSchedule;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.jspecify.annotations.Nullable;

/**
 * A day as a client sent it, in JSON or in the console's form: text that still has to be
 * read as a date and a kind, so that a bad one is named by its field rather than failing
 * the whole body.
 */
record TypedDay(@Nullable String date, @Nullable String kind, @Nullable String name) {

	/**
	 * @return whether the row names neither a date nor a name; a form's kind always has a
	 * value, so it does not count
	 */
	boolean blank() {
		return isBlank(this.date) && isBlank(this.name);
	}

	/**
	 * @return the schedule, for the calendar to check against its rules
	 * @throws InvalidInput naming each date or kind that cannot be read
	 */
	static YearSchedule schedule(int year, boolean published, List<TypedDay> typed) {
		List<Violation> violations = new ArrayList<>();
		List<CalendarDay> days = new ArrayList<>();
		for (int i = 0; i < typed.size(); i++) {
			TypedDay day = typed.get(i);
			String field = "days[" + i + "]";
			LocalDate date = null;
			DayKind kind = null;
			if (isBlank(day.date())) {
				violations.add(new Violation(field + ".date", "calendar.error.dateMissing"));
			}
			else {
				try {
					date = LocalDate.parse(day.date().strip());
				}
				catch (DateTimeParseException ex) {
					violations.add(new Violation(field + ".date", "calendar.error.dateFormat", day.date()));
				}
			}
			try {
				kind = DayKind.valueOf(String.valueOf(day.kind()).strip());
			}
			catch (IllegalArgumentException ex) {
				violations.add(new Violation(field + ".kind", "calendar.error.kind"));
			}
			if (date != null && kind != null) {
				days.add(new CalendarDay(date, kind, (day.name() != null) ? day.name() : ""));
			}
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return new YearSchedule(year, published, days);
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
