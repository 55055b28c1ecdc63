package org.anju.stability;

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
 * Early warnings over HTTP: list, one warning with its reasons and timeline, acknowledge
 * and close, each with {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/warnings")
@Tag(name = "warnings", description = "Early warnings (预警): raised by the risk engine, acknowledged and closed")
class WarningApi {

	private final Warnings warnings;

	WarningApi(Warnings warnings) {
		this.warnings = warnings;
	}

	@GetMapping
	@Operation(summary = "The warnings the caller reaches, the newest first")
	WarningPage list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable WarningLevel level,
			@RequestParam(required = false) @Nullable WarningState state,
			@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.warnings.list(user, level, state, subjectType, gridId, cursor, size);
	}

	@GetMapping("/{id}")
	ResponseEntity<WarningView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		WarningView found = this.warnings.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(found.version())).body(found);
	}

	@PostMapping("/{id}/acknowledge")
	@Operation(summary = "Acknowledge an open warning", description = "Body {\"note\"?}; needs If-Match.")
	ResponseEntity<WarningView> acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable AckBody body) {
		WarningView changed = this.warnings.acknowledge(user, id, IfMatch.parse(ifMatch).version(),
				(body != null) ? body.note() : null);
		return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(changed);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close a warning with its disposition",
			description = "Body {\"disposition\":\"VISITED\"|\"TALKED\"|\"RESOLVED\"|\"ESCALATED_TO_PLAN\"|"
					+ "\"FALSE_ALARM\",\"note\"}; the note is required for FALSE_ALARM. Needs If-Match.")
	ResponseEntity<WarningView> close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable CloseBody body) {
		CloseBody given = (body != null) ? body : new CloseBody(null, null);
		WarningView changed = this.warnings.close(user, id, IfMatch.parse(ifMatch).version(), given.disposition(),
				given.note());
		return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(changed);
	}

	record AckBody(@Nullable String note) {
	}

	record CloseBody(@Nullable String disposition, @Nullable String note) {
	}

}
