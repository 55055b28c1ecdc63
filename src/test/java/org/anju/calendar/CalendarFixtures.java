package org.anju.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The State Council's 2026 schedule, typed from shared/domain/calendar-2026.md
 * independently of the migration that seeds it, so that each checks the other.
 */
public final class CalendarFixtures {

	private CalendarFixtures() {
	}

	public static YearSchedule year2026() {
		List<CalendarDay> days = new ArrayList<>();
		holidays(days, "元旦", "2026-01-01", "2026-01-03");
		holidays(days, "春节", "2026-02-15", "2026-02-23");
		holidays(days, "清明节", "2026-04-04", "2026-04-06");
		holidays(days, "劳动节", "2026-05-01", "2026-05-05");
		holidays(days, "端午节", "2026-06-19", "2026-06-21");
		holidays(days, "中秋节", "2026-09-25", "2026-09-27");
		holidays(days, "国庆节", "2026-10-01", "2026-10-07");
		makeUp(days, "元旦", "2026-01-04");
		makeUp(days, "春节", "2026-02-14");
		makeUp(days, "春节", "2026-02-28");
		makeUp(days, "劳动节", "2026-05-09");
		makeUp(days, "国庆节", "2026-09-20");
		makeUp(days, "国庆节", "2026-10-10");
		days.sort((one, other) -> one.date().compareTo(other.date()));
		return new YearSchedule(2026, true, days);
	}

	/**
	 * @return the arithmetic over the given published years; every other year is not
	 * published
	 */
	static WorkingDays arithmetic(YearSchedule... published) {
		Map<Integer, YearSchedule> years = new HashMap<>();
		for (YearSchedule year : published) {
			years.put(year.year(), year);
		}
		return new WorkingDays((year) -> years.getOrDefault(year, YearSchedule.unpublished(year)),
				WorkingCalendar.ZONE);
	}

	private static void holidays(List<CalendarDay> days, String name, String first, String last) {
		for (LocalDate day = LocalDate.parse(first); !day.isAfter(LocalDate.parse(last)); day = day.plusDays(1)) {
			days.add(new CalendarDay(day, DayKind.HOLIDAY, name));
		}
	}

	private static void makeUp(List<CalendarDay> days, String name, String day) {
		days.add(new CalendarDay(LocalDate.parse(day), DayKind.MAKEUP_WORKDAY, name));
	}

}
