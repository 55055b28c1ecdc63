package org.anju.people;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * The registry of people over HTTP. ID numbers and phones are always masked; unmasking is
 * its own audited call.
 */
@RestController
@RequestMapping("/api/v1/residents")
@PreAuthorize("hasAuthority('PEOPLE_READ')")
@Tag(name = "residents", description = "The registry of people")
class PeopleApi {

	private final PeopleSearch search;

	private final PersonManagement people;

	PeopleApi(PeopleSearch search, PersonManagement people) {
		this.search = search;
		this.people = people;
	}

	@GetMapping
	@Operation(summary = "Search people within the caller's scope",
			description = "q matches a name, pinyin in full or as initials, the last 4 digits of an ID or phone, or a whole ID or phone.")
	PersonPage list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String group,
			@RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable PersonStatus status,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.search.search(user.scope(), new PeopleQuery(q, group, areaId, gridId, status), cursor, size);
	}

	@GetMapping("/{id}")
	ResponseEntity<Person> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		Person person = this.people.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(person.version())).body(person);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Register a person", description = "Gender and birth date come from the ID number.")
	ResponseEntity<Person> register(@AuthenticationPrincipal CurrentUser user, @RequestBody PersonBody body) {
		Person person = this.people.register(user, body.form());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + person.id()))
			.eTag(IfMatch.etag(person.version()))
			.body(person);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Edit a person; a new roomId is recorded as a move")
	ResponseEntity<Person> update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody PersonBody body) {
		Person person = this.people.update(user, id, IfMatch.parse(ifMatch).version(), body.form());
		return ResponseEntity.ok().eTag(IfMatch.etag(person.version())).body(person);
	}

	@PostMapping("/{id}/status")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Record a move out, a death, or a new registration, with its date")
	ResponseEntity<Person> status(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody StatusBody body) {
		if (body.status() == null) {
			throw new InvalidInput("status", "field.required");
		}
		Person person = this.people.changeStatus(user, id, IfMatch.parse(ifMatch).version(), body.status(),
				body.date());
		return ResponseEntity.ok().eTag(IfMatch.etag(person.version())).body(person);
	}

	@PostMapping("/{id}/unmask")
	@PreAuthorize("hasAuthority('PEOPLE_UNMASK')")
	@Operation(summary = "See a full ID number or phone, for a reason; audited")
	Map<String, @Nullable String> unmask(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody UnmaskBody body) {
		String value = this.people.unmask(user, id, String.valueOf(body.field()), body.reason()).orElse(null);
		return java.util.Collections.singletonMap("value", value);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Every change to a person, newest first, masked")
	Map<String, List<HistoryEntry>> history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return Map.of("items", this.people.history(user, id));
	}

	@PostMapping("/{id}/merge")
	@PreAuthorize("hasAuthority('PEOPLE_MERGE')")
	@Operation(summary = "Merge a duplicate record of the same person into this one")
	Person merge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestBody MergeBody body) {
		if (body.mergedId() == null) {
			throw new InvalidInput("mergedId", "field.required");
		}
		return this.people.merge(user, id, body.mergedId());
	}

	record PersonBody(@Nullable String name, @Nullable String idNumber, @Nullable String phone, @Nullable Long roomId,
			@Nullable List<String> groups, @Nullable String householdRelation, @Nullable String formerUnit,
			@Nullable String notes) {

		PersonForm form() {
			return new PersonForm(this.name, this.idNumber, this.phone, this.roomId,
					(this.groups != null) ? this.groups : List.of(), this.householdRelation, this.formerUnit,
					this.notes);
		}

	}

	record StatusBody(@Nullable PersonStatus status, @Nullable LocalDate date) {
	}

	record UnmaskBody(@Nullable String field, @Nullable String reason) {
	}

	record MergeBody(@Nullable Long mergedId) {
	}

}
