package org.anju;

import java.util.ArrayList;
import java.util.Set;

import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Residents with portal accounts of their own, signed in for MockMvc requests the way the
 * portal's session holds them.
 */
public final class PortalResidents {

	private final RegistryFixtures registry;

	private final UserManagement users;

	public PortalResidents(RegistryFixtures registry, UserManagement users) {
		this.registry = registry;
		this.users = users;
	}

	/**
	 * @return the person's portal account, its first password already changed
	 */
	public CurrentUser account(Person person) {
		UserAccount account = this.registry.user(Role.RESIDENT, Set.of(), null, person.id());
		String mobile = this.registry.loginName(account);
		CurrentUser first = new CurrentUser(1, account.id(), mobile, account.displayName(), Role.RESIDENT, Set.of(),
				null, person.id(), true);
		this.users.changeOwnPassword(first, RegistryFixtures.FIRST_PASSWORD, ApiCallers.OWN_PASSWORD);
		return new CurrentUser(1, account.id(), mobile, account.displayName(), Role.RESIDENT, Set.of(), null,
				person.id(), false);
	}

	/**
	 * @return the request, made by the signed-in user
	 */
	public static MockHttpServletRequestBuilder as(CurrentUser user, MockHttpServletRequestBuilder request) {
		return request.with(signedIn(user));
	}

	/**
	 * @return what signs a request in as the user
	 */
	public static RequestPostProcessor signedIn(CurrentUser user) {
		var authorities = new ArrayList<SimpleGrantedAuthority>();
		user.role().permissions().forEach((p) -> authorities.add(new SimpleGrantedAuthority(p.name())));
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
	}

}
