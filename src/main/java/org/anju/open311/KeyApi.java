package org.anju.open311;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Open311 keys for outside bodies, for administrators: managing who may send appeals in
 * is managing access, so it takes the permission to manage accounts.
 */
@RestController
@RequestMapping("/api/v1/open311/keys")
@PreAuthorize("hasAuthority('USERS_MANAGE')")
@Tag(name = "open311 keys", description = "Keys that outside bodies send as Open311 api_key")
class KeyApi {

	private final Open311Keys keys;

	KeyApi(Open311Keys keys) {
		this.keys = keys;
	}

	@PostMapping
	@Operation(summary = "Issue a key to an outside body",
			description = "The answer's apiKey is shown this once; only its SHA-256 is kept.")
	ResponseEntity<Open311Key.Issued> issue(@AuthenticationPrincipal CurrentUser caller, @RequestBody KeyBody body) {
		Open311Key.Issued issued = this.keys.issue(caller, body.name());
		return ResponseEntity.created(URI.create("/api/v1/open311/keys/" + issued.id())).body(issued);
	}

	@GetMapping
	@Operation(summary = "The community's keys, live and revoked, newest first, without their text",
			description = "A community holds few keys, so the list is never paged: next is always null.")
	Items list(@AuthenticationPrincipal CurrentUser caller) {
		List<Open311Key> all = this.keys.all(caller.community());
		return new Items(all, null, all.size());
	}

	@GetMapping("/{id}")
	Open311Key get(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id) {
		return this.keys.get(caller.community(), id);
	}

	@PostMapping("/{id}/revoke")
	@Operation(summary = "Revoke a key", description = "Its requests stay; a second revocation is 409.")
	Open311Key revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id) {
		return this.keys.revoke(caller, id);
	}

	record KeyBody(@Nullable String name) {
	}

	record Items(List<Open311Key> items, @Nullable String next, int total) {
	}

}
