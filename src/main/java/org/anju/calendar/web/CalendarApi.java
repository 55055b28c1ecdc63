package org.anju.calendar.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.calendar.CalendarDay;
import org.anju.calendar.VersionedYear;
import org.anju.calendar.WorkingCalendar;
import org.anju.calendar.YearSchedule;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar by year:
 * {@code {"year","published","version","days":[{"date","kind","name"}]}}, readable by
 * anyone signed in and replaced whole by an administrator who names the version read.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "calendar", description = "Working-day calendar: public holidays and make-up working days (调休)")
class CalendarApi {

	private final WorkingCalendar calendar;

	CalendarApi(WorkingCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/{year}")
	@Operation(summary = "A year's holidays and make-up working days; an unpublished year counts Monday to Friday",
			description = "The answer carries the year's version, also as ETag; a year nobody filled in is at 0.")
	ResponseEntity<YearBody> year(@PathVariable int year) {
		return answer(this.calendar.current(year));
	}

	@PutMapping("/{year}")
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	@Operation(summary = "Replace a year's days (administrators); published defaults to true",
			description = "Needs If-Match with the year's version: 428 without it, 412 when someone replaced "
					+ "the year since.")
	ResponseEntity<YearBody> replace(@AuthenticationPrincipal CurrentUser user, @PathVariable int year,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody CalendarBody body) {
		WorkingCalendar.requireSupportedYear(year);
		long expectedVersion = IfMatch.parse(ifMatch).version();
		if (body.year() != null && body.year() != year) {
			throw new InvalidInput("year", "calendar.error.yearMismatch", String.valueOf(body.year()),
					String.valueOf(year));
		}
		List<TypedDay> days = (body.days() != null)
				? body.days().stream().map((day) -> (day != null) ? day : new TypedDay(null, null, null)).toList()
				: List.of();
		return answer(this.calendar.replaceYear(user, year, expectedVersion,
				TypedDay.schedule(year, (body.published() == null) || body.published(), days)));
	}

	private static ResponseEntity<YearBody> answer(VersionedYear year) {
		YearSchedule schedule = year.schedule();
		return ResponseEntity.ok()
			.eTag(IfMatch.etag(year.version()))
			.body(new YearBody(schedule.year(), schedule.published(), year.version(), schedule.days()));
	}

	record YearBody(int year, boolean published, long version, List<CalendarDay> days) {
	}

	record CalendarBody(@Nullable Integer year, @Nullable Boolean published, @Nullable List<@Nullable TypedDay> days) {
	}

}
