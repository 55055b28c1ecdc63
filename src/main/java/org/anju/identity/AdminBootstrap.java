package org.anju.identity;

import java.security.SecureRandom;
import java.util.Set;

import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start, opens the administrator {@code admin}. Its password comes from
 * {@code ANJU_ADMIN_PASSWORD}; without it, a random one is printed once and must be
 * changed at the first login. There is no default password.
 */
@Component
@Order(AdminBootstrap.ORDER)
class AdminBootstrap implements ApplicationRunner {

	/**
	 * Just after the highest precedence, which a restore takes: the administrator of a
	 * restored database is the one in the backup.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final UserManagement users;

	private final UserAccounts accounts;

	private final TransactionTemplate transaction;

	private final String configuredPassword;

	private final CommunityId community;

	AdminBootstrap(UserManagement users, UserAccounts accounts, TransactionTemplate transaction,
			@Value("${anju.admin-password:}") String configuredPassword,
			@Value("${anju.community-id:1}") long community) {
		this.users = users;
		this.accounts = accounts;
		this.transaction = transaction;
		this.configuredPassword = configuredPassword;
		this.community = new CommunityId(community);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.accounts.usernameTaken(ADMIN)) {
			return;
		}
		boolean generated = this.configuredPassword.isBlank();
		String password = generated ? randomPassword() : this.configuredPassword;
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system", null, java.util.List.of()));
		try {
			this.transaction.executeWithoutResult((status) -> this.users.open(this.community,
					new NewUser(ADMIN, password, "系统管理员", Role.ADMIN, Set.of(), null, null), generated));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		if (generated) {
			// Printed once, on purpose: the operator needs it to sign in, and it must be
			// changed then.
			System.out.println();
			System.out.println("==========================================================");
			System.out.println(" Anju administrator created: admin / " + password);
			System.out.println(" This password is shown only now. Change it at first login.");
			System.out.println("==========================================================");
			System.out.println();
		}
		else {
			log.info("Administrator 'admin' created with the password from ANJU_ADMIN_PASSWORD");
		}
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		password.append(random.nextInt(10));
		return password.toString();
	}

}
