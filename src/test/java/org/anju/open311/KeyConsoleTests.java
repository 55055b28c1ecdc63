package org.anju.open311;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The console page where an administrator hands a key to an outside body: the key shows
 * once, works at once, and stops working when revoked.
 */
@AnjuSpringTest
class KeyConsoleTests {

	private static final Pattern KEY = Pattern.compile("id=\"issued-key\">([^<]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Test
	void anAdministratorIssuesAKeyThatShowsOnceAndRevokesIt() throws Exception {
		String name = RegistryFixtures.unique("街道");
		String issued = this.mvc.perform(as(Role.ADMIN, post("/open311").with(csrf()).param("name", name)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher key = KEY.matcher(issued);
		assertThat(key.find()).as(issued).isTrue();
		assertThat(this.mvc.perform(get("/open311/v2/requests.json").param("api_key", key.group(1)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);

		String page = this.mvc.perform(as(Role.ADMIN, get("/open311")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(name).contains("href=\"/open311\"").doesNotContain(key.group(1));

		Matcher row = Pattern.compile(Pattern.quote(name) + "</td>.*?/open311/(\\d+)/revoke", Pattern.DOTALL)
			.matcher(page);
		assertThat(row.find()).isTrue();
		long id = Long.parseLong(row.group(1));
		this.mvc.perform(as(Role.ADMIN, post("/open311/{id}/revoke", id).with(csrf())))
			.andExpect(status().is3xxRedirection());
		assertThat(this.mvc.perform(get("/open311/v2/requests.json").param("api_key", key.group(1)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void aLeaderDoesNotSeeThePage() throws Exception {
		this.mvc.perform(as(Role.LEADER, get("/open311"))).andExpect(status().isForbidden());
	}

	/**
	 * Signs a new account of the role in, as the console's form login does.
	 */
	private MockHttpServletRequestBuilder as(Role role, MockHttpServletRequestBuilder request) {
		UserAccount opened = new RegistryFixtures(this.places, null, this.users).user(role, Set.of(), null, null);
		this.users.changeOwnPassword(user(opened), RegistryFixtures.FIRST_PASSWORD, "Later-Pass-2");
		CurrentUser user = user(this.users.get(RegistryFixtures.COMMUNITY, opened.id()));
		return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				role.permissions().stream().map((p) -> new SimpleGrantedAuthority(p.name())).toList())));
	}

	private static CurrentUser user(UserAccount account) {
		return new CurrentUser(RegistryFixtures.COMMUNITY.value(), account.id(), account.username(),
				account.displayName(), account.role(), account.gridIds(), account.departmentCode(), account.personId(),
				account.mustChangePassword());
	}

}
