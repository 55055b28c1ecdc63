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
		// a year names about forty days: a scan is as quick as a map
		return this.days.stream().filter((named) -> named.date().equals(day)).map(CalendarDay::kind).findFirst();
	}

}
