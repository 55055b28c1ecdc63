package org.anju.identity.web;

import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator appoints a department's head in the console; the head is then the one
 * the inbox tells of the department's nearly-due and overdue appeals. Others may not, and
 * an unknown account or department changes nothing.
 */
@AnjuSpringTest
class DepartmentHeadConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Autowired
	Departments departments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAdministratorAppointsAHeadAndOnlyAnAdministrator() throws Exception {
		RegistryFixtures fixtures = new RegistryFixtures(this.places, null, this.users);
		UserAccount head = fixtures.user(Role.DEPARTMENT_STAFF, Set.of(), "CANTEEN", null);
		UserAccount leader = fixtures.user(Role.LEADER, Set.of(), null, null);
		UserAccount administrator = this.users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow();
		RequestPostProcessor admin = authentication(ConsoleFixtures.signedIn(ConsoleFixtures.user(administrator)));

		this.mvc.perform(get("/users/department-heads").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("部门负责人")))
			.andExpect(content().string(containsString(head.displayName())));
		this.mvc
			.perform(post("/users/department-heads/CANTEEN").param("userId", String.valueOf(head.id()))
				.with(admin)
				.with(csrf()))
			.andExpect(redirectedUrl("/users/department-heads?saved"));
		assertThat(this.departments.head(RegistryFixtures.COMMUNITY, "CANTEEN")).contains(head.id());

		this.mvc.perform(post("/users/department-heads/CANTEEN").param("userId", "0").with(admin).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(post("/users/department-heads/NO_SUCH").param("userId", "").with(admin).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/users/department-heads/CANTEEN").param("userId", String.valueOf(leader.id()))
				.with(authentication(ConsoleFixtures.signedIn(signedInOnce(leader))))
				.with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.departments.head(RegistryFixtures.COMMUNITY, "CANTEEN")).as("refused changes left it as it was")
			.contains(head.id());
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where community_id = 1 and action = 'DEPARTMENT_HEAD_APPOINTED'
				and subject_id = 'CANTEEN' and (detail->>'headUserId')::bigint = :id
				""").param("id", head.id()).query(Long.class).single()).isEqualTo(1);
	}

	/**
	 * The leader as the console knows them once they changed their first password.
	 */
	private CurrentUser signedInOnce(UserAccount account) {
		this.users.changeOwnPassword(ConsoleFixtures.user(account), RegistryFixtures.FIRST_PASSWORD, "Own-Pass-2026");
		return ConsoleFixtures.user(this.users.get(RegistryFixtures.COMMUNITY, account.id()));
	}

}
