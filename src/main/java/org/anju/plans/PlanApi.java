package org.anju.plans;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
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
 * The plan library over HTTP: list, read a version, write a plan or its draft, approve
 * the draft, drills per plan per year and the roles whose default holder has gone.
 */
@RestController
@RequestMapping("/api/v1/plans")
@Tag(name = "plans", description = "Contingency plans (维稳预案): versions, approval, drill statistics")
class PlanApi {

	private final PlanManagement plans;

	private final PlanRoleGaps gaps;

	private final Clock clock;

	PlanApi(PlanManagement plans, PlanRoleGaps gaps, Clock clock) {
		this.plans = plans;
		this.gaps = gaps;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "The plan library, the seeded templates first",
			description = "Answers {items, next (always null: a library is small), total}.")
	Map<String, Object> list(@AuthenticationPrincipal CurrentUser user) {
		List<PlanSummary> items = this.plans.list(user);
		Map<String, Object> page = new java.util.LinkedHashMap<>();
		page.put("items", items);
		page.put("next", null);
		page.put("total", items.size());
		return page;
	}

	@PostMapping
	@Operation(summary = "Write a new plan; it starts as draft version 1",
			description = "roles: [{role: COMMANDER|ON_SITE|REPORTING|LOGISTICS|MEDICAL|COMMUNICATION, "
					+ "defaultUserId? or postId?, steps: [{title, minutes}]}]: a role names a person or a post "
					+ "(whoever holds it at activation), not both; COMMANDER and REPORTING are required. contacts: "
					+ "[{name, unit?, phone, userId?}], userId naming a staff member. levels: "
					+ "{I, II, III, IV} texts. warningLevels: BLUE|YELLOW|ORANGE|RED; warningSubjectTypes: "
					+ "PERSON|GROUP|GRID|AREA|COMMUNITY.")
	ResponseEntity<PlanView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewPlanBody body) {
		PlanView created = this.plans.create(user, body.nameZh(), body.nameEn(), body.draft());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A plan with its versions and one version's content",
			description = "number picks the version; by default the draft, or the approved version.")
	ResponseEntity<PlanView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer number) {
		PlanView found = this.plans.get(user, id, number);
		return ResponseEntity.ok().eTag(IfMatch.etag(found.version())).body(found);
	}

	@PutMapping("/{id}/draft")
	@Operation(summary = "Edit the plan",
			description = "Rewrites the draft, or after an approved version starts a new draft; an approved "
					+ "version never changes. Needs If-Match with the plan's version.")
	ResponseEntity<PlanView> edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody PlanDraft body) {
		PlanView changed = this.plans.edit(user, id, IfMatch.parse(ifMatch).version(), body);
		return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(changed);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "A leader approves the draft, which becomes the version that runs",
			description = "Supersedes the version approved before. Needs If-Match with the plan's version.")
	ResponseEntity<PlanView> approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		PlanView changed = this.plans.approve(user, id, IfMatch.parse(ifMatch).version());
		return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(changed);
	}

	@GetMapping("/drill-statistics")
	@Operation(summary = "Drills (演练) and real incidents per plan in a year (Asia/Shanghai), this year by default")
	DrillStatistics drillStatistics(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Integer year) {
		int asked = (year != null) ? year : LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE).getYear();
		return this.plans.drillStatistics(user, asked);
	}

	@GetMapping("/role-gaps")
	@Operation(summary = "Plan roles and contacts whose person has gone (coverage gaps of subject type PLAN)",
			description = "reason HOLDER_DISABLED (the account named), POST_EMPTY or POST_GONE (the post named); "
					+ "role, or contact (its place in the plan's list) for a contact.")
	List<PlanRoleGap> roleGaps(@AuthenticationPrincipal CurrentUser user) {
		PlanManagement.requireRead(user);
		return this.gaps.of(user.community());
	}

	/**
	 * A new plan: its names and its first draft.
	 */
	record NewPlanBody(@Nullable String nameZh, @Nullable String nameEn, @Nullable String trigger,
			@Nullable List<String> warningLevels, @Nullable List<String> warningSubjectTypes,
			@Nullable Map<String, String> levels, @Nullable List<PlanDraft.RoleDraft> roles,
			@Nullable List<PlanDraft.Contact> contacts, @Nullable List<PlanDraft.Resource> resources) {

		PlanDraft draft() {
			return new PlanDraft(this.trigger, this.warningLevels, this.warningSubjectTypes, this.levels, this.roles,
					this.contacts, this.resources);
		}

	}

}
