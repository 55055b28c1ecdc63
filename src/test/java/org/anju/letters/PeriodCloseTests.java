package org.anju.letters;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.letters.LetterFixtures.Area;
import org.anju.shared.Territory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A leader closes a whole period at once: every signed letter whose period has ended is
 * frozen with its audit row, the others are listed with their reason, and a failure
 * leaves every letter open. Each test works on a year of its own, far back, that no other
 * test's letters start in, so the lists are exact.
 */
@AnjuSpringTest
class PeriodCloseTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	LetterFixtures fixtures;

	RegistryFixtures registry;

	@BeforeEach
	void anAdministrator() {
		this.fixtures = LetterFixtures.from(this.context);
		this.registry = this.fixtures.registry;
	}

	@Test
	void closingAYearFreezesEverySignedLetterAndSaysWhyTheOthersWereLeft() {
		int year = 2003;
		Area area = this.fixtures.area();
		long signed = this.fixtures.letter(area, year);
		long unsigned = this.fixtures.letter(area, year);
		long closedBefore = this.fixtures.letter(area, year);
		sign(signed, area);
		MockHttpServletResponse early = sign(closedBefore, area);
		assertThat(this.fixtures
			.call(post("/api/v1/letters/{id}/close", closedBefore).header("If-Match", early.getHeader("ETag")),
					this.fixtures.admin)
			.getStatus()).isEqualTo(200);

		MockHttpServletResponse response = closeAll(Map.of("year", year), this.fixtures.admin, "zh");

		assertThat(response.getStatus()).as(content(response)).isEqualTo(200);
		String body = content(response);
		assertThat((List<Integer>) JsonPath.read(body, "$.closed[*].id")).containsExactly((int) signed);
		// the area had no appeals in that year: the veto (10), the escalation (20) and
		// the on-time rate with
		// nothing to count (30) are met, the callback bonus has no callback to earn it by
		assertThat(((Number) JsonPath.read(body, "$.closed[0].total")).doubleValue()).isEqualTo(60.0);
		assertThat((List<Integer>) JsonPath.read(body, "$.skipped[*].id")).containsExactly((int) unsigned,
				(int) closedBefore);
		assertThat((List<String>) JsonPath.read(body, "$.skipped[*].reason")).containsExactly("UNSIGNED",
				"CLOSED_ALREADY");
		assertThat((String) JsonPath.read(body, "$.skipped[0].message")).isEqualTo("责任状从未签订，不能结账考核。");
		assertThat(closes(signed)).as("one audit row for the letter closed").isEqualTo(1);
		assertThat(closes(unsigned)).isZero();
		assertThat(closes(closedBefore)).as("closed once, by hand").isEqualTo(1);
		String frozen = content(this.fixtures.call(get("/api/v1/letters/{id}/score", signed), area.headToken()));
		assertThat((Boolean) JsonPath.read(frozen, "$.frozen")).isTrue();

		String again = content(closeAll(Map.of("year", year), this.fixtures.admin, "zh"));
		assertThat((List<Object>) JsonPath.read(again, "$.closed")).as("closing again changes nothing").isEmpty();
		assertThat(closes(signed)).isEqualTo(1);
	}

	@Test
	void aLetterWhosePeriodRunsOnIsLeftOpen() {
		int year = LocalDate.now(Territory.ZONE).getYear();
		Area area = this.fixtures.area();
		long current = this.fixtures.letter(area, year);
		sign(current, area);

		String body = content(closeAll(Map.of("year", year), this.fixtures.admin, "en"));

		assertThat((List<Integer>) JsonPath.read(body, "$.closed[*].id")).doesNotContain((int) current);
		assertThat((List<String>) JsonPath.read(body, "$.skipped[?(@.id == " + current + ")].reason"))
			.containsExactly("PERIOD_RUNS");
		assertThat((List<String>) JsonPath.read(body, "$.skipped[?(@.id == " + current + ")].message"))
			.containsExactly("The period runs until " + year + "-12-31: it cannot be closed before.");
		assertThat(closes(current)).isZero();
	}

	@Test
	void whenOneLetterCannotBeFrozenNoneIsClosed() {
		int year = 2004;
		Area area = this.fixtures.area();
		long good = this.fixtures.letter(area, year);
		long broken = this.fixtures.letter(area, year);
		sign(good, area);
		sign(broken, area);
		// a metric that this build no longer knows: scoring the letter fails, after the
		// first was frozen
		this.jdbc.sql("update letter_target set metric = 'RETIRED_METRIC' where community_id = 1 and letter_id = :id")
			.param("id", broken)
			.update();

		assertThatThrownBy(() -> closeAll(Map.of("year", year), this.fixtures.admin, "zh"))
			.as("the broken letter fails the request")
			.hasStackTraceContaining("RETIRED_METRIC");
		assertThat(closes(good)).as("rolled back with the rest").isZero();
		assertThat(this.jdbc.sql("select closed_at is null from letter where community_id = 1 and id = :id")
			.param("id", good)
			.query(Boolean.class)
			.single()).isTrue();
	}

	@Test
	void aMissingOrImpossibleYearIsRefusedByName() {
		MockHttpServletResponse missing = closeAll(Map.of(), this.fixtures.admin, "zh");
		MockHttpServletResponse impossible = closeAll(Map.of("year", 1999), this.fixtures.admin, "en");
		MockHttpServletResponse notANumber = this.fixtures.callers.perform(ApiCallers.bearer(
				post("/api/v1/letters/close").contentType("application/json").content("{\"year\":\"去年\"}"),
				this.fixtures.admin));
		String staff = this.fixtures.callers.firstLogin(
				this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY", null), RegistryFixtures.FIRST_PASSWORD);

		assertThat(missing.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(missing), "$.errors[*].field")).containsExactly("year");
		assertThat((List<String>) JsonPath.read(content(missing), "$.errors[*].message")).containsExactly("此项必填。");
		assertThat(impossible.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(impossible), "$.errors[*].message"))
			.containsExactly("The year must be between 2000 and 2100.");
		assertThat(notANumber.getStatus()).isEqualTo(400);
		assertThat(closeAll(Map.of("year", 2003), staff, "zh").getStatus()).as("leaders close").isEqualTo(403);
	}

	@Test
	void theConsoleClosesTheYearShownAfterAskingAndListsWhatItDid() throws Exception {
		int year = 2005;
		Area area = this.fixtures.area();
		long signed = this.fixtures.letter(area, year);
		long unsigned = this.fixtures.letter(area, year);
		sign(signed, area);
		UserAccount account = this.registry.user(Role.LEADER, Set.of(), null, null);
		this.fixtures.callers.firstLogin(account, RegistryFixtures.FIRST_PASSWORD);
		var leader = authentication(ConsoleFixtures
			.signedIn(ConsoleFixtures.user(this.users.get(RegistryFixtures.COMMUNITY, account.id()))));

		MockHttpServletResponse shown = this.mvc
			.perform(get("/letters").param("year", String.valueOf(year)).with(leader))
			.andReturn()
			.getResponse();
		String list = shown.getContentAsString(StandardCharsets.UTF_8);
		MockHttpServletResponse closed = this.mvc
			.perform(post("/letters/close").param("year", String.valueOf(year)).with(leader).with(csrf()))
			.andReturn()
			.getResponse();
		MockHttpServletResponse bad = this.mvc
			.perform(post("/letters/close").param("year", "1999").with(leader).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(shown.getStatus()).isEqualTo(200);
		assertThat(list).contains("id=\"close-all\"", "data-confirm=\"结账并冻结 " + year + " 年度");
		assertThat(closed.getStatus()).isEqualTo(200);
		assertThat(closed.getContentAsString(StandardCharsets.UTF_8)).contains(year + " 年度：已结账 1 份，未结账 1 份。",
				"/letters/" + signed, "/letters/" + unsigned, "责任状从未签订，不能结账考核。", "总分 60 / 60");
		assertThat(closes(signed)).isEqualTo(1);
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("年度须在 2000 至 2100 之间。");
	}

	private MockHttpServletResponse sign(long letter, Area area) {
		MockHttpServletResponse signed = this.fixtures.sign(letter, 1, area.headToken());
		assertThat(signed.getStatus()).as(content(signed)).isEqualTo(200);
		return signed;
	}

	private MockHttpServletResponse closeAll(Map<String, Object> body, String token, String language) {
		return this.fixtures.call(post("/api/v1/letters/close").header("Accept-Language", language)
			.content(this.fixtures.callers.body(body)), token);
	}

	private long closes(long letter) {
		return this.jdbc
			.sql("select count(*) from audit_event where community_id = 1 and subject_type = 'LETTER' "
					+ "and subject_id = :id and action = 'LETTER_CLOSED'")
			.param("id", String.valueOf(letter))
			.query(Long.class)
			.single();
	}

}
