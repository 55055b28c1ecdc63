package org.anju.calendar;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Time limits counted in working days on the 2026 schedule, held in memory.
 */
class WorkingDaysTests {

	private final WorkingDays calendar = CalendarFixtures.arithmetic(CalendarFixtures.year2026());

	@Test
	void fiveWorkingDaysFromTheEveOfNationalDayRunOverTheMakeUpSaturdayToTheThirteenth() {
		assertThat(this.calendar.addWorkingDays(day("2026-09-30"), 5)).isEqualTo(day("2026-10-13"));
	}

	@Test
	void theLimitCountsDaysAfterTheDayOfReceipt() {
		assertThat(this.calendar.addWorkingDays(day("2026-03-02"), 0)).isEqualTo(day("2026-03-02"));
		assertThat(this.calendar.addWorkingDays(day("2026-03-02"), 1)).isEqualTo(day("2026-03-03"));
		// received on a Friday, one working day is Monday
		assertThat(this.calendar.addWorkingDays(day("2026-03-06"), 1)).isEqualTo(day("2026-03-09"));
	}

	@Test
	void theSpringFestivalMakeUpSaturdaysAreWorkingDaysAndTheNineDaysOffAreNot() {
		assertThat(this.calendar.isWorkingDay(day("2026-02-14"))).isTrue();
		assertThat(this.calendar.isWorkingDay(day("2026-02-28"))).isTrue();
		assertThat(this.calendar.isWorkingDay(day("2026-02-16"))).as("a Monday of the holiday").isFalse();
		assertThat(this.calendar.isWorkingDay(day("2026-02-21"))).as("an ordinary Saturday").isFalse();

		assertThat(this.calendar.addWorkingDays(day("2026-02-13"), 1)).isEqualTo(day("2026-02-14"));
		assertThat(this.calendar.addWorkingDays(day("2026-02-14"), 1)).isEqualTo(day("2026-02-24"));
		assertThat(this.calendar.addWorkingDays(day("2026-02-27"), 1)).isEqualTo(day("2026-02-28"));
	}

	@Test
	void anUnpublishedYearCountsMondayToFridayEvenOnItsNewYearsDay() {
		// 2027-01-01 is a Friday; nobody has said it is a holiday yet
		assertThat(this.calendar.isWorkingDay(day("2027-01-01"))).isTrue();
		assertThat(this.calendar.addWorkingDays(day("2026-12-30"), 5)).isEqualTo(day("2027-01-06"));
	}

	@Test
	void aYearThatIsFilledInButNotPublishedCountsForNothing() {
		YearSchedule draft = new YearSchedule(2026, false, CalendarFixtures.year2026().days());
		WorkingDays withDraft = CalendarFixtures.arithmetic(draft);

		assertThat(withDraft.isWorkingDay(day("2026-10-01"))).as("a Thursday").isTrue();
		assertThat(withDraft.isWorkingDay(day("2026-10-10"))).as("a Saturday").isFalse();
	}

	@Test
	void anAppealIsDueAtMidnightInShanghaiAfterTheDueDay() {
		// received 10:00 in Shanghai on Wed 2026-09-30
		Instant received = Instant.parse("2026-09-30T02:00:00Z");

		assertThat(this.calendar.dueAt(received, 5)).isEqualTo(Instant.parse("2026-10-13T16:00:00Z"));
	}

	@Test
	void theDayOfReceiptIsTheDayInShanghai() {
		// 23:30 UTC on Sunday is 07:30 on Monday 2026-03-09 in Shanghai
		Instant received = Instant.parse("2026-03-08T23:30:00Z");

		assertThat(this.calendar.dueAt(received, 1)).isEqualTo(Instant.parse("2026-03-10T16:00:00Z"));
	}

	@Test
	void theWarningPointCountsOnlyTimeInsideWorkingDays() {
		// 08:00 in Shanghai on Wed 2026-09-30; due at the end of Tue 2026-10-13
		Instant received = Instant.parse("2026-09-30T00:00:00Z");
		Instant due = this.calendar.dueAt(received, 5);

		// working time: 16 h left of Sep 30, then Oct 8, 9, 10, 12 and 13 whole: 136 h.
		// 75 % is 102 h: 16 + 24 + 24 + 24 = 88 h by the end of Oct 10, then 14 h into
		// Mon Oct 12, which is 14:00 in Shanghai.
		assertThat(this.calendar.warningAt(received, due, 75)).isEqualTo(Instant.parse("2026-10-12T06:00:00Z"));
	}

	@Test
	void theWarningPointsAtTheEdgesAreReceiptAndDue() {
		Instant received = Instant.parse("2026-09-30T00:00:00Z");
		Instant due = this.calendar.dueAt(received, 5);

		assertThat(this.calendar.warningAt(received, due, 0)).isEqualTo(received);
		assertThat(this.calendar.warningAt(received, due, 100)).isEqualTo(due);
	}

	@Test
	void aWarningPointThatFallsOnTheEndOfAWorkingDayDoesNotSkipToTheNext() {
		// received at 00:00 Shanghai on Fri 2026-03-06, one working day: Fri and Mon, 48
		// h
		Instant received = Instant.parse("2026-03-05T16:00:00Z");
		Instant due = this.calendar.dueAt(received, 1);

		assertThat(this.calendar.warningAt(received, due, 50)).isEqualTo(Instant.parse("2026-03-06T16:00:00Z"));
	}

	@Test
	void nonsenseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.addWorkingDays(day("2026-03-02"), -1));
		Instant received = Instant.parse("2026-03-05T16:00:00Z");
		assertThatIllegalArgumentException().isThrownBy(() -> this.calendar.warningAt(received, received, 101));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.calendar.warningAt(received, received.minusSeconds(1), 50));
	}

	private static LocalDate day(String text) {
		return LocalDate.parse(text);
	}

}
