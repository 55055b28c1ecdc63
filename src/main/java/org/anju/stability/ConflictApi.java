package org.anju.stability;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.BadParameter;
import org.anju.shared.IfMatch;
import org.anju.shared.InvalidInput;
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
 * Conflict cases over HTTP: register (also from an appeal), list, one case with its
 * mediations and timeline, and the actions, each with {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/conflicts")
@Tag(name = "conflicts", description = "Conflict cases (矛盾纠纷): registration, mediation and closure")
class ConflictApi {

	private final ConflictManagement conflicts;

	ConflictApi(ConflictManagement conflicts) {
		this.conflicts = conflicts;
	}

	@PostMapping
	@Operation(summary = "Register a conflict case",
			description = "With sourceAppealId the appeal is escalated into the case (one case per appeal); title, "
					+ "description, grid and parties then default to the appeal's. The responsible unit is a "
					+ "department code, sent as responsibleUnitCode (or responsibleUnitId). Send an Idempotency-Key: "
					+ "a retry gets the first answer.")
	ResponseEntity<ConflictCaseView> register(@AuthenticationPrincipal CurrentUser user, @RequestBody CaseBody body) {
		ConflictCaseView created = this.conflicts.register(user, body.toCase());
		return ResponseEntity.created(URI.create("/api/v1/conflicts/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "The cases the caller reaches, the nearest due day first")
	ConflictCasePage list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable ConflictState state,
			@RequestParam(required = false) @Nullable RiskLevel level,
			@RequestParam(required = false) @Nullable ConflictType type,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long ownerLeaderId,
			@RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable String groupCode,
			@RequestParam(required = false) @Nullable Long sourceAppealId,
			@RequestParam(required = false) @Nullable Long roundId, @RequestParam(defaultValue = "false") boolean open,
			@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.conflicts.list(user, new ConflictQuery(state, level, type, gridId, areaId, ownerLeaderId, personId,
				groupCode, sourceAppealId, roundId, open, overdue), cursor, size);
	}

	@GetMapping("/{id}")
	ResponseEntity<ConflictCaseView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		ConflictCaseView found = this.conflicts.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(found.version())).body(found);
	}

	@PostMapping("/{id}/{action}")
	@Operation(summary = "Take a step: mediate, resolve, stabilise, hand-over or reopen",
			description = "Needs If-Match with the case's version.")
	ResponseEntity<ConflictCaseView> act(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable String action, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable ActionBody body) {
		ConflictAction step = (body != null ? body : ActionBody.EMPTY).toAction(action);
		ConflictCaseView changed = this.conflicts.act(user, id, IfMatch.parse(ifMatch).version(), step);
		return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(changed);
	}

	record CaseBody(@Nullable String type, @Nullable String title, @Nullable String description, @Nullable String level,
			@Nullable List<Long> partyPersonIds, @Nullable List<String> partyGroupCodes, @Nullable Integer peopleCount,
			@Nullable Long ownerLeaderId, @Nullable String responsibleUnitCode, @Nullable String responsibleUnitId,
			@Nullable Long gridWorkerId, @Nullable Long gridId, @Nullable String source,
			@Nullable Long sourceAppealId) {

		NewConflictCase toCase() {
			return new NewConflictCase(this.type, this.title, this.description, this.level,
					(this.partyPersonIds != null) ? this.partyPersonIds : List.of(),
					(this.partyGroupCodes != null) ? this.partyGroupCodes : List.of(), this.peopleCount,
					this.ownerLeaderId,
					(this.responsibleUnitCode != null) ? this.responsibleUnitCode : this.responsibleUnitId,
					this.gridWorkerId, this.gridId, this.source, this.sourceAppealId);
		}

	}

	/**
	 * Every field any action takes; each action reads the ones it needs.
	 */
	record ActionBody(@Nullable String date, @Nullable String method, @Nullable String participants,
			@Nullable String agreement, @Nullable String outcome, @Nullable Boolean confirmedByParties,
			@Nullable String summary, @Nullable String body, @Nullable String reason) {

		static final ActionBody EMPTY = new ActionBody(null, null, null, null, null, null, null, null, null);

		ConflictAction toAction(String action) {
			return switch (action) {
				case "mediate" -> {
					List<InvalidInput.Violation> missing = new java.util.ArrayList<>();
					missing(missing, this.date, "date");
					missing(missing, this.method, "method");
					missing(missing, this.participants, "participants");
					missing(missing, this.agreement, "agreement");
					missing(missing, this.outcome, "outcome");
					if (!missing.isEmpty()) {
						throw new InvalidInput(missing);
					}
					yield new ConflictAction.Mediate(day(required(this.date, "date")), required(this.method, "method"),
							required(this.participants, "participants"), required(this.agreement, "agreement"),
							required(this.outcome, "outcome"));
				}
				case "resolve" -> new ConflictAction.Resolve(required(this.confirmedByParties, "confirmedByParties"),
						required(this.summary, "summary"));
				case "stabilise" -> new ConflictAction.Stabilise(required(this.summary, "summary"));
				case "hand-over" -> {
					List<InvalidInput.Violation> missing = new java.util.ArrayList<>();
					missing(missing, this.body, "body");
					missing(missing, this.summary, "summary");
					if (!missing.isEmpty()) {
						throw new InvalidInput(missing);
					}
					yield new ConflictAction.HandOver(required(this.body, "body"), required(this.summary, "summary"));
				}
				case "reopen" -> new ConflictAction.Reopen(required(this.reason, "reason"));
				default -> throw new BadParameter("action", "conflict.action.unknown", action);
			};
		}

		private static LocalDate day(String text) {
			try {
				return LocalDate.parse(text.strip());
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw new InvalidInput("date", "stability.date.format", text);
			}
		}

		private static void missing(List<InvalidInput.Violation> problems, @Nullable Object value, String field) {
			if (value == null || (value instanceof String text && text.isBlank())) {
				problems.add(new InvalidInput.Violation(field, "field.required"));
			}
		}

		@SuppressWarnings("unchecked")
		private static <T> T required(@Nullable T value, String field) {
			if (value == null || (value instanceof String text && text.isBlank())) {
				throw new InvalidInput(field, "field.required");
			}
			return (value instanceof String text) ? (T) text.strip() : value;
		}

	}

}
