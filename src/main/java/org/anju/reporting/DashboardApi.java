package org.anju.reporting;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leader dashboard over HTTP, and the rebuild of its rollups.
 */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "dashboard", description = "The leader dashboard (领导驾驶舱)")
class DashboardApi {

	private final Dashboard dashboard;

	private final Rollups rollups;

	private final Clock clock;

	DashboardApi(Dashboard dashboard, Rollups rollups, Clock clock) {
		this.dashboard = dashboard;
		this.rollups = rollups;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('REPORTS_READ')")
	@Operation(summary = "The whole community's figures over a span of days",
			description = "from and to are days (YYYY-MM-DD, Asia/Shanghai, to inclusive; the current month by default; "
					+ "at most 366 days); 422 with errors per field otherwise. Leaders and admins only (403 for others): "
					+ "the dashboard is the whole community's. Body: {from, to, appeals:{received, resolved, "
					+ "resolvedOnTime, onTimeRate, rated, satisfied, satisfactionRate, overdue, today, thisMonth, "
					+ "trend:[{day,received,resolved}], byCategory|byDepartment|byInterestGroup|byArea|byGrid:"
					+ "[{code,name,count,resolved,resolvedOnTime,onTimeRate,rated,satisfied,satisfactionRate,overdue}]}, "
					+ "conflicts:{total, open, byLevel:{ORDINARY..}, byState:{REGISTERED..}}, screening:{completeness, "
					+ "grids, reported, rounds:[...]}}. Appeals count by receipt day, conflict cases by registration "
					+ "day, screening rounds by deadline. Rates are 0 to 1 with four decimals, null when nothing was "
					+ "counted; codes of areas and grids are their IDs; NONE is the bucket with nothing to group by.")
	Map<String, Object> dashboard(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			Locale locale) {
		return this.dashboard.figures(user, Span.of(from, to, this.clock), locale).body();
	}

	@PostMapping("/rebuild")
	@PreAuthorize("hasAuthority('USERS_MANAGE')")
	@Operation(summary = "Rebuild the dashboard's rollups from the source data (admins)",
			description = "Answers {appeals}: how many appeals the rebuilt figures cover.")
	Map<String, Long> rebuild(@AuthenticationPrincipal CurrentUser user) {
		return Map.of("appeals", this.rollups.rebuild(user.community()));
	}

}
