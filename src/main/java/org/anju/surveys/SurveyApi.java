package org.anju.surveys;

import java.net.URI;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questionnaires over HTTP, and the satisfaction index of the service lines.
 */
@RestController
@RequestMapping("/api/v1/surveys")
@PreAuthorize("hasAuthority('APPEALS_READ')")
@Tag(name = "surveys", description = "满意度调查问卷 (versioned questionnaires per service line) and the satisfaction index")
class SurveyApi {

	private final Surveys surveys;

	private final SatisfactionIndex index;

	SurveyApi(Surveys surveys, SatisfactionIndex index) {
		this.surveys = surveys;
		this.index = index;
	}

	@GetMapping
	@Operation(summary = "The questionnaires, newest first, optionally of one service line")
	Listing<?> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable ServiceLine serviceLine) {
		List<Survey> items = this.surveys.list(user, serviceLine);
		return Listing.of(items);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	@Operation(summary = "Create a questionnaire as draft version 1: {serviceLine, title, description?, "
			+ "questions:[{type: RATING|SINGLE|MULTIPLE|TEXT, text, options?, required?}]}")
	ResponseEntity<Survey> create(@AuthenticationPrincipal CurrentUser user, @RequestBody SurveyForm body) {
		Survey survey = this.surveys.create(user, body);
		return ResponseEntity.created(URI.create("/api/v1/surveys/" + survey.id()))
			.eTag(IfMatch.etag(survey.version()))
			.body(survey);
	}

	@GetMapping("/{id}")
	ResponseEntity<Survey> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		Survey survey = this.surveys.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(survey.version())).body(survey);
	}

	@GetMapping("/{id}/versions/{number}")
	SurveyVersion version(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable int number) {
		return this.surveys.version(user, id, number);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	@Operation(summary = "Edit with If-Match: changes the draft, or starts the next draft after publication")
	ResponseEntity<Survey> edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody SurveyForm body) {
		Survey survey = this.surveys.edit(user, id, IfMatch.parse(ifMatch).version(), body);
		return ResponseEntity.ok().eTag(IfMatch.etag(survey.version())).body(survey);
	}

	@PostMapping("/{id}/publish")
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	@Operation(summary = "Publish the draft with If-Match; a published version is frozen")
	ResponseEntity<Survey> publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		Survey survey = this.surveys.publish(user, id, IfMatch.parse(ifMatch).version());
		return ResponseEntity.ok().eTag(IfMatch.etag(survey.version())).body(survey);
	}

	@GetMapping("/satisfaction-index")
	@Operation(summary = "The satisfaction index (0-100) of every service line over a period of days, "
			+ "within the caller's grids; see docs/SATISFACTION.md")
	List<SatisfactionScore> index(@AuthenticationPrincipal CurrentUser user, @RequestParam LocalDate from,
			@RequestParam LocalDate to) {
		return this.index.forPeriod(user, from, to);
	}

	@GetMapping("/satisfaction-index/{serviceLine}/trend")
	@Operation(summary = "A service line's index month by month")
	List<SatisfactionScore> trend(@AuthenticationPrincipal CurrentUser user, @PathVariable ServiceLine serviceLine,
			@RequestParam LocalDate from, @RequestParam LocalDate to) {
		return this.index.trend(user, serviceLine, from, to);
	}

	@GetMapping("/satisfaction-index/{serviceLine}/breakdown")
	@Operation(summary = "A service line's index by interest group (by=GROUP) or area (by=AREA)")
	List<SatisfactionScore> breakdown(@AuthenticationPrincipal CurrentUser user, @PathVariable ServiceLine serviceLine,
			@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam SatisfactionIndex.Breakdown by) {
		return this.index.breakdown(user, serviceLine, from, to, by);
	}

}
