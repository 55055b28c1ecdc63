package org.anju.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.IntFunction;

/**
 * The arithmetic of working days over whatever schedules it is given, so that it can be
 * tested without a database. A working day is a whole day in Asia/Shanghai.
 */
final class WorkingDays {

	private final IntFunction<YearSchedule> years;

	private final ZoneId zone;

	WorkingDays(IntFunction<YearSchedule> years, ZoneId zone) {
		this.years = years;
		this.zone = zone;
	}

	boolean isWorkingDay(LocalDate day) {
		return this.years.apply(day.getYear())
			.kindOf(day)
			.map((kind) -> kind == DayKind.MAKEUP_WORKDAY)
			.orElseGet(() -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY);
	}

	LocalDate addWorkingDays(LocalDate receivedDay, int workingDays) {
		if (workingDays < 0) {
			throw new IllegalArgumentException("a time limit of " + workingDays + " working days");
		}
		LocalDate day = receivedDay;
		int counted = 0;
		while (counted < workingDays) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}

	Instant dueAt(Instant receivedAt, int workingDays) {
		return endOf(addWorkingDays(LocalDate.ofInstant(receivedAt, this.zone), workingDays));
	}

	Instant warningAt(Instant receivedAt, Instant dueAt, int percent) {
		if (percent < 0 || percent > 100) {
			throw new IllegalArgumentException("a warning point of " + percent + " %");
		}
		if (dueAt.isBefore(receivedAt)) {
			throw new IllegalArgumentException("due at " + dueAt + " before it was received at " + receivedAt);
		}
		Duration left = workingTime(receivedAt, dueAt).multipliedBy(percent).dividedBy(100);
		Instant cursor = receivedAt;
		LocalDate day = LocalDate.ofInstant(receivedAt, this.zone);
		while (!left.isZero()) {
			Instant until = earlier(endOf(day), dueAt);
			if (isWorkingDay(day)) {
				Duration span = Duration.between(cursor, until);
				if (span.compareTo(left) >= 0) {
					return cursor.plus(left);
				}
				left = left.minus(span);
			}
			cursor = until;
			day = day.plusDays(1);
		}
		return cursor;
	}

	private Duration workingTime(Instant from, Instant to) {
		Duration total = Duration.ZERO;
		Instant cursor = from;
		for (LocalDate day = LocalDate.ofInstant(from, this.zone); cursor.isBefore(to); day = day.plusDays(1)) {
			Instant until = earlier(endOf(day), to);
			if (isWorkingDay(day)) {
				total = total.plus(Duration.between(cursor, until));
			}
			cursor = until;
		}
		return total;
	}

	/**
	 * @return 00:00 of the next day, the first moment that is no longer this day
	 */
	private Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(this.zone).toInstant();
	}

	private static Instant earlier(Instant one, Instant other) {
		return one.isBefore(other) ? one : other;
	}

}
