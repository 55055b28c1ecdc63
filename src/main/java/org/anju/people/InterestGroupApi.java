package org.anju.people;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Interest groups (人员类别): reference data with stable codes.
 */
@RestController
@RequestMapping("/api/v1/interest-groups")
@PreAuthorize("hasAuthority('PEOPLE_READ')")
@Tag(name = "interest-groups", description = "Interest groups (人员类别)")
class InterestGroupApi {

	private final InterestGroups groups;

	InterestGroupApi(InterestGroups groups) {
		this.groups = groups;
	}

	@GetMapping
	Items list(@AuthenticationPrincipal CurrentUser user) {
		return new Items(this.groups.all(user.community()));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	@Operation(summary = "Add a group")
	ResponseEntity<InterestGroup> create(@AuthenticationPrincipal CurrentUser user, @RequestBody GroupBody body) {
		InterestGroup group = this.groups.create(user.community(), String.valueOf(body.code()),
				String.valueOf(body.nameZh()), String.valueOf(body.nameEn()));
		return ResponseEntity.created(URI.create("/api/v1/interest-groups/" + group.code())).body(group);
	}

	@PutMapping("/{code}")
	@PreAuthorize("hasAuthority('REFERENCE_DATA')")
	@Operation(summary = "Rename a group, or deactivate it (groups in use are never deleted)")
	InterestGroup update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestBody GroupBody body) {
		return this.groups.update(user.community(), code, String.valueOf(body.nameZh()), String.valueOf(body.nameEn()),
				(body.active() == null) || body.active());
	}

	record GroupBody(@Nullable String code, @Nullable String nameZh, @Nullable String nameEn,
			@Nullable Boolean active) {
	}

	record Items(List<InterestGroup> items) {
	}

}
