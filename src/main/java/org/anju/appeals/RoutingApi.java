package org.anju.appeals;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routing over HTTP: where an appeal would go, for the intake form to show, and the rules
 * behind it, for reference-data editors.
 */
@RestController
@Tag(name = "appeal-routing", description = "Where new appeals go (分派规则)")
class RoutingApi {

	private static final String RULES = "/api/v1/appeal-routing-rules";

	private final Routing routing;

	private final RoutingRules rules;

	RoutingApi(Routing routing, RoutingRules rules) {
		this.routing = routing;
		this.rules = rules;
	}

	@GetMapping("/api/v1/appeal-routing")
	@PreAuthorize("!hasRole('RESIDENT')")
	@Operation(summary = "Where an appeal of this category from this area or grid would go")
	Route route(@AuthenticationPrincipal CurrentUser user, @RequestParam String categoryCode,
			@RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long gridId) {
		return this.routing.route(user.community(), categoryCode, areaId, gridId);
	}

	@GetMapping(RULES)
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	Items list(@AuthenticationPrincipal CurrentUser user) {
		return new Items(this.rules.all(user.community()));
	}

	@GetMapping(RULES + "/{id}")
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	ResponseEntity<RoutingRule> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		RoutingRule rule = this.rules.get(user.community(), id);
		return ResponseEntity.ok().eTag(IfMatch.etag(rule.version())).body(rule);
	}

	@PostMapping(RULES)
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	@Operation(summary = "Add a rule: a category, optionally an area or grid, and a department or a person")
	ResponseEntity<RoutingRule> create(@AuthenticationPrincipal CurrentUser user, @RequestBody RuleBody body) {
		RoutingRule created = this.rules.create(user.community(), body.form());
		return ResponseEntity.created(URI.create(RULES + "/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@PutMapping(RULES + "/{id}")
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	ResponseEntity<RoutingRule> update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody RuleBody body) {
		RoutingRule updated = this.rules.update(user.community(), id, IfMatch.parse(ifMatch).version(), body.form());
		return ResponseEntity.ok().eTag(IfMatch.etag(updated.version())).body(updated);
	}

	@DeleteMapping(RULES + "/{id}")
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.rules.delete(user.community(), id, IfMatch.parse(ifMatch).version());
		return ResponseEntity.noContent().build();
	}

	/**
	 * A rule as a client sends it; {@code active} defaults to {@literal true}.
	 */
	record RuleBody(@Nullable String categoryCode, @Nullable Long areaId, @Nullable Long gridId,
			@Nullable String departmentCode, @Nullable Long assigneeUserId, @Nullable Integer priority,
			@Nullable Boolean active) {

		RoutingRuleForm form() {
			return new RoutingRuleForm(this.categoryCode, this.areaId, this.gridId, this.departmentCode,
					this.assigneeUserId, this.priority, this.active == null || this.active);
		}

	}

	record Items(List<RoutingRule> items) {
	}

}
