package org.anju.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.audit.AuditTrail;
import org.anju.places.PlaceManagement;
import org.anju.platform.ProblemWriter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two-step verification: set up with a first code, then needed at every login, each code
 * good once, recovery codes good once, wrong codes locking the account like wrong
 * passwords; reset by an administrator; and, for roles that must have it, nothing else
 * open until it is set up.
 */
@AnjuSpringTest
class TwoFactorTests {

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

	@Autowired
	AuditTrail audit;

	@Autowired
	ProblemWriter problems;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TotpSecrets secrets;

	ApiCallers callers;

	RegistryFixtures fixtures;

	UserAccount leader;

	String token;

	@BeforeEach
	void aLeader() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.fixtures = new RegistryFixtures(this.places, null, this.users);
		this.leader = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		this.token = this.callers.firstLogin(this.leader, RegistryFixtures.FIRST_PASSWORD);
	}

	@Test
	void onceSetUpEveryLoginNeedsACodeThatIsGoodOnce() {
		String secret = setUp();
		MockHttpServletResponse wrong = confirm("12345x");
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(content(wrong), "$.errors[0].field")).isEqualTo("code");
		MockHttpServletResponse confirmed = confirm(Totp.code(secret, step()));
		assertThat(confirmed.getStatus()).as(content(confirmed)).isEqualTo(200);
		List<String> recovery = JsonPath.read(content(confirmed), "$.recoveryCodes");
		assertThat(recovery).hasSize(10)
			.doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[a-z2-9]{5}-[a-z2-9]{5}"));

		MockHttpServletResponse withoutCode = login(null);
		assertThat(withoutCode.getStatus()).isEqualTo(401);
		assertThat((String) JsonPath.read(content(withoutCode), "$.type")).endsWith("/two-factor-code-required");
		String next = Totp.code(secret, step() + 1);
		assertThat(login(next).getStatus()).isEqualTo(200);
		assertThat(login(next).getStatus()).as("a code opens one login only").isEqualTo(401);
		assertThat(login(recovery.get(3)).getStatus()).isEqualTo(200);
		assertThat(login(recovery.get(3)).getStatus()).as("a recovery code opens one login only").isEqualTo(401);
		assertThat(actions()).contains("TWO_FACTOR_ENABLED", "RECOVERY_CODE_USED");
	}

	@Test
	void fiveWrongCodesLockTheAccountLikeWrongPasswords() {
		String secret = setUp();
		assertThat(confirm(Totp.code(secret, step())).getStatus()).isEqualTo(200);
		for (int i = 0; i < PasswordLogin.ATTEMPTS - 1; i++) {
			assertThat(login("abcdef").getStatus()).isEqualTo(401);
		}
		assertThat(login("abcdef").getStatus()).isEqualTo(423);
		assertThat(login(Totp.code(secret, step() + 1)).getStatus()).as("locked, even with the right code")
			.isEqualTo(423);
	}

	@Test
	void anAdministratorResetsItForSomeoneWhoLostTheirPhone() {
		String secret = setUp();
		assertThat(confirm(Totp.code(secret, step())).getStatus()).isEqualTo(200);
		String path = "/api/v1/users/" + this.leader.id() + "/two-factor/reset";

		assertThat(this.callers.perform(bearer(post(path), this.token)).getStatus()).isEqualTo(403);
		assertThat(this.callers.perform(bearer(post(path), this.callers.adminToken())).getStatus()).isEqualTo(204);

		assertThat(login(null).getStatus()).isEqualTo(200);
		assertThat(actions()).contains("TWO_FACTOR_RESET");
		assertThat(this.callers.perform(bearer(post("/api/v1/users/0/two-factor/reset"), this.callers.adminToken()))
			.getStatus()).isEqualTo(404);
	}

	@Test
	void switchingItOffTakesACode() {
		String secret = setUp();
		assertThat(confirm(Totp.code(secret, step())).getStatus()).isEqualTo(200);
		assertThat(disable("000000x").getStatus()).isEqualTo(422);
		assertThat(disable(Totp.code(secret, step() + 1)).getStatus()).isEqualTo(204);
		assertThat(disable(Totp.code(secret, step() + 1)).getStatus()).as("already off").isEqualTo(409);
		assertThat(login(null).getStatus()).isEqualTo(200);
	}

	@Test
	void theConsoleFormTakesTheCodeAndShowsTheQrCodeToScan() throws Exception {
		Cookie session = consoleLogin();
		assertThat(this.callers.perform(post("/account/two-factor/setup").cookie(session).with(csrf())).getStatus())
			.isEqualTo(302);
		String page = content(this.callers.perform(get("/account/two-factor").cookie(session)));
		assertThat(page).contains("<svg").contains("<path");
		String secret = this.secrets.open(1, this.leader.id(),
				this.jdbc.sql("select secret from two_factor where community_id = 1 and user_id = :u")
					.param("u", this.leader.id())
					.query(String.class)
					.single());
		String confirmed = content(this.callers.perform(post("/account/two-factor/confirm").cookie(session)
			.param("code", Totp.code(secret, step()))
			.with(csrf())));
		assertThat(confirmed).contains("recovery-codes");

		MockHttpServletResponse withoutCode = this.callers
			.perform(post("/login").param("username", this.leader.username())
				.param("password", ApiCallers.OWN_PASSWORD)
				.with(csrf()));
		assertThat(withoutCode.getRedirectedUrl()).isEqualTo("/login?code");
		MockHttpServletResponse withCode = this.callers.perform(post("/login").param("username", this.leader.username())
			.param("password", ApiCallers.OWN_PASSWORD)
			.param("code", Totp.code(secret, step() + 1))
			.with(csrf()));
		assertThat(withCode.getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void aRoleThatMustHaveItReachesNothingElseUntilItIsSetUp() throws Exception {
		TwoFactor required = new TwoFactor(this.jdbc, this.audit, Clock.systemUTC(), Set.of(Role.LEADER), this.secrets);
		AccountGate gate = new AccountGate(this.problems, required);
		CurrentUser user = this.accounts.byId(RegistryFixtures.COMMUNITY, this.leader.id())
			.orElseThrow()
			.asCurrentUser();
		SecurityContextHolder.getContext().setAuthentication(PasswordLogin.authenticated(user));
		try {
			MockHttpServletResponse api = gated(gate, "/api/v1/residents");
			assertThat(api.getStatus()).isEqualTo(403);
			assertThat(api.getContentAsString()).contains("two-factor-required");
			assertThat(gated(gate, "/").getRedirectedUrl()).isEqualTo("/account/two-factor");
			assertThat(gated(gate, "/api/v1/auth/two-factor").getStatus()).as("the set-up itself is open")
				.isEqualTo(200);
			assertThat(gated(gate, "/account/two-factor").getStatus()).isEqualTo(200);

			String secret = setUp();
			assertThat(confirm(Totp.code(secret, step())).getStatus()).isEqualTo(200);
			assertThat(gated(gate, "/api/v1/residents").getStatus()).as("open once it is on").isEqualTo(200);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static MockHttpServletResponse gated(AccountGate gate, String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		gate.doFilter(request, response, new MockFilterChain());
		return response;
	}

	private String setUp() {
		MockHttpServletResponse setup = this.callers.perform(bearer(post("/api/v1/auth/two-factor"), this.token));
		assertThat(setup.getStatus()).as(content(setup)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(setup), "$.otpauthUri")).startsWith("otpauth://totp/Anju%3A")
			.contains("secret=");
		return JsonPath.read(content(setup), "$.secret");
	}

	private MockHttpServletResponse confirm(String code) {
		return this.callers
			.perform(bearer(post("/api/v1/auth/two-factor/confirm"), this.token).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("code", code))));
	}

	private MockHttpServletResponse disable(String code) {
		return this.callers
			.perform(bearer(post("/api/v1/auth/two-factor/disable"), this.token).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("code", code))));
	}

	private MockHttpServletResponse login(@Nullable String code) {
		Map<String, String> body = new HashMap<>(
				Map.of("username", this.leader.username(), "password", ApiCallers.OWN_PASSWORD));
		if (code != null) {
			body.put("code", code);
		}
		return this.callers.perform(
				post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(this.callers.body(body)));
	}

	private Cookie consoleLogin() {
		MockHttpServletResponse login = this.callers.perform(post("/login").param("username", this.leader.username())
			.param("password", ApiCallers.OWN_PASSWORD)
			.with(csrf()));
		String header = login.getHeaders("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.findFirst()
			.orElseThrow();
		return new Cookie("SESSION", header.substring("SESSION=".length(), header.indexOf(';')));
	}

	private List<String> actions() {
		return this.jdbc.sql("""
				select action from audit_event where community_id = 1 and subject_type = 'USER' and subject_id = :id
				""").param("id", String.valueOf(this.leader.id())).query(String.class).list();
	}

	private static long step() {
		return Totp.step(Instant.now());
	}

}
