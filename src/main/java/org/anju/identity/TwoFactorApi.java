package org.anju.identity;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Two-step verification over HTTP: the caller's own, and an administrator's reset of
 * someone else's.
 */
@RestController
@Tag(name = "auth", description = "Tokens and the caller")
class TwoFactorApi {

	private final TwoFactor twoFactor;

	TwoFactorApi(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	@PostMapping("/api/v1/auth/two-factor")
	@Operation(summary = "Start setting up two-step verification",
			description = "Answers the secret and the otpauth:// address an authenticator app scans; confirm with"
					+ " its first code.")
	TwoFactor.Setup setUp(@AuthenticationPrincipal CurrentUser user) {
		return this.twoFactor.setUp(user);
	}

	@PostMapping("/api/v1/auth/two-factor/confirm")
	@Operation(summary = "Switch two-step verification on with the app's first code",
			description = "Answers ten recovery codes, each good for one login, shown this once.")
	Map<String, List<String>> confirm(@AuthenticationPrincipal CurrentUser user, @RequestBody CodeBody body) {
		return Map.of("recoveryCodes", this.twoFactor.confirm(user, body.code()));
	}

	@PostMapping("/api/v1/auth/two-factor/disable")
	@Operation(summary = "Switch the caller's two-step verification off, with a code")
	ResponseEntity<Void> disable(@AuthenticationPrincipal CurrentUser user, @RequestBody CodeBody body) {
		this.twoFactor.disable(user, body.code());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/users/{id}/two-factor/reset")
	@PreAuthorize("hasAuthority('USERS_MANAGE')")
	@Operation(summary = "Switch someone's two-step verification off, for one who lost their phone; audited")
	ResponseEntity<Void> reset(@AuthenticationPrincipal CurrentUser admin, @PathVariable long id) {
		this.twoFactor.reset(admin, id);
		return ResponseEntity.noContent().build();
	}

	record CodeBody(@Nullable String code) {
	}

}
