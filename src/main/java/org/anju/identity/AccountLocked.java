package org.anju.identity;

import java.time.Instant;

import org.springframework.security.authentication.LockedException;

/**
 * Too many failed logins: the account refuses every password until
 * {@link #lockedUntil()}.
 */
public class AccountLocked extends LockedException {

	private final Instant lockedUntil;

	AccountLocked(Instant lockedUntil) {
		super("locked until " + lockedUntil);
		this.lockedUntil = lockedUntil;
	}

	public Instant lockedUntil() {
		return this.lockedUntil;
	}

}
