package org.anju.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.IntPredicate;

import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Reminds administrators and leaders on every console page to fill in a year whose
 * holidays are missing, because until then time limits count Monday to Friday
 * ({@code calendarReminder}, the year, or {@literal null}).
 */
@ControllerAdvice(annotations = Controller.class)
class CalendarReminder {

	/** How long before a new year its holidays should be in. */
	static final int DAYS_AHEAD = 60;

	private final WorkingCalendar calendar;

	private final Clock clock;

	CalendarReminder(WorkingCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	@ModelAttribute("calendarReminder")
	@Nullable Integer calendarReminder(@AuthenticationPrincipal @Nullable CurrentUser user) {
		if (user == null || (user.role() != Role.ADMIN && user.role() != Role.LEADER)) {
			return null;
		}
		return yearToFillIn(LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE)), this.calendar::published);
	}

	/**
	 * @return this year when it is not published, else next year when it is at most
	 * {@value #DAYS_AHEAD} days away and not published, else {@literal null}
	 */
	static @Nullable Integer yearToFillIn(LocalDate today, IntPredicate published) {
		if (!published.test(today.getYear())) {
			return today.getYear();
		}
		int next = today.getYear() + 1;
		boolean soon = ChronoUnit.DAYS.between(today, LocalDate.of(next, 1, 1)) <= DAYS_AHEAD;
		return (soon && !published.test(next)) ? next : null;
	}

}
