package org.anju.appeals.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.anju.calendar.WorkingCalendar;
import org.anju.shared.BadParameter;
import org.jspecify.annotations.Nullable;

/**
 * A period of receipt days as a caller gives it ({@code YYYY-MM-DD}, both ends
 * inclusive); without a start it is the current month in Asia/Shanghai.
 */
record Period(LocalDate from, LocalDate to) {

	/**
	 * @throws BadParameter naming {@code from} or {@code to} when it is not a date
	 */
	static Period of(@Nullable String from, @Nullable String to, Clock clock) {
		LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
		LocalDate start = day("from", from);
		LocalDate end = day("to", to);
		if (start == null) {
			start = (end != null) ? end.withDayOfMonth(1) : today.withDayOfMonth(1);
		}
		if (end == null) {
			end = start.withDayOfMonth(start.lengthOfMonth());
		}
		return new Period(start, end);
	}

	private static @Nullable LocalDate day(String name, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadParameter(name, "stats.date.format", text);
		}
	}

}
