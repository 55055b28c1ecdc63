package org.anju.identity;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The console signs people in with a form, keeps them in a session cookie that scripts
 * cannot read and other sites do not send, demands a CSRF token on every form post, and
 * lets an idle session go after 30 minutes.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	String username;

	@BeforeAll
	void aLeaderWithTheirOwnPassword() {
		this.callers = new ApiCallers(this.mvc, this.json);
		UserAccount account = new RegistryFixtures(this.places, null, this.users).user(Role.LEADER, Set.of(), null,
				null);
		this.callers.firstLogin(account, RegistryFixtures.FIRST_PASSWORD);
		this.username = account.username();
	}

	@Test
	void theFormLoginSetsAnHttpOnlySameSiteSessionCookie() {
		MockHttpServletResponse login = logIn();

		assertThat(login.getStatus()).isEqualTo(302);
		assertThat(login.getRedirectedUrl()).isEqualTo("/");
		String cookie = sessionSetCookie(login);
		assertThat(cookie).containsIgnoringCase("; HttpOnly").containsPattern("(?i); SameSite=(Lax|Strict)");
	}

	@Test
	void theSessionCookieOpensTheConsole() {
		Cookie session = sessionCookie(logIn());

		MockHttpServletResponse home = this.callers.perform(get("/").cookie(session));

		assertThat(home.getStatus()).isEqualTo(200);
		assertThat(this.callers.perform(get("/")).getStatus()).as("without the cookie").isEqualTo(302);
	}

	@Test
	void aSessionEndsAfterThirtyIdleMinutes() {
		logIn();

		List<Integer> idle = this.jdbc
			.sql("select max_inactive_interval from spring_session where principal_name = :name")
			.param("name", this.username)
			.query(Integer.class)
			.list();

		assertThat(idle).isNotEmpty().allSatisfy((seconds) -> assertThat(seconds).isEqualTo(30 * 60));
	}

	@Test
	void aLoginWithoutTheCsrfTokenIsRefused() {
		MockHttpServletResponse response = this.callers
			.perform(post("/login").param("username", this.username).param("password", ApiCallers.OWN_PASSWORD));

		assertThat(response.getStatus()).isEqualTo(403);
	}

	@Test
	void aConsolePostWithoutTheCsrfTokenIsRefusedEvenInASession() {
		Cookie session = sessionCookie(logIn());

		MockHttpServletResponse withoutToken = this.callers.perform(post("/logout").cookie(session));
		MockHttpServletResponse withToken = this.callers.perform(post("/logout").cookie(session).with(csrf()));

		assertThat(withoutToken.getStatus()).isEqualTo(403);
		assertThat(withToken.getStatus()).isEqualTo(302);
		assertThat(withToken.getRedirectedUrl()).isEqualTo("/login?logout");
	}

	@Test
	void theLoginPageCarriesTheCsrfToken() {
		MockHttpServletResponse page = this.callers.perform(get("/login"));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(ApiCallers.content(page)).containsPattern("name=\"_csrf\"\\s+value=\"[^\"]+\"");
	}

	@Test
	void aWrongPasswordGoesBackToTheLoginPage() {
		UserAccount other = new RegistryFixtures(this.places, null, this.users).user(Role.LEADER, Set.of(), null, null);

		MockHttpServletResponse response = this.callers
			.perform(post("/login").param("username", other.username()).param("password", "Wrong-Pass-1").with(csrf()));

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
	}

	@Test
	void theSessionIdChangesAtLogin() {
		Cookie before = sessionCookie(this.callers.perform(get("/login")));

		MockHttpServletResponse login = this.callers.perform(post("/login").cookie(before)
			.param("username", this.username)
			.param("password", ApiCallers.OWN_PASSWORD)
			.with(csrf()));

		assertThat(login.getRedirectedUrl()).isEqualTo("/");
		assertThat(sessionCookie(login).getValue()).as("a session fixed before the login is not the one after it")
			.isNotEqualTo(before.getValue());
	}

	@Test
	void aPageWithPersonalDataIsNeitherCachedNorFramedNorSniffed() {
		MockHttpServletResponse page = this.callers.perform(get("/people").cookie(sessionCookie(logIn())));

		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getHeader("Cache-Control")).contains("no-store");
		assertThat(page.getHeader("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'");
		assertThat(page.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.getHeader("Referrer-Policy")).isEqualTo("same-origin");
	}

	private MockHttpServletResponse logIn() {
		return this.callers.perform(post("/login").param("username", this.username)
			.param("password", ApiCallers.OWN_PASSWORD)
			.with(csrf()));
	}

	private static String sessionSetCookie(MockHttpServletResponse response) {
		return response.getHeaders("Set-Cookie")
			.stream()
			.filter((header) -> header.startsWith("SESSION=") || header.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.getHeaders("Set-Cookie")));
	}

	private static Cookie sessionCookie(MockHttpServletResponse response) {
		String header = sessionSetCookie(response);
		String pair = header.substring(0, header.indexOf(';'));
		return new Cookie(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
	}

}
