package org.anju.care;

import java.util.Set;

import org.anju.RegistryFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Signs MockMvc console requests in as a real account, which the console re-reads on
 * every request.
 */
final class CareConsoleCallers {

	private CareConsoleCallers() {
	}

	static RequestPostProcessor signedIn(UserAccount account) {
		return signedIn(RegistryFixtures.COMMUNITY.value(), account);
	}

	static RequestPostProcessor signedIn(long community, UserAccount account) {
		CurrentUser user = new CurrentUser(community, account.id(), account.username(), account.displayName(),
				account.role(), account.gridIds(), account.departmentCode(), null, false);
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				account.role().permissions().stream().map((p) -> new SimpleGrantedAuthority(p.name())).toList()));
	}

	static UserAccount admin(UserManagement users) {
		return users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((user) -> user.role() == Role.ADMIN)
			.findFirst()
			.orElseThrow();
	}

	static UserAccount gridWorker(RegistryFixtures fixtures, long gridId) {
		return fixtures.user(Role.GRID_WORKER, Set.of(gridId), null, null);
	}

}
