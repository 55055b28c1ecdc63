package org.anju.calendar;

import java.time.LocalDate;

/**
 * One day that the calendar names: a holiday or a make-up working day, with the name of
 * the holiday it belongs to (元旦, 春节 …).
 */
public record CalendarDay(LocalDate date, DayKind kind, String name) {

}
