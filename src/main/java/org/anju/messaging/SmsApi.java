package org.anju.messaging;

import java.util.List;
import java.util.Objects;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox and the templates of text messages. Administrators and leaders read them
 * (both hold {@code AUDIT_READ}: the outbox is a record, like the audit log); only those
 * who edit reference data change a template's wording.
 */
@RestController
@RequestMapping("/api/v1/sms")
@PreAuthorize("hasAuthority('AUDIT_READ')")
@Tag(name = "sms", description = "Text messages to residents: the outbox and the templates")
class SmsApi {

	private final Outbox outbox;

	private final SmsTemplates templates;

	SmsApi(Outbox outbox, SmsTemplates templates) {
		this.outbox = outbox;
		this.templates = templates;
	}

	@GetMapping("/outbox")
	@Operation(summary = "Messages, newest first, with masked numbers",
			description = "state is QUEUED, SENT, FAILED or SUPPRESSED; reason holds why a message was suppressed "
					+ "(NOT_MOBILE, DUPLICATE, DAILY_LIMIT) or the provider's last error.")
	OutboxPage outbox(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable MessageState state,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.outbox.page(user.community(), state, cursor, size);
	}

	@GetMapping("/templates")
	@Operation(summary = "The templates with their allowed placeholders and versions")
	Items templates(@AuthenticationPrincipal CurrentUser user) {
		return new Items(this.templates.all(user.community()));
	}

	@PutMapping("/templates/{code}")
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	@Operation(summary = "Change a template's wording",
			description = "Needs If-Match. Placeholders such as {number} must be among the template's placeholders; "
					+ "the text is at most 500 characters.")
	ResponseEntity<SmsTemplate> update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody TemplateBody body) {
		long version = IfMatch.parse(ifMatch).version();
		SmsTemplate updated = this.templates.update(user.community(), code, version,
				Objects.requireNonNullElse(body.bodyZh(), ""), user.username());
		return ResponseEntity.ok().eTag(IfMatch.etag(updated.version())).body(updated);
	}

	record TemplateBody(@Nullable String bodyZh) {
	}

	record Items(List<SmsTemplate> items) {
	}

}
