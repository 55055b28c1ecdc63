package org.anju.notices;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.appeals.AppealHeadline;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * Outage notices over HTTP: create, read, change and withdraw (with If-Match), list the
 * active ones for a caller's address, and the appeals linked to a notice.
 */
@RestController
@RequestMapping("/api/v1/notices")
@PreAuthorize("hasAuthority('APPEALS_READ')")
@Tag(name = "notices", description = "停水/停电/停气/停暖 outage notices with talking points and linked appeals")
class NoticeApi {

	private final Notices notices;

	NoticeApi(Notices notices) {
		this.notices = notices;
	}

	@GetMapping
	@Operation(summary = "The notices touching the caller's grids; active=true: window on now; "
			+ "placeId: only those for the building of that place")
	Listing<?> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean active,
			@RequestParam(required = false) @Nullable Long placeId) {
		List<Notice> items = this.notices.list(user, active, placeId);
		return Listing.of(items);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('NOTICES_MANAGE')")
	@Operation(summary = "Publish a notice: {utility: WATER|POWER|GAS|HEATING, title, body?, talkingPoints, "
			+ "startsAt, endsAt, buildingIds:[...]}")
	ResponseEntity<Notice> create(@AuthenticationPrincipal CurrentUser user, @RequestBody NoticeForm body) {
		Notice notice = this.notices.create(user, body);
		return ResponseEntity.created(URI.create("/api/v1/notices/" + notice.id()))
			.eTag(IfMatch.etag(notice.version()))
			.body(notice);
	}

	@GetMapping("/{id}")
	ResponseEntity<Notice> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		Notice notice = this.notices.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(notice.version())).body(notice);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('NOTICES_MANAGE')")
	@Operation(summary = "Change a notice with If-Match; the body is the whole notice")
	ResponseEntity<Notice> update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody NoticeForm body) {
		Notice notice = this.notices.update(user, id, IfMatch.parse(ifMatch).version(), body);
		return ResponseEntity.ok().eTag(IfMatch.etag(notice.version())).body(notice);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('NOTICES_MANAGE')")
	@Operation(summary = "Withdraw a notice with If-Match")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.notices.delete(user, id, IfMatch.parse(ifMatch).version());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/appeals")
	@Operation(summary = "The appeals linked to the notice: number and title")
	List<AppealHeadline> appeals(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.notices.linkedAppeals(user, id);
	}

}
