package org.anju.duty;

import java.net.URI;
import java.util.List;
import java.util.Locale;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organisation tree over HTTP.
 */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "units", description = "Units of the organisation: 党委, 行政, 工会, 团委, departments, areas, grids")
@PreAuthorize("hasAuthority('DUTY_READ')")
class UnitApi {

	private final Units units;

	UnitApi(Units units) {
		this.units = units;
	}

	@GetMapping
	@Operation(summary = "The whole tree, depth first",
			description = "Each unit has its parentId and depth. Areas and grids are read from the places tree: "
					+ "their id is the place's id, and they are renamed there, not here.")
	Items list(@AuthenticationPrincipal CurrentUser user, Locale locale) {
		return new Items(this.units.tree(user.community()).stream().map((unit) -> view(unit, locale)).toList());
	}

	@GetMapping("/{id}")
	ResponseEntity<UnitView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
		Unit unit = this.units.get(user.community(), id);
		return ResponseEntity.ok().eTag(IfMatch.etag(unit.version())).body(view(unit, locale));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	@Operation(summary = "Add an office under a stored unit",
			description = "Body {\"parentId\",\"nameZh\",\"nameEn\"?}")
	ResponseEntity<UnitView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody UnitBody body,
			Locale locale) {
		Unit unit = this.units.create(user, body.parentId(), body.nameZh(), body.nameEn());
		return ResponseEntity.created(URI.create("/api/v1/units/" + unit.id()))
			.eTag(IfMatch.etag(unit.version()))
			.body(view(unit, locale));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	@Operation(summary = "Rename an office (not a seeded unit, area or grid)")
	ResponseEntity<UnitView> rename(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody UnitBody body,
			Locale locale) {
		Unit unit = this.units.rename(user, id, IfMatch.parse(ifMatch).version(), body.nameZh(), body.nameEn());
		return ResponseEntity.ok().eTag(IfMatch.etag(unit.version())).body(view(unit, locale));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	@Operation(summary = "Delete an office that has no units or posts under it")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.units.delete(user, id, IfMatch.parse(ifMatch).version());
		return ResponseEntity.noContent().build();
	}

	private static UnitView view(Unit unit, Locale locale) {
		return new UnitView(unit.id(), unit.kind(), unit.name(locale), unit.nameZh(), unit.nameEn(), unit.parentId(),
				unit.departmentCode(), unit.seeded(), unit.depth(), unit.version());
	}

	record UnitBody(@Nullable Long parentId, @Nullable String nameZh, @Nullable String nameEn) {
	}

	record UnitView(long id, UnitKind kind, String name, String nameZh, String nameEn, @Nullable Long parentId,
			@Nullable String departmentCode, boolean seeded, int depth, long version) {
	}

	record Items(List<UnitView> items) {
	}

}
