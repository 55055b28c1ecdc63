package org.anju.letters;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.letters.LetterFixtures.Area;
import org.anju.shared.Territory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The console's letter forms: a leader creates a letter on the list page and edits its
 * targets on the letter's page through the service the API uses; a refused form comes
 * back as typed with each message next to its field; staff without the manage permission
 * get no form and cannot post one.
 */
@AnjuSpringTest
class LetterFormTests {

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

	CurrentUser leader;

	int year;

	@BeforeEach
	void aLeader() {
		this.fixtures = LetterFixtures.from(this.context);
		this.registry = this.fixtures.registry;
		this.year = LocalDate.now(Territory.ZONE).getYear();
		this.leader = opened(Role.LEADER, null);
	}

	private CurrentUser opened(Role role, @Nullable String department) {
		UserAccount account = this.registry.user(role, Set.of(), department, null);
		this.fixtures.callers.firstLogin(account, RegistryFixtures.FIRST_PASSWORD);
		return ConsoleFixtures.user(this.users.get(RegistryFixtures.COMMUNITY, account.id()));
	}

	@Test
	void aLeaderCreatesALetterOnTheListPageAndSeesItListed() throws Exception {
		Area area = this.fixtures.area();
		String form = page(get("/letters"), this.leader);
		assertThat(form).contains("id=\"new-letter\"", "name=\"targets[0].threshold\"", "越级上访件数",
				"name=\"year\" value=\"" + this.year + "\"");
		assertThat(form).as("each row's metric labels its checkbox")
			.contains("id=\"targets0.included1\"", "for=\"targets0.included1\"");
		String title = RegistryFixtures.unique("东区稳定工作责任状");

		MockHttpServletResponse created = send(post("/letters").param("title", title)
			.param("issuerUnitId", String.valueOf(this.fixtures.administration()))
			.param("recipientUnitId", String.valueOf(area.street().area().id()))
			.param("recipientPostId", String.valueOf(area.post()))
			.param("year", String.valueOf(this.year))
			.param("from", "")
			.param("to", "")
			.param("targets[0].included", "true")
			.param("targets[0].metric", "COLLECTIVE_APPEALS")
			.param("targets[0].kind", "VETO")
			.param("targets[0].threshold", "0")
			.param("targets[0].points", "10")
			.param("targets[0].deduction", "0")
			.param("targets[1].metric", "ON_TIME_RESOLUTION")
			.param("targets[1].kind", "SCORED")
			.param("targets[1].threshold", "90")
			.param("targets[1].points", "30")
			.param("targets[1].deduction", "2")
			.param("targets[2].included", "true")
			.param("targets[2].metric", "CALLBACK_SATISFACTION")
			.param("targets[2].kind", "BONUS")
			.param("targets[2].threshold", "85")
			.param("targets[2].points", "5")
			.param("targets[2].deduction", "0"), this.leader);
		assertThat(created.getRedirectedUrl()).as(created.getContentAsString())
			.startsWith("/letters/")
			.endsWith("?created");
		long id = Long.parseLong(created.getRedirectedUrl().replaceAll("\\D+", ""));

		String api = content(this.fixtures.call(get("/api/v1/letters/{id}", id), this.fixtures.admin));
		assertThat((String) JsonPath.read(api, "$.title")).isEqualTo(title);
		assertThat((String) JsonPath.read(api, "$.from")).isEqualTo(this.year + "-01-01");
		assertThat((Integer) JsonPath.read(api, "$.recipientPostId")).isEqualTo((int) area.post());
		assertThat((List<String>) JsonPath.read(api, "$.versions[0].targets[*].metric"))
			.as("the unticked row is left out")
			.containsExactly("COLLECTIVE_APPEALS", "CALLBACK_SATISFACTION");
		assertThat((List<String>) JsonPath.read(api, "$.versions[0].targets[*].kind")).containsExactly("VETO", "BONUS");
		assertThat(page(get("/letters").param("year", String.valueOf(this.year)), this.leader))
			.contains("href=\"/letters/" + id + "\"", title);
		assertThat(page(get("/letters/{id}", id).param("created", ""), this.leader)).contains("责任状已新建");
	}

	@Test
	void aRefusedLetterComesBackAsTypedWithEachBadFieldNamedAndNothingWritten() throws Exception {
		Area area = this.fixtures.area();
		long before = letters();
		MockHttpServletResponse refused = send(post("/letters").param("title", "  ")
			.param("issuerUnitId", String.valueOf(area.street().area().id()))
			.param("recipientUnitId", String.valueOf(this.fixtures.administration()))
			.param("year", "")
			.param("from", "2026-03-01")
			.param("to", "2026-02-01")
			.param("targets[0].included", "true")
			.param("targets[0].metric", "ON_TIME_RESOLUTION")
			.param("targets[0].kind", "SCORED")
			.param("targets[0].threshold", "150")
			.param("targets[0].points", "30")
			.param("targets[0].deduction", "2")
			.param("targets[1].included", "true")
			.param("targets[1].metric", "ESCALATED_APPEALS")
			.param("targets[1].kind", "SCORED")
			.param("targets[1].threshold", "0")
			.param("targets[1].points", "5")
			.param("targets[1].deduction", "8"), this.leader);
		assertThat(refused.getStatus()).isEqualTo(422);
		String page = refused.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("标题必填，最多 100 个字。", "接收单位必须是发出单位的下级单位", "结束日期须不早于开始日期", "比率指标的目标值须在 0 至 100 之间。",
				"每次扣分不能为负，也不能超过该项分值。");
		assertThat(page).as("what was typed stays").contains("value=\"150\"", "value=\"8\"", "value=\"2026-03-01\"");
		assertThat(page.indexOf("比率指标的目标值须在 0 至 100 之间。")).as("next to the first row")
			.isBetween(page.indexOf("id=\"row-0\""), page.indexOf("id=\"row-1\""));
		assertThat(page.indexOf("每次扣分不能为负")).as("next to the second row").isGreaterThan(page.indexOf("id=\"row-1\""));
		assertThat(letters()).isEqualTo(before);

		MockHttpServletResponse unreadable = send(post("/letters").param("title", "稳定工作责任状")
			.param("year", "明年")
			.param("targets[0].included", "true")
			.param("targets[0].metric", "ON_TIME_RESOLUTION")
			.param("targets[0].threshold", "九十")
			.param("targets[0].points", "120")
			.param("lang", "en"), this.leader);
		assertThat(unreadable.getStatus()).isEqualTo(422);
		String english = unreadable.getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("The year must be a whole number from 2000 to 2100.",
				"The threshold must be a number.", "value=\"明年\"", "value=\"九十\"");
		int start = english.indexOf("id=\"row-0\"");
		String row = english.substring(start, english.indexOf("</tr>", start));
		assertThat(row).as("the service's rules are checked along with what could not be read")
			.contains("value=\"120\"", "Points must be between 0 and 100.")
			.doesNotContain("This field is required.");
		assertThat(letters()).isEqualTo(before);
	}

	@Test
	void departmentStaffGetNoFormAndCannotCreate() throws Exception {
		CurrentUser staff = opened(Role.DEPARTMENT_STAFF, "PROPERTY");
		assertThat(page(get("/letters"), staff)).doesNotContain("new-letter", "targets[0]");
		long before = letters();
		MockHttpServletResponse refused = send(post("/letters").param("title", "越权的责任状")
			.param("issuerUnitId", String.valueOf(this.fixtures.administration()))
			.param("year", String.valueOf(this.year)), staff);
		assertThat(refused.getStatus()).isIn(403, 404);
		assertThat(letters()).isEqualTo(before);
	}

	@Test
	void editingSignedTargetsMakesVersionTwoAndAStaleVersionIsRefusedWithTheFormKept() throws Exception {
		Area area = this.fixtures.area();
		long id = this.fixtures.letter(area, this.year);
		MockHttpServletResponse signed = this.fixtures.sign(id, 1, area.headToken());
		assertThat(signed.getStatus()).isEqualTo(200);
		long version = ((Number) JsonPath.read(content(signed), "$.version")).longValue();
		String page = page(get("/letters/{id}", id), this.leader);
		assertThat(page).contains("id=\"edit-targets\"", "name=\"version\" value=\"" + version + "\"", "保存后生成第 2 版");

		MockHttpServletResponse saved = send(edit(id, version, "70", "提高办结率要求"), this.leader);
		assertThat(saved.getRedirectedUrl()).as(saved.getContentAsString()).isEqualTo("/letters/" + id + "?revised=2");
		String api = content(this.fixtures.call(get("/api/v1/letters/{id}", id), this.fixtures.admin));
		assertThat((Integer) JsonPath.read(api, "$.currentVersion")).isEqualTo(2);
		assertThat((String) JsonPath.read(api, "$.versions[1].note")).isEqualTo("提高办结率要求");
		assertThat(((Number) JsonPath.read(api, "$.versions[1].targets[1].threshold")).intValue()).isEqualTo(70);
		assertThat(((Number) JsonPath.read(api, "$.versions[0].targets[2].threshold")).intValue())
			.as("the signed version is kept")
			.isEqualTo(90);

		MockHttpServletResponse stale = send(edit(id, version, "65", "晚到的修改"), this.leader);
		assertThat(stale.getStatus()).isEqualTo(412);
		String again = stale.getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("责任状已被他人修改（最新为第 2 版", "value=\"65\"", "value=\"晚到的修改\"");
		long now = ((Number) JsonPath.read(api, "$.version")).longValue();
		assertThat(again).as("saving once more goes through").contains("name=\"version\" value=\"" + now + "\"");
		String after = content(this.fixtures.call(get("/api/v1/letters/{id}", id), this.fixtures.admin));
		assertThat((Integer) JsonPath.read(after, "$.currentVersion")).isEqualTo(2);
		assertThat(((Number) JsonPath.read(after, "$.versions[1].targets[1].threshold")).intValue()).isEqualTo(70);
	}

	private static MockHttpServletRequestBuilder edit(long id, long version, String threshold, String note) {
		return post("/letters/{id}/targets", id).param("version", String.valueOf(version))
			.param("note", note)
			.param("targets[0].included", "true")
			.param("targets[0].metric", "COLLECTIVE_APPEALS")
			.param("targets[0].kind", "VETO")
			.param("targets[0].threshold", "0")
			.param("targets[0].points", "10")
			.param("targets[0].deduction", "0")
			.param("targets[1].included", "true")
			.param("targets[1].metric", "ON_TIME_RESOLUTION")
			.param("targets[1].kind", "SCORED")
			.param("targets[1].threshold", threshold)
			.param("targets[1].points", "30")
			.param("targets[1].deduction", "2");
	}

	private long letters() {
		return this.jdbc.sql("select count(*) from letter where community_id = 1").query(Long.class).single();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
		return this.mvc.perform(request.with(authentication(ConsoleFixtures.signedIn(user))).with(csrf()))
			.andReturn()
			.getResponse();
	}

	private String page(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
		MockHttpServletResponse response = send(request, user);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

}
