package org.anju.calendar.web;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.IntPredicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which year the console asks administrators and leaders to fill in.
 */
class CalendarReminderTests {

	private static IntPredicate published(Integer... years) {
		return Set.of(years)::contains;
	}

	@Test
	void anUnpublishedCurrentYearIsAlwaysAskedFor() {
		assertThat(CalendarReminder.yearToFillIn(LocalDate.of(2027, 3, 1), published(2026))).isEqualTo(2027);
	}

	@Test
	void nextYearIsAskedForFromSixtyDaysBeforeItBegins() {
		// 2026-11-02 is 60 days before 2027-01-01, 2026-11-01 is 61
		assertThat(CalendarReminder.yearToFillIn(LocalDate.of(2026, 11, 1), published(2026))).isNull();
		assertThat(CalendarReminder.yearToFillIn(LocalDate.of(2026, 11, 2), published(2026))).isEqualTo(2027);
		assertThat(CalendarReminder.yearToFillIn(LocalDate.of(2026, 12, 31), published(2026, 2027))).isNull();
	}

}
