package org.anju.surveys;

import java.net.URI;
import java.util.List;
import java.util.Map;

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
 * Survey campaigns over HTTP: open one (the sample is drawn at once), read its response
 * rate, list the people to follow up, and check that the stored seed draws the same
 * sample again.
 */
@RestController
@RequestMapping("/api/v1/survey-campaigns")
@PreAuthorize("hasAuthority('APPEALS_READ')")
@Tag(name = "survey-campaigns", description = "满意度调查活动: stratified seeded samples, response rate, follow-ups")
class CampaignApi {

	private final SurveyCampaigns campaigns;

	CampaignApi(SurveyCampaigns campaigns) {
		this.campaigns = campaigns;
	}

	@GetMapping
	Listing<?> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable ServiceLine serviceLine) {
		List<SurveyCampaign> items = this.campaigns.list(user, serviceLine);
		return Listing.of(items);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	@Operation(summary = "Open a campaign and draw its sample: {surveyId, title, sampleSize, seed?, areaId?, "
			+ "groupCode?, opensOn, closesOn}")
	ResponseEntity<SurveyCampaign> open(@AuthenticationPrincipal CurrentUser user, @RequestBody NewCampaign body) {
		SurveyCampaign campaign = this.campaigns.open(user, body);
		return ResponseEntity.created(URI.create("/api/v1/survey-campaigns/" + campaign.id()))
			.eTag(IfMatch.etag(campaign.version()))
			.body(campaign);
	}

	@GetMapping("/{id}")
	ResponseEntity<SurveyCampaign> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		SurveyCampaign campaign = this.campaigns.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(campaign.version())).body(campaign);
	}

	@GetMapping("/{id}/sample")
	@Operation(summary = "The sampled people within the caller's grids; responded=false lists the follow-ups")
	List<SampledPerson> sample(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Boolean responded) {
		List<SampledPerson> people = this.campaigns.sample(user, id, !Boolean.FALSE.equals(responded));
		return (responded == null) ? people : people.stream().filter((p) -> p.responded() == responded).toList();
	}

	@GetMapping("/{id}/non-respondents")
	@Operation(summary = "The sampled people who have not answered, for follow-up")
	List<SampledPerson> nonRespondents(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return this.campaigns.sample(user, id, false);
	}

	@GetMapping("/{id}/draw-check")
	@PreAuthorize("hasAuthority('SURVEYS_MANAGE')")
	@Operation(summary = "Draw again with the stored seed over today's population: {\"repeats\": true|false}")
	Map<String, Boolean> drawCheck(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		return Map.of("repeats", this.campaigns.drawRepeats(user, id));
	}

}
