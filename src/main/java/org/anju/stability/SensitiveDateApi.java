package org.anju.stability;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.shared.BadParameter;
import org.anju.shared.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sensitive-date calendar (敏感日期) over HTTP: list a year or a range, create, change
 * with {@code If-Match}, delete.
 */
@RestController
@RequestMapping("/api/v1/sensitive-dates")
@Tag(name = "sensitive-dates", description = "Sensitive dates (敏感日期) and the interest groups they concern")
class SensitiveDateApi {

	private final SensitiveDates dates;

	SensitiveDateApi(SensitiveDates dates) {
		this.dates = dates;
	}

	@GetMapping
	@Operation(summary = "The dates that overlap a year or a range, the earliest first",
			description = "Either year, or from and to (days, both included); by default this year.")
	Items list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		if (year != null && (from != null || to != null)) {
			throw new BadParameter("year", "sensitiveDate.yearOrRange");
		}
		if (year != null && (year < 2000 || year > 2100)) {
			throw new BadParameter("year", "sensitiveDate.year");
		}
		if ((from == null) != (to == null)) {
			throw new BadParameter((from == null) ? "from" : "to", "sensitiveDate.yearOrRange");
		}
		if (from == null || to == null) {
			int shown = (year != null) ? year : LocalDate.now(WorkingCalendar.ZONE).getYear();
			from = LocalDate.of(shown, 1, 1);
			to = LocalDate.of(shown, 12, 31);
		}
		List<SensitiveDate> items = this.dates.list(user, from, to);
		return new Items(items, null, items.size());
	}

	@PostMapping
	@Operation(summary = "Add a sensitive date (administrators and leaders)",
			description = "endsOn defaults to startsOn, leadDays to 7; groupCodes empty means everyone.")
	ResponseEntity<SensitiveDate> create(@AuthenticationPrincipal CurrentUser user, @RequestBody DateBody body) {
		SensitiveDate created = this.dates.create(user, body.toDate());
		return ResponseEntity.created(URI.create("/api/v1/sensitive-dates/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@GetMapping("/{id}")
	ResponseEntity<SensitiveDate> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		SensitiveDate found = this.dates.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(found.version())).body(found);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a sensitive date's fields", description = "Needs If-Match.")
	ResponseEntity<SensitiveDate> update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody DateBody body) {
		SensitiveDate changed = this.dates.update(user, id, IfMatch.parse(ifMatch).version(), body.toDate());
		return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(changed);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a sensitive date", description = "If-Match is checked when sent.")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.dates.delete(user, id, (ifMatch != null) ? IfMatch.parse(ifMatch).version() : null);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A list in the shape of every list, in one page: a year holds a few dozen dates.
	 */
	record Items(List<SensitiveDate> items, @Nullable String next, long total) {
	}

	record DateBody(@Nullable String title, @Nullable String kind, @Nullable String startsOn, @Nullable String endsOn,
			@Nullable List<String> groupCodes, @Nullable Integer leadDays, @Nullable String note) {

		NewSensitiveDate toDate() {
			return new NewSensitiveDate(this.title, this.kind, this.startsOn, this.endsOn,
					(this.groupCodes != null) ? this.groupCodes : List.of(), this.leadDays, this.note);
		}

	}

}
