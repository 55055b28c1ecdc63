package org.anju.care;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Care visits over HTTP. Recording a visit files its mood note, turns the needs marked
 * {@code createAppeal} into appeals (their numbers show on the visit) and ticks the
 * person's open visit-list entries, all in one transaction.
 */
@RestController
@RequestMapping("/api/v1/visits")
@PreAuthorize("hasAuthority('PEOPLE_READ')")
@Tag(name = "visits", description = "走访慰问: care visits with gifts, condition, mood note and needs")
class VisitApi {

	private final CareVisits visits;

	VisitApi(CareVisits visits) {
		this.visits = visits;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Record a visit: {personId, date, visitorIds:[...], reason, gifts:[{item, amountYuan}], "
			+ "condition, mood, moodNote?, needs:[{text, createAppeal, categoryCode?}]}")
	ResponseEntity<CareVisit> record(@AuthenticationPrincipal CurrentUser user, @RequestBody NewVisit body) {
		CareVisit visit = this.visits.record(user, body);
		return ResponseEntity.created(URI.create("/api/v1/visits/" + visit.id()))
			.eTag(IfMatch.etag(visit.version()))
			.body(visit);
	}

	@GetMapping
	@Operation(summary = "Visits within the caller's grids, latest first; personId: one person's")
	VisitPage list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.visits.list(user, personId, cursor, size);
	}

	@GetMapping("/{id}")
	ResponseEntity<CareVisit> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		CareVisit visit = this.visits.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(visit.version())).body(visit);
	}

}
