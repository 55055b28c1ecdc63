package org.anju.identity;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.shared.IfMatch;
import org.anju.shared.InvalidInput;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts, for administrators.
 */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasAuthority('USERS_MANAGE')")
@Tag(name = "users", description = "Accounts, for administrators")
class UserApi {

	private final UserManagement users;

	UserApi(UserManagement users) {
		this.users = users;
	}

	@GetMapping
	@Operation(summary = "All accounts of the caller's community")
	Items list(@AuthenticationPrincipal CurrentUser caller) {
		return new Items(this.users.all(caller.community()));
	}

	@GetMapping("/{id}")
	ResponseEntity<UserAccount> get(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id) {
		UserAccount account = this.users.get(caller.community(), id);
		return ResponseEntity.ok().eTag(IfMatch.etag(account.version())).body(account);
	}

	@PostMapping
	@Operation(summary = "Open an account",
			description = "The password must be changed at first login. A resident's account takes "
					+ "{\"role\":\"RESIDENT\",\"personId\",\"password\"}: its username is the person's own mobile, "
					+ "shown masked, and its name the person's.")
	ResponseEntity<UserAccount> create(@AuthenticationPrincipal CurrentUser caller, @RequestBody UserBody body) {
		Role role = role(body.role());
		boolean resident = role == Role.RESIDENT;
		UserAccount created = this.users.create(caller.community(),
				new NewUser(resident
						? Objects.requireNonNullElse(body.username(), "") : required(body.username(), "username"),
						required(body.password(), "password"),
						resident ? Objects.requireNonNullElse(body.displayName(), "")
								: required(body.displayName(), "displayName"),
						role, grids(body.gridIds()), body.departmentCode(), body.personId()));
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
			.eTag(IfMatch.etag(created.version()))
			.body(created);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an account's name, role, grids, department or whether it may sign in")
	ResponseEntity<UserAccount> update(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody UserBody body) {
		long version = IfMatch.parse(ifMatch).version();
		UserAccount updated = this.users.update(caller.community(), id, version,
				new UserChange(required(body.displayName(), "displayName"), role(body.role()), grids(body.gridIds()),
						body.departmentCode(), body.personId(), (body.enabled() == null) || body.enabled()));
		return ResponseEntity.ok().eTag(IfMatch.etag(updated.version())).body(updated);
	}

	@PostMapping("/{id}/password")
	@Operation(summary = "Reset a password", description = "The user must change it at their next login.")
	UserAccount resetPassword(@AuthenticationPrincipal CurrentUser caller, @PathVariable long id,
			@RequestBody PasswordBody body) {
		return this.users.resetPassword(caller.community(), id, required(body.password(), "password"));
	}

	private static String required(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, "field.required");
		}
		return value;
	}

	private static Role role(@Nullable String role) {
		if (role == null) {
			throw new InvalidInput("role", "field.required");
		}
		try {
			return Role.valueOf(role.strip().toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("role", "user.role.unknown", role);
		}
	}

	private static Set<Long> grids(@Nullable List<Long> gridIds) {
		return (gridIds == null) ? Set.of() : Set.copyOf(gridIds);
	}

	record UserBody(@Nullable String username, @Nullable String password, @Nullable String displayName,
			@Nullable String role, @Nullable List<Long> gridIds, @Nullable String departmentCode,
			@Nullable Long personId, @Nullable Boolean enabled) {
	}

	record PasswordBody(@Nullable String password) {
	}

	record Items(List<UserAccount> items) {
	}

}
