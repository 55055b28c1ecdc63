package org.anju.plans;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
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
 * Incidents and drills over HTTP: activate a plan, read and list incidents, tick a task,
 * file a report, close with a review. Every change needs {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "incidents", description = "Incidents and drills run from contingency plans")
class IncidentApi {

	private final IncidentManagement incidents;

	IncidentApi(IncidentManagement incidents) {
		this.incidents = incidents;
	}

	@PostMapping
	@Operation(summary = "Activate a plan's approved version as an incident or a drill",
			description = "Body {planId, level: I|II|III|IV, warningId?, drill, holders?: {ROLE: userId}}. A role "
					+ "goes to holders' account, else to the person the plan names for it, or whoever holds the post it "
					+ "names at activation. Roles left with nobody answer 422 with one error per role (holders.ROLE) "
					+ "saying why: no default, the person's account disabled, the post empty or deleted; nothing is "
					+ "written. Tasks "
					+ "are due their time target after activation; the first report within 1 h, a follow-up within "
					+ "4 h (then 4 h after each), the final within 3 days. Send an Idempotency-Key.")
	ResponseEntity<IncidentView> activate(@AuthenticationPrincipal CurrentUser user, @RequestBody NewIncident body) {
		IncidentView created = this.incidents.activate(user, body);
		return ResponseEntity.created(URI.create("/api/v1/incidents/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "Incidents and drills the caller may see, newest first")
	IncidentPage list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable Boolean drill,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.incidents.list(user, state, drill, cursor, size);
	}

	@GetMapping("/{id}")
	ResponseEntity<IncidentView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		IncidentView found = this.incidents.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(found.version())).body(found);
	}

	@PostMapping("/{id}/tasks/{taskId}/done")
	@Operation(summary = "Tick a task done: its role's holder, or a leader")
	ResponseEntity<IncidentView> done(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long taskId, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return answer(this.incidents.doneTask(user, id, taskId, IfMatch.parse(ifMatch).version()));
	}

	@PostMapping("/{id}/reports")
	@Operation(summary = "File an information report",
			description = "Body {kind: FIRST|FOLLOW_UP|FINAL, text}: the reporting holder, the commander or a "
					+ "leader. The final report ends the follow-ups.")
	ResponseEntity<IncidentView> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody ReportBody body) {
		return answer(this.incidents.file(user, id, IfMatch.parse(ifMatch).version(), body.kind(), body.text()));
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close with the after-action review",
			description = "Body {review}. Needs the final report: the commander or a leader.")
	ResponseEntity<IncidentView> close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody CloseBody body) {
		return answer(this.incidents.close(user, id, IfMatch.parse(ifMatch).version(), body.review()));
	}

	private static ResponseEntity<IncidentView> answer(IncidentView incident) {
		return ResponseEntity.ok().eTag(IfMatch.etag(incident.version())).body(incident);
	}

	record ReportBody(@Nullable String kind, @Nullable String text) {
	}

	record CloseBody(@Nullable String review) {
	}

}
