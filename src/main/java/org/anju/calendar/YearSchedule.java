package org.anju.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The holidays and make-up working days of one year. Until a year is published its days
 * are a draft that counts for nothing: every Monday to Friday is a working day.
 *
 * @param days in date order when read from the calendar
 */
public record YearSchedule(int year, boolean published, List<CalendarDay> days) {

	public YearSchedule {
		days = List.copyOf(days);
	}

	/**
	 * @return a year that nobody has filled in
	 */
	public static YearSchedule unpublished(int year) {
		return new YearSchedule(year, false, List.of());
	}

	/**
	 * @return what this published schedule says about the day, or empty when it is an
	 * ordinary day or the schedule is not published
	 */
	public Optional<DayKind> kindOf(LocalDate day) {
		if (!this.published) {
			return Optional.empty();
		}
		// A year names about forty days, so a scan is as quick as a map; a loop, not a
		// stream, since a due date asks about every day up to it.
		for (CalendarDay named : this.days) {
			if (named.date().equals(day)) {
				return Optional.of(named.kind());
			}
		}
		return Optional.empty();
	}

}
