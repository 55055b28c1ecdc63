package org.anju.care;

import java.net.URI;
import java.time.LocalDate;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The special lists over HTTP: each flag is a resource of its own, with its date, source
 * and version; {@code GET} filters by list, grid and person within the caller's grids.
 */
@RestController
@RequestMapping("/api/v1/special-lists")
@PreAuthorize("hasAuthority('PEOPLE_READ')")
@Tag(name = "special-lists",
		description = "特殊人员: people living alone, in an empty nest, in hardship, disabled, or in one of the nine special categories")
class SpecialListApi {

	private final SpecialLists lists;

	SpecialListApi(SpecialLists lists) {
		this.lists = lists;
	}

	@GetMapping
	@Operation(summary = "The open flags of a list (or all lists), newest first; ended=true shows ended ones too")
	SpecialFlagPage list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable SpecialList flag,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable Long personId,
			@RequestParam(defaultValue = "false") boolean ended,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int size) {
		return this.lists.list(user, flag, gridId, personId, ended, cursor, size);
	}

	@GetMapping("/{id}")
	ResponseEntity<SpecialFlag> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		SpecialFlag flag = this.lists.get(user, id);
		return ResponseEntity.ok().eTag(IfMatch.etag(flag.version())).body(flag);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Put a person on a list: {personId, flag, subCode (NINE_SPECIAL only), since, source, note?}")
	ResponseEntity<SpecialFlag> add(@AuthenticationPrincipal CurrentUser user, @RequestBody NewSpecialFlag body) {
		SpecialFlag flag = this.lists.add(user, body);
		return ResponseEntity.created(URI.create("/api/v1/special-lists/" + flag.id()))
			.eTag(IfMatch.etag(flag.version()))
			.body(flag);
	}

	@PostMapping("/{id}/end")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	@Operation(summary = "Take the person off the list on a day, with If-Match: {endedOn, reason?}")
	ResponseEntity<SpecialFlag> end(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody EndBody body) {
		SpecialFlag flag = this.lists.end(user, id, IfMatch.parse(ifMatch).version(), body.endedOn(), body.reason());
		return ResponseEntity.ok().eTag(IfMatch.etag(flag.version())).body(flag);
	}

	record EndBody(@Nullable LocalDate endedOn, @Nullable String reason) {
	}

}
