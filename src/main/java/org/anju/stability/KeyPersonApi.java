package org.anju.stability;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.jspecify.annotations.Nullable;

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
 * Key persons (重点人员) over HTTP: designate, list, read with the contact log, log contacts,
 * change the responsible staff member, override the grade and stop. Changes other than
 * contacts need {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/key-persons")
@Tag(name = "key-persons", description = "Key persons (重点人员): grades, responsible staff and the contact plan")
class KeyPersonApi {

	private final KeyPersons keyPersons;

	KeyPersonApi(KeyPersons keyPersons) {
		this.keyPersons = keyPersons;
	}

	@PostMapping
	@Operation(summary = "Designate a registered person as a key person",
			description = "The grade (A, B or C) is the initial computed grade until the warning engine grades the "
					+ "person; explanation defaults to the reason. The responsible user must be an enabled staff "
					+ "account. The first contact is due one interval of the grade from today.")
	ResponseEntity<KeyPerson> designate(@AuthenticationPrincipal CurrentUser user, @RequestBody DesignationBody body) {
		KeyPerson created = this.keyPersons.designate(user, new NewKeyPerson(body.personId(), body.reason(),
				body.grade(), body.explanation(), body.responsibleUserId()));
		return ResponseEntity.created(URI.create("/api/v1/key-persons/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "The key persons the caller reaches, the nearest next contact first",
			description = "grade filters by the effective grade; overdue=true lists those past due; ended=true lists "
					+ "those who stopped being key persons.")
	KeyPersonPage list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Grade grade,
			@RequestParam(required = false) @Nullable Long responsibleUserId,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable Long gridId, @RequestParam(defaultValue = "false") boolean ended,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.keyPersons.list(user, new KeyPersonQuery(grade, responsibleUserId, overdue, gridId, ended), cursor,
				size);
	}

	@GetMapping("/intervals")
	@Operation(summary = "Days between contacts for each grade")
	Map<Grade, Integer> intervals(@AuthenticationPrincipal CurrentUser user) {
		ConflictManagement.requireRead(user);
		return this.keyPersons.intervals(user.community());
	}

	@PutMapping("/intervals/{grade}")
	@Operation(summary = "Set a grade's days between contacts (administrators and leaders)",
			description = "Body {\"days\": 1..366}. The next contact of every current key person of the grade moves.")
	Map<Grade, Integer> setInterval(@AuthenticationPrincipal CurrentUser user, @PathVariable Grade grade,
			@RequestBody IntervalBody body) {
		return this.keyPersons.setInterval(user, grade, body.days());
	}

	@GetMapping("/{id}")
	ResponseEntity<KeyPerson> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return answer(this.keyPersons.get(user, id));
	}

	@PostMapping("/{id}/contacts")
	@Operation(summary = "Log a contact",
			description = "With mood (CALM, CONCERNED, DISSATISFIED, AGITATED) a mood note about the person is filed "
					+ "with the contact's day, method and summary, and topics. If-Match is checked when sent.")
	ResponseEntity<KeyPerson> contact(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody ContactBody body) {
		Long version = (ifMatch != null) ? IfMatch.parse(ifMatch).version() : null;
		KeyPerson changed = this.keyPersons.logContact(user, id, version, new NewContact(body.date(), body.method(),
				body.summary(), body.mood(), (body.topics() != null) ? body.topics() : List.of()));
		return ResponseEntity.created(URI.create("/api/v1/key-persons/" + id))
			.eTag(IfMatch.etag(changed.version()))
			.body(changed);
	}

	@PutMapping("/{id}/responsible")
	@Operation(summary = "Name another responsible staff member", description = "Needs If-Match.")
	ResponseEntity<KeyPerson> responsible(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody ResponsibleBody body) {
		return answer(this.keyPersons.assign(user, id, IfMatch.parse(ifMatch).version(), body.responsibleUserId()));
	}

	@PutMapping("/{id}/grade-override")
	@Operation(summary = "Override the computed grade, with a reason",
			description = "Needs If-Match. The contact plan follows the new grade.")
	ResponseEntity<KeyPerson> override(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody OverrideBody body) {
		return answer(
				this.keyPersons.override(user, id, IfMatch.parse(ifMatch).version(), body.grade(), body.reason()));
	}

	@DeleteMapping("/{id}/grade-override")
	@Operation(summary = "Clear the override: the computed grade holds again", description = "Needs If-Match.")
	ResponseEntity<KeyPerson> clearOverride(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return answer(this.keyPersons.clearOverride(user, id, IfMatch.parse(ifMatch).version()));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Stop being a key person, with a reason",
			description = "Body {\"reason\"} or the reason parameter; needs If-Match. The record and its contacts "
					+ "stay, with endedAt set.")
	ResponseEntity<KeyPerson> stop(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestParam(name = "reason", required = false) @Nullable String reasonParameter,
			@RequestBody(required = false) @Nullable StopBody body) {
		String reason = (body != null && body.reason() != null) ? body.reason() : reasonParameter;
		return answer(this.keyPersons.stop(user, id, IfMatch.parse(ifMatch).version(), reason));
	}

	private static ResponseEntity<KeyPerson> answer(KeyPerson keyPerson) {
		return ResponseEntity.ok().eTag(IfMatch.etag(keyPerson.version())).body(keyPerson);
	}

	record DesignationBody(@Nullable Long personId, @Nullable String reason, @Nullable String grade,
			@Nullable String explanation, @Nullable Long responsibleUserId) {
	}

	record ContactBody(@Nullable String date, @Nullable String method, @Nullable String summary, @Nullable String mood,
			@Nullable List<String> topics) {
	}

	record ResponsibleBody(@Nullable Long responsibleUserId) {
	}

	record OverrideBody(@Nullable String grade, @Nullable String reason) {
	}

	record StopBody(@Nullable String reason) {
	}

	record IntervalBody(@Nullable Integer days) {
	}

}
