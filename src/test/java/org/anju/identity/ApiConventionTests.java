package org.anju.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * How the API signs callers in and answers what goes wrong: the forced first password
 * change, lockout, tokens, If-Match, bad query parameters and the caller's language.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiConventionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MessageSource messages;

	RegistryFixtures fixtures;

	ApiCallers callers;

	String admin;

	Place grid;

	@BeforeAll
	void signIn() {
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.grid = this.fixtures.street().grid();
	}

	@Test
	void untilTheFirstPasswordIsChangedEveryOtherCallIsRefused() {
		UserAccount account = this.fixtures.user(Role.ADMIN, Set.of(), null, null);
		String token = this.callers.token(account.username(), RegistryFixtures.FIRST_PASSWORD);

		for (String path : List.of("/api/v1/residents", "/api/v1/places", "/api/v1/users", "/api/v1/audit")) {
			MockHttpServletResponse refused = this.callers.perform(bearer(get(path), token));
			assertThat(refused.getStatus()).as(path).isEqualTo(403);
			assertThat((String) JsonPath.read(content(refused), "$.type")).endsWith("/password-change-required");
		}
		MockHttpServletResponse me = this.callers.perform(bearer(get("/api/v1/auth/me"), token));
		assertThat((Boolean) JsonPath.read(content(me), "$.mustChangePassword")).isTrue();

		MockHttpServletResponse wrong = this.callers
			.perform(bearer(post("/api/v1/auth/password"), token).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("currentPassword", "Wrong-Pass-1", "newPassword", "Own-Pass-2027"))));
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(wrong), "$.errors[*].field"))
			.containsExactly("currentPassword");

		this.callers.firstLogin(account, RegistryFixtures.FIRST_PASSWORD);

		assertThat(this.callers.perform(bearer(get("/api/v1/users"), token)).getStatus()).isEqualTo(200);
		assertThat(this.callers.tokenResponse(account.username(), RegistryFixtures.FIRST_PASSWORD).getStatus())
			.as("the first password is gone")
			.isEqualTo(401);
		assertThat(this.callers.token(account.username(), ApiCallers.OWN_PASSWORD)).isNotBlank();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
		UserAccount account = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		Instant before = Instant.now();

		for (int attempt = 1; attempt <= 4; attempt++) {
			MockHttpServletResponse refused = this.callers.tokenResponse(account.username(), "Wrong-Pass-" + attempt);
			assertThat(refused.getStatus()).as("attempt %d", attempt).isEqualTo(401);
			assertThat(refused.getContentType()).startsWith("application/problem+json");
		}
		MockHttpServletResponse fifth = this.callers.tokenResponse(account.username(), "Wrong-Pass-5");
		MockHttpServletResponse right = this.callers.tokenResponse(account.username(), RegistryFixtures.FIRST_PASSWORD);

		assertThat(fifth.getStatus()).isEqualTo(423);
		Instant lockedUntil = Instant.parse(JsonPath.read(content(fifth), "$.lockedUntil"));
		assertThat(lockedUntil).isBetween(before.plus(Duration.ofMinutes(14)),
				Instant.now().plus(Duration.ofMinutes(16)));
		assertThat(right.getStatus()).isEqualTo(423);
		assertThat((String) JsonPath.read(content(right), "$.lockedUntil")).isEqualTo(lockedUntil.toString());
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where community_id = 1 and action = 'LOGIN_FAILED'"
					+ " and actor = :actor")
			.param("actor", account.username())
			.query(Long.class)
			.single()).isEqualTo(6);
	}

	@Test
	void anAdministratorsResetUnlocksTheAccount() {
		UserAccount account = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.callers.tokenResponse(account.username(), "Wrong-Pass-" + attempt);
		}

		MockHttpServletResponse reset = this.callers
			.perform(bearer(post("/api/v1/users/{id}/password", account.id()), this.admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("password", "Reset-Pass-5"))));

		assertThat(reset.getStatus()).isEqualTo(200);
		assertThat(this.callers.tokenResponse(account.username(), "Reset-Pass-5").getStatus()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Bearer ", "Bearer garbage", "Bearer 1.garbage", "Bearer 0.x", "Bearer x.y",
			"Basic YWRtaW46QWRtaW4tUGFzcy0yMDI2" })
	void aBadTokenIsUnauthenticated(String authorization) {
		MockHttpServletRequestBuilder request = get("/api/v1/auth/me");
		if (!authorization.isEmpty()) {
			request.header("Authorization", authorization);
		}

		MockHttpServletResponse response = this.callers.perform(request);

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat((String) JsonPath.read(content(response), "$.type")).endsWith("/unauthenticated");
	}

	@Test
	void anExpiredTokenIsUnauthenticated() throws Exception {
		UserAccount account = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		String token = "1.expired-" + RegistryFixtures.unique("token");
		this.jdbc
			.sql("insert into api_token (community_id, token_hash, user_id, expires_at)"
					+ " values (1, :hash, :user, now() - interval '1 minute')")
			.param("hash",
					HexFormat.of()
						.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))))
			.param("user", account.id())
			.update();

		MockHttpServletResponse response = this.callers.perform(bearer(get("/api/v1/auth/me"), token));

		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).startsWith("application/problem+json");
	}

	@Test
	void aDisabledAccountsTokenStopsWorkingAtOnce() {
		UserAccount account = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		String token = this.callers.firstLogin(account, RegistryFixtures.FIRST_PASSWORD);

		MockHttpServletResponse disabled = this.callers
			.perform(bearer(put("/api/v1/users/{id}", account.id()), this.admin).header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers
					.body(Map.of("displayName", account.displayName(), "role", "LEADER", "enabled", false))));

		assertThat(disabled.getStatus()).as(content(disabled)).isEqualTo(200);
		assertThat(this.callers.perform(bearer(get("/api/v1/auth/me"), token)).getStatus()).isEqualTo(401);
	}

	@Test
	void aWriteWithoutIfMatchIsRefusedAsPreconditionRequired() {
		Place building = this.fixtures.building(this.grid);

		MockHttpServletResponse response = this.callers.perform(rename(building, null));

		assertThat(response.getStatus()).isEqualTo(428);
		assertThat(response.getContentType()).startsWith("application/problem+json");
	}

	@Test
	void aStaleIfMatchIsRefusedWithTheCurrentVersion() {
		Place building = this.fixtures.building(this.grid);
		assertThat(this.callers.perform(rename(building, "0")).getStatus()).isEqualTo(200);

		MockHttpServletResponse stale = this.callers.perform(rename(building, "\"0\""));

		assertThat(stale.getStatus()).isEqualTo(412);
		assertThat((Integer) JsonPath.read(content(stale), "$.currentVersion")).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"0\"", "0", "W/\"0\"" })
	void quotedAndBareVersionsAreBothAccepted(String ifMatch) {
		Place building = this.fixtures.building(this.grid);

		MockHttpServletResponse response = this.callers.perform(rename(building, ifMatch));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("ETag")).isEqualTo("\"1\"");
	}

	@ParameterizedTest
	@CsvSource({ "/api/v1/residents, size, 0", "/api/v1/residents, size, 500", "/api/v1/residents, size, many",
			"/api/v1/residents, status, FOO", "/api/v1/residents, cursor, garbage", "/api/v1/residents, gridId, x",
			"/api/v1/places, kind, FOO", "/api/v1/audit, size, 0", "/api/v1/audit, from, yesterday",
			"/api/v1/audit, cursor, garbage" })
	void aBadQueryParameterIsNamedInTheAnswer(String path, String parameter, String value) {
		MockHttpServletResponse response = this.callers.perform(bearer(get(path).param(parameter, value), this.admin));

		assertThat(response.getStatus()).as(content(response)).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat((List<String>) JsonPath.read(content(response), "$.errors[*].field")).containsExactly(parameter);
	}

	@Test
	void errorsSpeakEnglishWhenAskedTo() {
		MockHttpServletResponse english = this.callers
			.perform(badIdNumber().header("Accept-Language", "en-US,en;q=0.9"));
		MockHttpServletResponse chinese = this.callers.perform(badIdNumber());

		assertThat(english.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(content(english), "$.errors[0].message"))
			.isEqualTo(this.messages.getMessage("idNumber.format", null, Locale.ENGLISH))
			.doesNotContainPattern("\\p{IsHan}");
		assertThat((String) JsonPath.read(content(english), "$.title")).doesNotContainPattern("\\p{IsHan}");
		assertThat((String) JsonPath.read(content(chinese), "$.errors[0].message"))
			.isEqualTo(this.messages.getMessage("idNumber.format", null, Locale.SIMPLIFIED_CHINESE))
			.containsPattern("\\p{IsHan}");
	}

	@Test
	void securityErrorsSpeakEnglishWhenAskedTo() {
		MockHttpServletResponse english = this.callers.perform(get("/api/v1/auth/me").header("Accept-Language", "en"));

		assertThat(english.getStatus()).isEqualTo(401);
		assertThat((String) JsonPath.read(content(english), "$.detail"))
			.isEqualTo(this.messages.getMessage("problem.unauthenticated", null, Locale.ENGLISH))
			.doesNotContainPattern("\\p{IsHan}");
	}

	private MockHttpServletRequestBuilder badIdNumber() {
		return bearer(post("/api/v1/residents"), this.admin).contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(Map.of("name", RegistryFixtures.chineseName(), "idNumber", "12345")));
	}

	private MockHttpServletRequestBuilder rename(Place place, String ifMatch) {
		MockHttpServletRequestBuilder request = bearer(put("/api/v1/places/{id}", place.id()), this.admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(Map.of("name", RegistryFixtures.unique("改名"))));
		return (ifMatch != null) ? request.header("If-Match", ifMatch) : request;
	}

}
