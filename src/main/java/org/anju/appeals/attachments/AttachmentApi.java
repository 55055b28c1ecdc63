package org.anju.appeals.attachments;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An appeal's photos over HTTP, for whoever reaches the appeal.
 */
@RestController
@RequestMapping("/api/v1/appeals/{id}/attachments")
@Tag(name = "appeals")
class AttachmentApi {

	private final AppealAttachments attachments;

	AttachmentApi(AppealAttachments attachments) {
		this.attachments = attachments;
	}

	@GetMapping
	@Operation(summary = "An appeal's photos, without their content")
	Items list(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return new Items(this.attachments.list(user, id));
	}

	@GetMapping("/{attachmentId}")
	@Operation(summary = "One photo, as a JPEG or PNG stripped of its location")
	ResponseEntity<byte[]> content(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		return this.attachments.open(user, id, attachmentId).inline();
	}

	record Items(List<Attachment> items) {
	}

}
