package org.anju.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.IntPredicate;

import jakarta.servlet.http.HttpServletRequest;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.platform.PageAttributes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/**
 * Reminds administrators and leaders on every console page to fill in a year whose
 * holidays are missing, because until then time limits count Monday to Friday
 * ({@code calendarReminder}, the year, or {@literal null}).
 * <p>
 * An interceptor ({@link PageAttributes}) rather than a {@code @ControllerAdvice} model
 * attribute, which also asked the calendar on every API call, whose answer has no page.
 */
@Component
class CalendarReminder extends PageAttributes {

	/** How long before a new year its holidays should be in. */
	static final int DAYS_AHEAD = 60;

	private final WorkingCalendar calendar;

	private final Clock clock;

	CalendarReminder(WorkingCalendar calendar, Clock clock) {
		this.calendar = calendar;
		this.clock = clock;
	}

	@Override
	protected void addTo(ModelMap page, HttpServletRequest request) {
		page.putIfAbsent("calendarReminder", calendarReminder(CurrentUser.signedIn()));
	}

	private @Nullable Integer calendarReminder(@Nullable CurrentUser user) {
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
