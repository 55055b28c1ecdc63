package org.anju.people;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Households over HTTP.
 */
@RestController
@RequestMapping("/api/v1/households")
@PreAuthorize("hasAuthority('PEOPLE_READ')")
@Tag(name = "households", description = "People living together in one room, with a head")
class HouseholdApi {

	private final Households households;

	HouseholdApi(Households households) {
		this.households = households;
	}

	@GetMapping("/{id}")
	Household get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.households.get(user, id);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Found a household in its head's room")
	ResponseEntity<Household> found(@AuthenticationPrincipal CurrentUser user, @RequestBody FoundBody body) {
		if (body.headPersonId() == null) {
			throw new InvalidInput("headPersonId", "field.required");
		}
		Household household = this.households.found(user, body.headPersonId());
		return ResponseEntity.created(URI.create("/api/v1/households/" + household.id())).body(household);
	}

	@PostMapping("/{id}/members")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Add a person living in the same room, with their relation to the head")
	Household join(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody MemberBody body) {
		if (body.personId() == null) {
			throw new InvalidInput("personId", "field.required");
		}
		return this.households.join(user, id, body.personId(), body.relation());
	}

	@DeleteMapping("/{id}/members/{personId}")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	Household leave(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long personId) {
		return this.households.leave(user, id, personId);
	}

	record FoundBody(@Nullable Long headPersonId) {
	}

	record MemberBody(@Nullable Long personId, @Nullable String relation) {
	}

}
