package org.anju.care;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The festivals fall on lunar days, which ICU4J's Chinese calendar turns into Gregorian
 * ones, leap months included.
 */
class VisitListRuleTests {

	@Test
	void theFestivalsOf2026FallOnTheirLunarDays() {
		assertThat(VisitListRule.SPRING_FESTIVAL.dayIn(2026)).isEqualTo(LocalDate.of(2026, 2, 17));
		assertThat(VisitListRule.MID_AUTUMN.dayIn(2026)).isEqualTo(LocalDate.of(2026, 9, 25));
		assertThat(VisitListRule.DOUBLE_NINTH.dayIn(2026)).isEqualTo(LocalDate.of(2026, 10, 18));
	}

	@Test
	void aYearWithALeapMonthBeforeTheFestivalStillFindsIt() {
		// 2025 had a leap sixth month (闰六月), which pushed 中秋 into October
		assertThat(VisitListRule.MID_AUTUMN.dayIn(2025)).isEqualTo(LocalDate.of(2025, 10, 6));
		assertThat(VisitListRule.DOUBLE_NINTH.dayIn(2025)).isEqualTo(LocalDate.of(2025, 10, 29));
		assertThat(VisitListRule.SPRING_FESTIVAL.dayIn(2025)).isEqualTo(LocalDate.of(2025, 1, 29));
	}

	@Test
	void aSpringFestivalInFebruaryAfterALateNewYear() {
		assertThat(VisitListRule.SPRING_FESTIVAL.dayIn(2024)).isEqualTo(LocalDate.of(2024, 2, 10));
		assertThat(VisitListRule.SPRING_FESTIVAL.dayIn(2023)).isEqualTo(LocalDate.of(2023, 1, 22));
	}

	@Test
	void onlyTheFestivalsHaveADay() {
		assertThat(VisitListRule.ROUND_BIRTHDAY.festival()).isFalse();
		assertThat(VisitListRule.ROUND_BIRTHDAY.dayIn(2026)).isNull();
		assertThat(VisitListRule.DOUBLE_NINTH.festival()).isTrue();
	}

}
