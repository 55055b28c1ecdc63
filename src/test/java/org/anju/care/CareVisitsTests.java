package org.anju.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.RoutingRules;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.stability.Mood;
import org.anju.stability.MoodNote;
import org.anju.stability.MoodNotes;
import org.anju.stability.MoodSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A care visit over the API: it records what was brought, files the mood note that feeds
 * thinking dynamics, and turns a need into an appeal whose number the visit shows, all in
 * one transaction; bad input is named field by field in Chinese or English with nothing
 * written; and a grid worker cannot reach a visit or a person outside their grids.
 */
@AnjuSpringTest
class CareVisitsTests {

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
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	MoodNotes moodNotes;

	@Autowired
	JdbcClient jdbc;

	ApiCallers api;

	RegistryFixtures fixtures;

	String admin;

	long adminId;

	Street street;

	Person person;

	AppealCategory category;

	String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	@BeforeEach
	void aRetireeAndAPropertyCategory() {
		this.api = new ApiCallers(this.mvc, this.json);
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.admin = this.api.adminToken();
		this.adminId = CareConsoleCallers.admin(this.users).id();
		this.street = this.fixtures.street();
		this.person = this.fixtures.person(this.street.room().id());
		this.category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");
	}

	@Test
	void aVisitFilesItsMoodNoteAndTurnsANeedIntoAnAppealThatTheVisitShows() {
		MockHttpServletResponse recorded = record(this.admin, "zh-CN",
				Map.of("personId", this.person.id(), "date", this.today, "visitorIds", List.of(this.adminId), "reason",
						"FESTIVAL", "gifts",
						List.of(Map.of("item", "慰问金", "amountYuan", 500), Map.of("item", "月饼两盒", "amountYuan", "88.5")),
						"condition", "腿脚不便，很少下楼。", "mood", "CONCERNED", "needs",
						List.of(Map.of("text", "楼道灯坏了一个星期，晚上下楼看不见。", "createAppeal", true, "categoryCode",
								this.category.code()), Map.of("text", "想报名老年大学书法班。", "createAppeal", false))));

		assertThat(recorded.getStatus()).as(content(recorded)).isEqualTo(201);
		String visit = content(recorded);
		assertThat(new BigDecimal(JsonPath.read(visit, "$.giftTotalYuan").toString()))
			.isEqualByComparingTo(new BigDecimal("588.50"));
		String number = JsonPath.read(visit, "$.needs[0].appealNumber");
		assertThat(number).matches("\\d{4}-\\d{6}");
		assertThat((Object) JsonPath.read(visit, "$.needs[1].appealId")).isNull();
		int appealId = JsonPath.read(visit, "$.needs[0].appealId");
		String appeal = content(this.api.perform(bearer(get("/api/v1/appeals/" + appealId), this.admin)));
		assertThat(JsonPath.<String>read(appeal, "$.number")).isEqualTo(number);
		assertThat(JsonPath.<String>read(appeal, "$.channel")).isEqualTo("VISIT");
		assertThat(JsonPath.<Integer>read(appeal, "$.personId")).isEqualTo((int) this.person.id());
		assertThat(JsonPath.<String>read(appeal, "$.categoryCode")).isEqualTo(this.category.code());
		assertThat(JsonPath.<String>read(appeal, "$.description")).isEqualTo("楼道灯坏了一个星期，晚上下楼看不见。");

		MoodNote note = this.moodNotes.get(RegistryFixtures.admin(),
				JsonPath.<Integer>read(visit, "$.moodNoteId").longValue());
		assertThat(note.personId()).isEqualTo(this.person.id());
		assertThat(note.mood()).isEqualTo(Mood.CONCERNED);
		assertThat(note.source()).isEqualTo(MoodSource.VISIT);
		assertThat(note.summary()).isEqualTo("腿脚不便，很少下楼。");

		int id = JsonPath.read(visit, "$.id");
		String audit = this.jdbc.sql("""
				select detail::text from audit_event where community_id = 1 and action = 'CARE_VISIT_RECORDED'
				  and subject_type = 'CARE_VISIT' and subject_id = :id
				""").param("id", Integer.toString(id)).query(String.class).single();
		assertThat(audit).contains("\"appealIds\": [" + appealId + "]").doesNotContain("腿脚不便");
		String read = content(this.api.perform(bearer(get("/api/v1/visits/" + id), this.admin)));
		assertThat(JsonPath.<String>read(read, "$.needs[0].appealNumber")).isEqualTo(number);
	}

	@Test
	void badInputIsNamedFieldByFieldInChineseAndEnglishAndNothingIsWritten() {
		Map<String, Object> body = Map.of("personId", this.person.id(), "date", "2026-13-01", "visitorIds", List.of(),
				"reason", "PARTY", "gifts",
				List.of(Map.of("item", " ", "amountYuan", -5), Map.of("item", "水果", "amountYuan", "1.234")),
				"condition", "", "mood", "HAPPY", "needs", List.of(Map.of("text", "门锁坏了", "createAppeal", true),
						Map.of("text", "要修水管", "createAppeal", true, "categoryCode", "NO_SUCH_CATEGORY")));

		MockHttpServletResponse zh = record(this.admin, "zh-CN", body);
		assertThat(zh.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(zh), "$.errors[*].field")).containsExactlyInAnyOrder("date",
				"visitorIds", "reason", "gifts[0].item", "gifts[0].amountYuan", "gifts[1].amountYuan", "condition",
				"mood", "needs[0].categoryCode", "needs[1].categoryCode");
		assertThat(content(zh)).contains("没有这个思想状态：HAPPY").contains("金额最多精确到分");
		MockHttpServletResponse en = record(this.admin, "en", body);
		assertThat(en.getStatus()).isEqualTo(422);
		assertThat(content(en)).contains("There is no such mood: HAPPY").contains("at most two decimals");

		assertThat(this.jdbc.sql("select count(*) from care_visit where community_id = 1 and person_id = :p")
			.param("p", this.person.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from mood_note where community_id = 1 and person_id = :p")
			.param("p", this.person.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aGridWorkerCannotVisitOrReadAVisitOutsideTheirGrids() {
		UserAccount worker = this.fixtures.user(Role.GRID_WORKER, Set.of(this.fixtures.street().grid().id()), null,
				null);
		String token = this.api.firstLogin(worker, RegistryFixtures.FIRST_PASSWORD);
		MockHttpServletResponse outside = record(token, "zh-CN", Map.of("personId", this.person.id(), "date",
				this.today, "visitorIds", List.of(worker.id()), "reason", "OTHER", "condition", "在家", "mood", "CALM"));
		assertThat(outside.getStatus()).isEqualTo(404);

		MockHttpServletResponse recorded = record(this.admin, "zh-CN", Map.of("personId", this.person.id(), "date",
				this.today, "visitorIds", List.of(this.adminId), "reason", "OTHER", "condition", "在家", "mood", "CALM"));
		assertThat(recorded.getStatus()).isEqualTo(201);
		int id = JsonPath.read(content(recorded), "$.id");
		assertThat(this.api.perform(bearer(get("/api/v1/visits/" + id), token)).getStatus()).isEqualTo(404);
		assertThat(this.api.perform(bearer(get("/api/v1/visits/" + id), this.admin)).getStatus()).isEqualTo(200);
		String mine = content(this.api.perform(bearer(get("/api/v1/visits"), token)));
		assertThat(JsonPath.<List<Integer>>read(mine, "$.items[*].id")).doesNotContain(id);
		MockHttpServletResponse generate = this.api
			.perform(bearer(post("/api/v1/visit-lists"), token).contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of("rule", "DOUBLE_NINTH", "year", 2026))));
		assertThat(generate.getStatus()).isEqualTo(403);
	}

	@Test
	void aListIsGeneratedOnceOverTheApiAndReadWithItsProgress() {
		MockHttpServletResponse bad = this.api
			.perform(bearer(post("/api/v1/visit-lists"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content(this.api.body(Map.of("rule", "HARDSHIP", "from", "2026-03-01", "to", "2026-02-01"))));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(bad), "$.errors[*].field")).containsExactly("to");
		assertThat(content(bad)).contains("The end date cannot be before the start date.");

		Map<String, Object> body = Map.of("rule", "ILLNESS", "from", "2026-01-01", "to", "2026-01-31");
		MockHttpServletResponse first = this.api
			.perform(bearer(post("/api/v1/visit-lists"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(body)));
		MockHttpServletResponse again = this.api
			.perform(bearer(post("/api/v1/visit-lists"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(body)));
		assertThat(List.of(first.getStatus(), again.getStatus())).containsAnyOf(201, 200).contains(200);
		int id = JsonPath.read(content(again), "$.list.id");
		assertThat(JsonPath.<Boolean>read(content(again), "$.created")).isFalse();
		String read = content(this.api.perform(bearer(get("/api/v1/visit-lists/" + id), this.admin)));
		assertThat(JsonPath.<String>read(read, "$.list.rule")).isEqualTo("ILLNESS");
		assertThat(JsonPath.<String>read(read, "$.list.dueDate")).isEqualTo("2026-01-31");
		assertThat(JsonPath.<Integer>read(read, "$.total"))
			.isEqualTo(JsonPath.<Integer>read(read, "$.list.progress.entries"));
		assertThat(this.api.perform(bearer(get("/api/v1/visit-lists/" + id + "/coverage"), this.admin)).getStatus())
			.isEqualTo(200);
		assertThat(this.api.perform(bearer(get("/api/v1/visit-lists/999999999"), this.admin)).getStatus())
			.isEqualTo(404);
	}

	private MockHttpServletResponse record(String token, String language, Map<String, ?> body) {
		return this.api.perform(bearer(post("/api/v1/visits"), token).contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", language)
			.content(this.api.body(body)));
	}

}
