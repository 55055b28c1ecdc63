package org.anju.places;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.anju.shared.InvalidInput;
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
 * The places tree over HTTP.
 */
@RestController
@RequestMapping("/api/v1/places")
@PreAuthorize("hasAuthority('PLACES_READ')")
@Tag(name = "places", description = "Areas, grids, buildings, units and rooms")
class PlaceApi {

	private final PlaceManagement places;

	PlaceApi(PlaceManagement places) {
		this.places = places;
	}

	@GetMapping
	@Operation(summary = "Places of a kind, or the children of a parent, within the caller's scope")
	Items list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable PlaceKind kind,
			@RequestParam(required = false) @Nullable Long parentId) {
		return new Items(this.places.list(user.scope(), kind, parentId));
	}

	@GetMapping("/{id}")
	ResponseEntity<Place> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		Place place = this.places.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(place.version())).body(place);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('PLACES_WRITE')")
	@Operation(summary = "Create a place under its parent")
	ResponseEntity<Place> create(@AuthenticationPrincipal CurrentUser user, @RequestBody PlaceBody body) {
		if (body.kind() == null) {
			throw new InvalidInput("kind", "field.required");
		}
		Place created = this.places.create(user, body.kind(), String.valueOf(body.name()), body.parentId());
		return ResponseEntity.created(URI.create("/api/v1/places/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('PLACES_WRITE')")
	@Operation(summary = "Rename a place")
	ResponseEntity<Place> rename(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody PlaceBody body) {
		Place renamed = this.places.rename(user, id, IfMatch.parse(ifMatch).version(), String.valueOf(body.name()));
		return ResponseEntity.ok().eTag(IfMatch.etag(renamed.version())).body(renamed);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('PLACES_WRITE')")
	@Operation(summary = "Delete an empty place", description = "A place with people or places under it is kept (409).")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.places.delete(user, id, IfMatch.parse(ifMatch).version());
		return ResponseEntity.noContent().build();
	}

	record PlaceBody(@Nullable PlaceKind kind, @Nullable String name, @Nullable Long parentId) {
	}

	record Items(List<Place> items) {
	}

}
