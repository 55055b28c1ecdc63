package org.anju.care;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pension qualification check over HTTP: a campaign per year, the checks recorded in
 * it, and the retirees not yet checked, by grid.
 */
@RestController
@RequestMapping("/api/v1/qualification-checks")
@PreAuthorize("hasAuthority('PEOPLE_READ')")
@Tag(name = "qualification-checks", description = "资格认证: the yearly proof that a retiree is alive and entitled")
class QualificationCheckApi {

	private final QualificationChecks checks;

	QualificationCheckApi(QualificationChecks checks) {
		this.checks = checks;
	}

	@GetMapping
	@Operation(summary = "Every campaign, newest year first, counted within the caller's grids")
	Campaigns list(@AuthenticationPrincipal CurrentUser user) {
		List<QualificationCampaign> items = this.checks.campaigns(user);
		return new Campaigns(items, null, items.size());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Open a year's campaign over every registered retiree: {year, deadline, title?}")
	ResponseEntity<QualificationCampaign> open(@AuthenticationPrincipal CurrentUser user,
			@RequestBody CampaignBody body) {
		QualificationCampaign campaign = this.checks.open(user, body.year(), body.deadline(), body.title());
		return ResponseEntity.created(URI.create("/api/v1/qualification-checks/" + campaign.id()))
			.eTag(IfMatch.etag(campaign.version()))
			.body(campaign);
	}

	@GetMapping("/{id}")
	ResponseEntity<QualificationCampaign> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		QualificationCampaign campaign = this.checks.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(campaign.version())).body(campaign);
	}

	@PostMapping("/{id}/checks")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Record a retiree's check: {personId, checkedOn, method: IN_PERSON|VIDEO|AT_HOME, note?};"
			+ " 409 when they were already checked in this campaign")
	ResponseEntity<QualificationSubject> check(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestBody CheckBody body) {
		QualificationSubject subject = this.checks.record(user, id, body.personId(), body.checkedOn(), body.method(),
				body.note());
		return ResponseEntity
			.created(URI.create("/api/v1/qualification-checks/" + id + "/checks/" + subject.personId()))
			.body(subject);
	}

	@GetMapping("/{id}/unchecked")
	@Operation(summary = "The retirees not yet checked, within the caller's grids, keyset-paged")
	QualificationSubjectPage unchecked(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.checks.unchecked(user, id, gridId, cursor, size);
	}

	record Campaigns(List<QualificationCampaign> items, @Nullable String next, long total) {
	}

	record CampaignBody(@Nullable Integer year, @Nullable LocalDate deadline, @Nullable String title) {
	}

	record CheckBody(@Nullable Long personId, @Nullable LocalDate checkedOn, @Nullable QualificationMethod method,
			@Nullable String note) {
	}

}
