package org.anju.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * The password was right, and the account also needs the code from its authenticator app.
 */
class TwoFactorRequired extends AuthenticationException {

	TwoFactorRequired() {
		super("two-factor code required");
	}

}
