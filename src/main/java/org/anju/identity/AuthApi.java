package org.anju.identity;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokens for programs, and who the caller is.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Tokens and the caller")
class AuthApi {

	private final PasswordLogin login;

	private final ApiTokens tokens;

	private final UserManagement users;

	private final MessageSource messages;

	AuthApi(PasswordLogin login, ApiTokens tokens, UserManagement users, MessageSource messages) {
		this.login = login;
		this.tokens = tokens;
		this.users = users;
		this.messages = messages;
	}

	@PostMapping("/token")
	@Operation(summary = "Trade a username and password for a bearer token",
			description = "Five failed attempts lock the account for 15 minutes (423 with lockedUntil).")
	TokenAnswer token(@RequestBody Credentials credentials) {
		if (credentials.username() == null || credentials.username().isBlank() || credentials.password() == null) {
			throw new InvalidInput("username", "auth.credentials.required");
		}
		var authentication = this.login.login(credentials.username().strip().toLowerCase(), credentials.password(),
				credentials.code());
		ApiTokens.Issued issued = this.tokens.issue((CurrentUser) authentication.getPrincipal());
		return new TokenAnswer(issued.token(), issued.expiresAt());
	}

	@GetMapping("/me")
	@Operation(summary = "The caller")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.actor(), user.displayName(), user.role(), user.gridIds(), user.departmentCode(),
				user.mustChangePassword());
	}

	@PostMapping("/password")
	@Operation(summary = "Change the caller's own password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal CurrentUser user, @RequestBody PasswordChange change) {
		this.users.changeOwnPassword(user, String.valueOf(change.currentPassword()),
				String.valueOf(change.newPassword()));
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(AuthenticationException ex) {
		var locale = LocaleContextHolder.getLocale();
		HttpStatus status;
		String code;
		if (ex instanceof AccountLocked) {
			status = HttpStatus.LOCKED;
			code = "auth.locked";
		}
		else if (ex instanceof TwoFactorRequired) {
			status = HttpStatus.UNAUTHORIZED;
			code = "auth.codeRequired";
		}
		else if (ex instanceof DisabledException) {
			status = HttpStatus.UNAUTHORIZED;
			code = "auth.disabled";
		}
		else {
			status = HttpStatus.UNAUTHORIZED;
			code = "auth.badCredentials";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, this.messages.getMessage(code, null, locale));
		problem.setType(URI.create("https://anju.org/problems/" + ((status == HttpStatus.LOCKED) ? "account-locked"
				: (ex instanceof TwoFactorRequired) ? "two-factor-code-required" : "unauthenticated")));
		problem.setTitle(this.messages.getMessage("problem.title." + status.value(), null, locale));
		if (ex instanceof AccountLocked locked) {
			problem.setProperty("lockedUntil", locked.lockedUntil().toString());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * @param code from the authenticator app (or a recovery code), for an account with
	 * two-factor login
	 */
	record Credentials(@Nullable String username, @Nullable String password, @Nullable String code) {
	}

	record TokenAnswer(String token, Instant expiresAt) {
	}

	record Me(String username, String displayName, Role role, Set<Long> gridIds, @Nullable String departmentCode,
			boolean mustChangePassword) {
	}

	record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
	}

}
