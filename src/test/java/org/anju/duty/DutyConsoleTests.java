package org.anju.duty;

import java.util.Locale;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The console's duty pages: the tree with its posts, a post's page with both duties, the
 * holder's home page, the matrix and the coverage, and a form sent back with its reason.
 */
@AnjuSpringTest
class DutyConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	Posts posts;

	@Autowired
	Coverage coverage;

	RegistryFixtures fixtures;

	Street street;

	CurrentUser admin;

	@BeforeEach
	void aStreet() {
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.fixtures.street();
		this.admin = ConsoleFixtures.user(this.users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow());
	}

	@Test
	void aPostShowsBothDutiesOnItsPageAndOnItsHoldersHomePage() {
		UserAccount holder = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		String name = RegistryFixtures.unique("网格长");
		MockHttpServletResponse created = send(this.admin,
				post("/duty/posts").param("unitId", Long.toString(this.street.grid().id()))
					.param("name", name)
					.param("businessDuties", "走访登记新入住居民")
					.param("stabilityDuties", "每月排查楼栋矛盾并零报告"));
		assertThat(created.getStatus()).isEqualTo(302);
		long id = Long.parseLong(created.getRedirectedUrl().substring("/duty/posts/".length()));
		Post post = this.posts.get(RegistryFixtures.COMMUNITY, id);
		assertThat(send(this.admin,
				post("/duty/posts/{id}/holder", id).param("version", "0").param("userId", Long.toString(holder.id())))
			.getStatus()).isEqualTo(302);

		String page = page(this.admin, get("/duty/posts/{id}", id));
		assertThat(page).contains(name, "走访登记新入住居民", "每月排查楼栋矛盾并零报告", holder.displayName());
		String home = page(signedInAfterFirstLogin(holder), get("/"));
		assertThat(home).contains("我的岗位", name, "走访登记新入住居民", "每月排查楼栋矛盾并零报告");
		assertThat(page(this.admin, get("/duty"))).contains("党委", "工会", "团委", this.street.grid().name(), name);
		assertThat(post.name()).isEqualTo(name);
	}

	@Test
	void aPostWithoutStabilityDutiesIsSentBackWithTheReason() {
		MockHttpServletResponse refused = send(this.admin,
				post("/duty/posts").param("unitId", Long.toString(this.street.grid().id()))
					.param("name", RegistryFixtures.unique("岗")));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(text(refused)).contains("请填写稳定职责");
	}

	@Test
	void theMatrixAndTheCoveragePagesShowTheGaps() {
		this.coverage.check(RegistryFixtures.COMMUNITY);
		String matrix = page(this.admin, get("/duty/matrix").param("subjectType", "GRID").param("gapsOnly", "true"));
		assertThat(matrix).contains(this.street.grid().name(), "无责任人");
		String coverage = page(this.admin, get("/duty/coverage"));
		assertThat(coverage).contains("覆盖检查", "%", this.street.grid().name());
		UserAccount worker = this.fixtures.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null);
		Street other = this.fixtures.street();
		String own = page(signedInAfterFirstLogin(worker), get("/duty/matrix").param("subjectType", "GRID"));
		assertThat(own).contains(this.street.grid().name()).doesNotContain(other.grid().name());
	}

	/**
	 * @return the account as the console sees it once its first password was changed
	 */
	private CurrentUser signedInAfterFirstLogin(UserAccount account) {
		this.users.changeOwnPassword(ConsoleFixtures.user(account), RegistryFixtures.FIRST_PASSWORD, "Later-Pass-2");
		return ConsoleFixtures.user(this.users.get(RegistryFixtures.COMMUNITY, account.id()));
	}

	private String page(CurrentUser user, MockHttpServletRequestBuilder request) {
		MockHttpServletResponse response = send(user, request);
		assertThat(response.getStatus()).as(text(response)).isEqualTo(200);
		return text(response);
	}

	private MockHttpServletResponse send(CurrentUser user, MockHttpServletRequestBuilder request) {
		try {
			return this.mvc
				.perform(request.with(authentication(ConsoleFixtures.signedIn(user)))
					.with(csrf())
					.locale(Locale.SIMPLIFIED_CHINESE))
				.andReturn()
				.getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(MockHttpServletResponse response) {
		try {
			return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
