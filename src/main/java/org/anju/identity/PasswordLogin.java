package org.anju.identity;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password for the console's form and for the token endpoint alike.
 * Five failures in a row lock the account for fifteen minutes. Every login and failed
 * login is audited.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

	static final int ATTEMPTS = 5;

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	/** Spends the same time on an unknown username as on a wrong password. */
	private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BW6o2ZP9JNWxj7E4BRHo0ZkUFV1e";

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final AuditTrail audit;

	private final Clock clock;

	private final CommunityId defaultCommunity;

	private final TwoFactor twoFactor;

	PasswordLogin(UserAccounts accounts, PasswordEncoder encoder, AuditTrail audit, Clock clock,
			@Value("${anju.community-id:1}") long defaultCommunity, TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
		this.accounts = accounts;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
		this.defaultCommunity = new CommunityId(defaultCommunity);
	}

	@Override
	public Authentication authenticate(Authentication request) {
		String username = String.valueOf(request.getName()).strip().toLowerCase();
		String password = String.valueOf(request.getCredentials());
		return login(username, password, (request.getDetails() instanceof Code code) ? code.code() : null);
	}

	/**
	 * @param code the code from the authenticator app, or a recovery code, for an account
	 * with two-factor login
	 * @throws TwoFactorRequired when the password was right and the account needs a code
	 * that was not given
	 */
	Authentication login(String typed, String password, @Nullable String code) {
		String username = loginName(typed);
		var found = this.accounts.byUsername(username);
		if (found.isEmpty()) {
			this.encoder.matches(password, DUMMY_HASH);
			this.audit.recordAlone(this.defaultCommunity, username, "LOGIN_FAILED", "USER", username,
					Map.of("reason", "unknown user"));
			throw new BadCredentialsException("bad credentials");
		}
		UserAccounts.StoredAccount stored = found.get();
		UserAccount account = stored.account();
		Instant now = this.clock.instant();
		if (account.lockedAt(now)) {
			this.audit.recordAlone(stored.community(), username, "LOGIN_FAILED", "USER", account.id(),
					Map.of("reason", "locked"));
			throw new AccountLocked(account.lockedUntil());
		}
		if (!this.encoder.matches(password, stored.passwordHash())) {
			Instant lockedUntil = this.accounts.recordFailure(stored.community(), account.id(), ATTEMPTS,
					now.plus(LOCKOUT).truncatedTo(ChronoUnit.MICROS));
			this.audit.recordAlone(stored.community(), username, "LOGIN_FAILED", "USER", account.id(),
					Map.of("reason", (lockedUntil != null) ? "wrong password, now locked" : "wrong password"));
			if (lockedUntil != null) {
				throw new AccountLocked(lockedUntil);
			}
			throw new BadCredentialsException("bad credentials");
		}
		if (!account.enabled()) {
			this.audit.recordAlone(stored.community(), username, "LOGIN_FAILED", "USER", account.id(),
					Map.of("reason", "disabled"));
			throw new DisabledException("disabled");
		}
		if (this.twoFactor.enabled(stored.community(), account.id())) {
			if (code == null || code.isBlank()) {
				throw new TwoFactorRequired();
			}
			// A wrong code counts towards the lockout like a wrong password: six digits
			// are
			// guessed as easily as a weak password.
			if (!this.twoFactor.check(stored.community(), account.id(), code)) {
				Instant lockedUntil = this.accounts.recordFailure(stored.community(), account.id(), ATTEMPTS,
						now.plus(LOCKOUT).truncatedTo(ChronoUnit.MICROS));
				this.audit.recordAlone(stored.community(), username, "LOGIN_FAILED", "USER", account.id(),
						Map.of("reason", (lockedUntil != null) ? "wrong code, now locked" : "wrong code"));
				if (lockedUntil != null) {
					throw new AccountLocked(lockedUntil);
				}
				throw new BadCredentialsException("bad code");
			}
		}
		this.accounts.recordSuccess(stored.community(), account.id());
		this.audit.recordAlone(stored.community(), username, "LOGIN", "USER", account.id(), Map.of());
		return authenticated(stored.asCurrentUser());
	}

	/**
	 * A resident signs in with their mobile, typed as people type it: with spaces, dashes
	 * or {@code +86}.
	 */
	private static String loginName(String typed) {
		if (typed.matches("[+\\d\\s-]+")) {
			try {
				Phone phone = Phone.parse(typed.replace("-", ""));
				return phone.isMobile() ? phone.value() : typed;
			}
			catch (InvalidInput ex) {
				return typed;
			}
		}
		return typed;
	}

	static Authentication authenticated(CurrentUser user) {
		var authorities = user.role()
			.permissions()
			.stream()
			.map((permission) -> new SimpleGrantedAuthority(permission.name()))
			.collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	/**
	 * What the console's login form sends besides the username and password. Spring
	 * Security keeps it with the sign-in in the session, so it is serializable, but the
	 * code itself is transient: a used code has no business in the session table.
	 */
	static final class Code implements Serializable {

		private static final long serialVersionUID = 1L;

		private final transient @Nullable String code;

		Code(@Nullable String code) {
			this.code = code;
		}

		@Nullable String code() {
			return this.code;
		}

	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
