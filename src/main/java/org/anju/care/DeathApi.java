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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Death registration over HTTP: registering a death sets the person {@code DECEASED} and
 * opens the survivor checklist, whose items are ticked off with {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/deaths")
@PreAuthorize("hasAuthority('PEOPLE_READ')")
@Tag(name = "deaths", description = "Death registration and the survivor checklist")
class DeathApi {

	private final Deaths deaths;

	DeathApi(Deaths deaths) {
		this.deaths = deaths;
	}

	@GetMapping
	@Operation(summary = "Registered deaths within the caller's grids, newest first; open=true: checklist not done")
	DeathPage list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean open,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.deaths.list(user, open, cursor, size);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Register a death: {personId, diedOn, informant, informantRelation?, note?}")
	ResponseEntity<Death> register(@AuthenticationPrincipal CurrentUser user, @RequestBody NewDeath body) {
		Death death = this.deaths.register(user, body);
		return ResponseEntity.created(URI.create("/api/v1/deaths/" + death.id()))
			.eTag(IfMatch.etag(death.version()))
			.body(death);
	}

	@GetMapping("/{id}")
	ResponseEntity<Death> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		Death death = this.deaths.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(death.version())).body(death);
	}

	@PostMapping("/{id}/checklist/{item}")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Tick off an item of the survivor checklist, with If-Match: {note?}")
	ResponseEntity<Death> tick(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable SurvivorItem item,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable TickBody body) {
		Death death = this.deaths.tick(user, id, IfMatch.parse(ifMatch).version(), item,
				(body != null) ? body.note() : null);
		return ResponseEntity.ok().eTag(IfMatch.etag(death.version())).body(death);
	}

	record TickBody(@Nullable String note) {
	}

}
