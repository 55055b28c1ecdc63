package org.anju.surveys;

import java.net.URI;
import java.util.List;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Survey answers over HTTP: staff record what they took on the phone or a visit, and turn
 * a low score or a remark into an appeal.
 */
@RestController
@RequestMapping("/api/v1/survey-responses")
@PreAuthorize("hasAuthority('APPEALS_READ')")
@Tag(name = "survey-responses", description = "满意度调查答卷: answers taken by staff; low scores become appeals")
class ResponseApi {

	private final SurveyResponses responses;

	ResponseApi(SurveyResponses responses) {
		this.responses = responses;
	}

	@GetMapping
	@Operation(summary = "A campaign's responses within the caller's grids; flagged=true: low scores and remarks only")
	Listing<?> list(@AuthenticationPrincipal CurrentUser user, @RequestParam long campaignId,
			@RequestParam(defaultValue = "false") boolean flagged) {
		List<SurveyResponse> items = this.responses.list(user, campaignId, flagged);
		return Listing.of(items);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('APPEALS_INTAKE')")
	@Operation(summary = "Record answers taken by staff: {campaignId, personId, channel: PHONE|VISIT, "
			+ "answers: {q1: 4, q2: \"option\", q3: [\"a\", \"b\"], q4: \"text\"}}")
	ResponseEntity<SurveyResponse> record(@AuthenticationPrincipal CurrentUser user, @RequestBody NewResponse body) {
		SurveyResponse response = this.responses.record(user, body);
		return ResponseEntity.created(URI.create("/api/v1/survey-responses/" + response.id()))
			.eTag(IfMatch.etag(response.version()))
			.body(response);
	}

	@GetMapping("/{id}")
	ResponseEntity<SurveyResponse> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		SurveyResponse response = this.responses.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(response.version())).body(response);
	}

	@PostMapping("/{id}/appeal")
	@PreAuthorize("hasAuthority('APPEALS_INTAKE')")
	@Operation(summary = "Turn a low score or remark into an appeal of the line's category (or {categoryCode}), linked")
	ResponseEntity<SurveyResponse> appeal(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody(required = false) @Nullable AppealBody body) {
		SurveyResponse response = this.responses.raiseAppeal(user, id, (body != null) ? body.categoryCode() : null);
		return ResponseEntity.ok().eTag(IfMatch.etag(response.version())).body(response);
	}

	record AppealBody(@Nullable String categoryCode) {
	}

}
