package org.anju.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.anju.calendar.WorkingCalendar;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The days a dashboard or a report covers, both ends inclusive, in Asia/Shanghai, and the
 * day it is seen on (for "today" and "this month").
 */
record Span(LocalDate from, LocalDate to, LocalDate today) {

	/** A dashboard or report covers at most a year of days. */
	static final int MAX_DAYS = 366;

	Span {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to before from");
		}
	}

	/**
	 * The span a caller asks for; without {@code from} it is the current month.
	 * @throws InvalidInput naming each parameter that cannot be used: not a date,
	 * {@code from} after {@code to}, or longer than a year
	 */
	static Span of(@Nullable String from, @Nullable String to, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
		List<InvalidInput.Violation> problems = new ArrayList<>();
		LocalDate start = day("from", from, problems);
		LocalDate end = day("to", to, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (start == null) {
			start = (end != null) ? end.withDayOfMonth(1) : today.withDayOfMonth(1);
		}
		if (end == null) {
			end = start.withDayOfMonth(start.lengthOfMonth());
		}
		if (end.isBefore(start)) {
			throw new InvalidInput("from", "dashboard.period.order", start, end);
		}
		if (start.plusDays(MAX_DAYS).isBefore(end.plusDays(1))) {
			throw new InvalidInput("to", "dashboard.period.tooLong", MAX_DAYS);
		}
		return new Span(start, end, today);
	}

	/**
	 * @return the previous calendar month of {@code day}
	 */
	static Span monthBefore(LocalDate day) {
		LocalDate first = day.withDayOfMonth(1).minusMonths(1);
		return new Span(first, first.withDayOfMonth(first.lengthOfMonth()), day);
	}

	private static @Nullable LocalDate day(String name, @Nullable String text, List<InvalidInput.Violation> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.strip());
			if (day.getYear() < WorkingCalendar.FIRST_YEAR || day.getYear() > WorkingCalendar.LAST_YEAR) {
				problems.add(new InvalidInput.Violation(name, "dashboard.date.range", text, WorkingCalendar.FIRST_YEAR,
						WorkingCalendar.LAST_YEAR));
				return null;
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidInput.Violation(name, "dashboard.date.format", text));
			return null;
		}
	}

}
