package org.anju.surveys;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.PortalResidents;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumberFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.PortalResidents.as;
import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A canteen questionnaire is written, published and revised; a campaign draws a seeded
 * stratified sample in an area, staff and a resident answer, the response rate and the
 * follow-ups show, a low score becomes an appeal, and the canteen's satisfaction index
 * moves by the documented formula.
 */
@AnjuSpringTest
class SurveyTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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

	ApiCallers api;

	RegistryFixtures registry;

	String admin;

	Place area;

	Place grid;

	Place room;

	LocalDate today;

	@BeforeEach
	void anAreaOfItsOwn() {
		this.api = new ApiCallers(this.mvc, this.json);
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.admin = this.api.adminToken();
		this.area = this.registry.area();
		this.grid = this.registry.grid(this.area);
		this.room = this.registry.room(this.registry.building(this.grid));
		this.today = LocalDate.now(SHANGHAI);
	}

	@Test
	void aPublishedVersionIsFrozenAndEditingStartsTheNextDraft() {
		MockHttpServletResponse created = call(post("/api/v1/surveys"), null, questionnaire("食堂满意度", "菜品口味"));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		long id = number(created, "$.id");
		assertThat(created.getHeader("ETag")).isEqualTo("\"0\"");

		MockHttpServletResponse edited = call(put("/api/v1/surveys/" + id), "\"0\"",
				questionnaire("食堂满意度（修订）", "饭菜口味"));
		assertThat(edited.getStatus()).as(content(edited)).isEqualTo(200);
		assertThat((Integer) JsonPath.read(content(edited), "$.latestVersion")).as("a draft is edited in place")
			.isEqualTo(1);
		assertThat(call(post("/api/v1/surveys/" + id + "/publish"), "\"0\"", null).getStatus()).as("stale")
			.isEqualTo(412);
		assertThat(call(post("/api/v1/surveys/" + id + "/publish"), null, null).getStatus()).isEqualTo(428);
		MockHttpServletResponse published = call(post("/api/v1/surveys/" + id + "/publish"), "\"1\"", null);
		assertThat((Integer) JsonPath.read(content(published), "$.publishedVersion")).isEqualTo(1);
		assertThat(call(post("/api/v1/surveys/" + id + "/publish"), "\"2\"", null).getStatus())
			.as("nothing left to publish")
			.isEqualTo(409);

		MockHttpServletResponse revised = call(put("/api/v1/surveys/" + id), "\"2\"",
				questionnaire("食堂满意度 2027", "早餐品种"));
		assertThat((Integer) JsonPath.read(content(revised), "$.latestVersion")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(content(revised), "$.publishedVersion")).isEqualTo(1);
		MockHttpServletResponse first = call(get("/api/v1/surveys/" + id + "/versions/1"), null, null);
		assertThat((String) JsonPath.read(content(first), "$.questions[0].text")).as("version 1 stays as published")
			.isEqualTo("饭菜口味");
		assertThat((String) JsonPath.read(content(first), "$.title")).isEqualTo("食堂满意度（修订）");
		MockHttpServletResponse second = call(get("/api/v1/surveys/" + id + "/versions/2"), null, null);
		assertThat((String) JsonPath.read(content(second), "$.questions[0].text")).isEqualTo("早餐品种");
		assertThat((Object) JsonPath.read(content(second), "$.publishedAt")).isNull();
		assertThat(audits("SURVEY", id)).containsExactly("SURVEY_CREATED", "SURVEY_EDITED", "SURVEY_PUBLISHED",
				"SURVEY_EDITED");
	}

	@Test
	void theSeededStratifiedDrawRepeatsExactly() {
		for (int i = 0; i < 6; i++) {
			person("RETIRED");
		}
		for (int i = 0; i < 4; i++) {
			person("VETERAN_RETIRED");
		}
		long survey = publishedSurvey();
		long first = campaign(survey, 5, 20261126L);
		MockHttpServletResponse opened = call(get("/api/v1/survey-campaigns/" + first), null, null);
		assertThat((Integer) JsonPath.read(content(opened), "$.sampled")).isEqualTo(5);
		// 6 : 4 of 10 people → 3 : 2 of 5
		assertThat(JsonPath.<List<Integer>>read(content(opened), "$.strata[*].sampled")).containsExactly(3, 2);
		assertThat(JsonPath.<List<String>>read(content(opened), "$.strata[*].key"))
			.containsExactly(this.area.id() + ":RETIRED", this.area.id() + ":VETERAN_RETIRED");

		long again = campaign(survey, 5, 20261126L);
		assertThat(sampleIds(again)).isEqualTo(sampleIds(first)).hasSize(5);
		MockHttpServletResponse check = call(get("/api/v1/survey-campaigns/" + first + "/draw-check"), null, null);
		assertThat((Boolean) JsonPath.read(content(check), "$.repeats")).isTrue();

		person("RETIRED");
		MockHttpServletResponse changed = call(get("/api/v1/survey-campaigns/" + first + "/draw-check"), null, null);
		assertThat((Boolean) JsonPath.read(content(changed), "$.repeats"))
			.as("a new resident in a stratum changes the draw, and the check says so")
			.isFalse();
	}

	@Test
	void aCanteenCampaignRunsAndMovesTheCanteensIndex() {
		Person phoned = person("RETIRED");
		Person online = person("VETERAN_RETIRED");
		Person silent = person("RETIRED");
		satisfiedCanteenCallback(phoned);
		LocalDate from = this.today.minusDays(1);
		LocalDate to = this.today.plusDays(1);
		// before any survey: the callbacks alone (满意 = 80)
		assertThat(areaIndex(from, to)).isEqualTo(80.0);

		long campaign = campaign(publishedSurvey(), 10, this.area.id());
		MockHttpServletResponse taken = answer(campaign, phoned.id(), "PHONE", Map.of("q1", 5, "q2", 4, "q3", "午餐"));
		assertThat(taken.getStatus()).as(content(taken)).isEqualTo(201);
		assertThat((Double) JsonPath.read(content(taken), "$.score")).isEqualTo(87.5);
		assertThat(answer(campaign, phoned.id(), "VISIT", Map.of("q1", 5, "q2", 5, "q3", "午餐")).getStatus())
			.as("once per person")
			.isEqualTo(409);

		CurrentUser resident = new PortalResidents(this.registry, this.users).account(online);
		String portal = content(perform(as(resident, get("/portal/surveys"))));
		assertThat(portal).contains("食堂满意度调查 " + this.area.id());
		MockHttpServletResponse form = perform(as(resident, get("/portal/surveys/" + campaign)));
		assertThat(content(form)).contains("菜品口味", "意见建议");
		MockHttpServletResponse sent = perform(as(resident,
				post("/portal/surveys/" + campaign).param("q1", "2")
					.param("q2", "1")
					.param("q3", "晚餐")
					.param("q4", "饭菜太咸，窗口太少")
					.with(csrf())));
		assertThat(sent.getRedirectedUrl()).isEqualTo("/portal/surveys?answered");
		assertThat(content(perform(as(resident, get("/portal/surveys"))))).doesNotContain("食堂满意度调查 " + this.area.id());

		MockHttpServletResponse read = call(get("/api/v1/survey-campaigns/" + campaign), null, null);
		assertThat((Integer) JsonPath.read(content(read), "$.sampled")).isEqualTo(3);
		assertThat((Integer) JsonPath.read(content(read), "$.responded")).isEqualTo(2);
		assertThat((Double) JsonPath.read(content(read), "$.responseRate")).isEqualTo(66.7);
		MockHttpServletResponse followUps = call(get("/api/v1/survey-campaigns/" + campaign + "/non-respondents"), null,
				null);
		assertThat(JsonPath.<List<Integer>>read(content(followUps), "$[*].personId"))
			.containsExactly((int) silent.id());

		// the documented formula: 0.4 × mean callback score + 0.6 × mean survey score,
		// a rating r scoring (r - 1) × 25
		double callbacks = 80;
		double surveys = (((5 - 1) * 25 + (4 - 1) * 25) / 2.0 + ((2 - 1) * 25 + (1 - 1) * 25) / 2.0) / 2;
		assertThat(areaIndex(from, to)).isEqualTo(0.4 * callbacks + 0.6 * surveys);
		MockHttpServletResponse trend = call(get("/api/v1/surveys/satisfaction-index/CANTEEN/trend")
			.param("from", this.today.withDayOfMonth(1).toString())
			.param("to", this.today.toString()), null, null);
		assertThat((Integer) JsonPath.read(content(trend), "$[-1].responses")).isGreaterThanOrEqualTo(2);
		MockHttpServletResponse groups = call(
				get("/api/v1/surveys/satisfaction-index/CANTEEN/breakdown").param("from", from.toString())
					.param("to", to.toString())
					.param("by", "GROUP"),
				null, null);
		assertThat(JsonPath.<List<String>>read(content(groups), "$[*].key")).contains("RETIRED", "VETERAN_RETIRED");
	}

	@Test
	void mergingTwoRecordsOfOneSampledPersonKeepsOneSampleAndOneAnswerForTheKeptRecord() {
		Person merged = person("RETIRED");
		long drawnAlone = campaign(publishedSurvey(), 10, this.area.id() + 1);
		Person kept = person("RETIRED");
		long drawnBoth = campaign(publishedSurvey(), 10, this.area.id() + 2);
		assertThat(sampleIds(drawnAlone)).containsExactly((int) merged.id());
		assertThat(sampleIds(drawnBoth)).containsExactlyInAnyOrder((int) merged.id(), (int) kept.id());
		assertThat(answer(drawnAlone, merged.id(), "PHONE", Map.of("q1", 5, "q2", 4, "q3", "午餐")).getStatus())
			.isEqualTo(201);
		assertThat(answer(drawnBoth, merged.id(), "PHONE", Map.of("q1", 2, "q2", 2, "q3", "晚餐")).getStatus())
			.isEqualTo(201);

		merge(kept, merged);

		for (long campaign : List.of(drawnAlone, drawnBoth)) {
			assertThat(sampleIds(campaign)).as("campaign %d holds the person once", campaign)
				.containsExactly((int) kept.id());
			assertThat(
					this.jdbc.sql("select person_id from survey_response where community_id = 1 and campaign_id = :k")
						.param("k", campaign)
						.query(Long.class)
						.list())
				.as("the answer follows the kept record")
				.containsExactly(kept.id());
			MockHttpServletResponse read = call(get("/api/v1/survey-campaigns/" + campaign), null, null);
			assertThat((Integer) JsonPath.read(content(read), "$.responded")).isEqualTo(1);
		}
		assertThat(audits("PERSON", kept.id())).contains("SURVEY_ROWS_MERGED");
	}

	@Test
	void mergingTwoRecordsDrawnButNotYetAnsweredKeepsOnePendingSampleAndIsAudited() {
		Person merged = person("RETIRED");
		long drawnAlone = campaign(publishedSurvey(), 10, this.area.id() + 3);
		Person kept = person("RETIRED");
		long drawnBoth = campaign(publishedSurvey(), 10, this.area.id() + 4);
		assertThat(sampleIds(drawnBoth)).containsExactlyInAnyOrder((int) merged.id(), (int) kept.id());

		merge(kept, merged);

		for (long campaign : List.of(drawnAlone, drawnBoth)) {
			assertThat(sampleIds(campaign)).as("campaign %d holds the person once", campaign)
				.containsExactly((int) kept.id());
			MockHttpServletResponse read = call(get("/api/v1/survey-campaigns/" + campaign), null, null);
			assertThat((Integer) JsonPath.read(content(read), "$.sampled")).isEqualTo(1);
			assertThat((Integer) JsonPath.read(content(read), "$.responded")).isZero();
		}
		String audit = mergeAudit(kept);
		assertThat((Integer) JsonPath.read(audit, "$.samplesDropped")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(audit, "$.samplesMoved")).isEqualTo(1);
	}

	@Test
	void mergingTwoRecordsThatBothAnsweredKeepsTheKeptRecordsAnswerAndTheOtherSheetInTheAudit() {
		Person kept = person("RETIRED");
		Person merged = person("RETIRED");
		long campaign = campaign(publishedSurvey(), 10, this.area.id() + 5);
		long keptAnswer = number(answer(campaign, kept.id(), "PHONE", Map.of("q1", 5, "q2", 5, "q3", "午餐")), "$.id");
		long mergedAnswer = number(answer(campaign, merged.id(), "VISIT", Map.of("q1", 1, "q2", 2, "q3", "晚餐")),
				"$.id");

		merge(kept, merged);

		assertThat(sampleIds(campaign)).containsExactly((int) kept.id());
		assertThat(this.jdbc.sql("select id from survey_response where community_id = 1 and campaign_id = :k")
			.param("k", campaign)
			.query(Long.class)
			.list()).containsExactly(keptAnswer);
		List<Map<String, Object>> dropped = JsonPath.read(mergeAudit(kept), "$.answersDropped");
		assertThat(dropped).singleElement().satisfies((sheet) -> {
			assertThat(((Number) sheet.get("id")).longValue()).isEqualTo(mergedAnswer);
			assertThat(sheet.get("channel")).isEqualTo("VISIT");
			assertThat((String) sheet.get("answers")).contains("晚餐");
		});
	}

	@Test
	void aLowScoreBecomesALinkedAppealOnce() {
		Person unhappy = person("RETIRED");
		Person content = person("RETIRED");
		long campaign = campaign(publishedSurvey(), 10, 11L);
		long low = number(answer(campaign, unhappy.id(), "VISIT", Map.of("q1", 1, "q2", 3, "q3", "早餐")), "$.id");
		long fine = number(answer(campaign, content.id(), "PHONE", Map.of("q1", 4, "q2", 5, "q3", "早餐")), "$.id");
		MockHttpServletResponse flagged = call(
				get("/api/v1/survey-responses").param("campaignId", "" + campaign).param("flagged", "true"), null,
				null);
		assertThat(JsonPath.<List<Integer>>read(content(flagged), "$.items[*].id")).containsExactly((int) low);

		MockHttpServletResponse raised = call(post("/api/v1/survey-responses/" + low + "/appeal"), null, Map.of());
		assertThat(raised.getStatus()).as(content(raised)).isEqualTo(200);
		long appeal = number(raised, "$.appealId");
		MockHttpServletResponse filed = call(get("/api/v1/appeals/" + appeal), null, null);
		assertThat((String) JsonPath.read(content(filed), "$.categoryCode")).isEqualTo("CANTEEN");
		assertThat((Integer) JsonPath.read(content(filed), "$.personId")).isEqualTo((int) unhappy.id());
		assertThat((String) JsonPath.read(content(filed), "$.channel")).isEqualTo("VISIT");
		assertThat((String) JsonPath.read(content(filed), "$.description")).contains("菜品口味", "1");
		assertThat(call(post("/api/v1/survey-responses/" + low + "/appeal"), null, Map.of()).getStatus())
			.as("already an appeal")
			.isEqualTo(409);
		assertThat(call(post("/api/v1/survey-responses/" + fine + "/appeal"), null, Map.of()).getStatus())
			.as("nothing to raise")
			.isEqualTo(409);
		assertThat(audits("SURVEY_RESPONSE", low)).containsExactly("SURVEY_RESPONSE_RECORDED",
				"SURVEY_RESPONSE_APPEALED");
	}

	@Test
	void badInputIsNamedFieldByFieldInChineseOrEnglish() {
		MockHttpServletResponse empty = call(post("/api/v1/surveys"), null,
				Map.of("questions", List.of(Map.of("type", "SINGLE", "text", "时段", "options", List.of("午餐")))));
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(empty), "$.errors[*].field"))
			.containsExactlyInAnyOrder("serviceLine", "title", "questions[0].options");
		assertThat(
				JsonPath.<List<String>>read(content(empty), "$.errors[?(@.field == 'questions[0].options')].message"))
			.containsExactly("选择题要有 2 到 20 个选项。");
		MockHttpServletResponse english = this.api
			.perform(bearer(post("/api/v1/surveys"), this.admin).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of("serviceLine", "CANTEEN", "questions", List.of()))));
		assertThat(JsonPath.<List<String>>read(content(english), "$.errors[*].message"))
			.containsExactlyInAnyOrder("This field is required.", "Add at least one question.");

		long draft = number(call(post("/api/v1/surveys"), null, questionnaire("草稿", "口味")), "$.id");
		MockHttpServletResponse unpublished = call(post("/api/v1/survey-campaigns"), null,
				Map.of("surveyId", draft, "title", "x", "sampleSize", 0, "opensOn", this.today.toString(), "closesOn",
						this.today.minusDays(1).toString()));
		assertThat(JsonPath.<List<String>>read(content(unpublished), "$.errors[*].field"))
			.containsExactlyInAnyOrder("surveyId", "sampleSize", "closesOn");

		Person someone = person("RETIRED");
		long campaign = campaign(publishedSurvey(), 10, 3L);
		MockHttpServletResponse wrong = answer(campaign, someone.id(), "PORTAL",
				Map.of("q1", 7, "q3", "夜宵", "q9", "?"));
		assertThat(JsonPath.<List<String>>read(content(wrong), "$.errors[*].field")).containsExactly("channel");
		MockHttpServletResponse answers = answer(campaign, someone.id(), "PHONE",
				Map.of("q1", 7, "q3", "夜宵", "q9", "?"));
		assertThat(answers.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(answers), "$.errors[*].field"))
			.containsExactlyInAnyOrder("answers.q1", "answers.q2", "answers.q3", "answers.q9");
		Person outsider = this.registry.person(this.registry.street().room().id());
		MockHttpServletResponse notDrawn = answer(campaign, outsider.id(), "PHONE",
				Map.of("q1", 3, "q2", 3, "q3", "午餐"));
		assertThat(JsonPath.<List<String>>read(content(notDrawn), "$.errors[*].message"))
			.containsExactly("此人不在本次调查的样本中。");
		assertThat(this.jdbc.sql("select count(*) from survey_response where campaign_id = :c")
			.param("c", campaign)
			.query(Long.class)
			.single()).as("nothing half-written").isZero();
	}

	@Test
	void aGridWorkerFollowsUpOnlyTheirOwnGrids() {
		Person here = person("RETIRED");
		long campaign = campaign(publishedSurvey(), 10, 5L);
		long answered = number(answer(campaign, here.id(), "PHONE", Map.of("q1", 3, "q2", 3, "q3", "午餐")), "$.id");
		Person waiting = person("RETIRED");
		long second = campaign(publishedSurvey(), 10, 5L);

		String own = gridWorker(this.grid);
		String other = gridWorker(this.registry.grid(this.area));
		MockHttpServletResponse mine = this.api
			.perform(bearer(get("/api/v1/survey-campaigns/" + second + "/non-respondents"), own));
		assertThat(JsonPath.<List<Integer>>read(content(mine), "$[*].personId")).contains((int) waiting.id(),
				(int) here.id());
		MockHttpServletResponse theirs = this.api
			.perform(bearer(get("/api/v1/survey-campaigns/" + second + "/non-respondents"), other));
		assertThat(JsonPath.<List<Integer>>read(content(theirs), "$[*].personId")).isEmpty();
		assertThat(this.api.perform(bearer(get("/api/v1/survey-responses/" + answered), other)).getStatus())
			.isEqualTo(404);
		assertThat(this.api.perform(bearer(get("/api/v1/survey-responses/" + answered), own)).getStatus())
			.isEqualTo(200);
		MockHttpServletResponse outOfReach = this.api
			.perform(bearer(post("/api/v1/survey-responses"), other).contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of("campaignId", second, "personId", waiting.id(), "channel", "VISIT",
						"answers", Map.of("q1", 3, "q2", 3, "q3", "午餐")))));
		assertThat(outOfReach.getStatus()).isEqualTo(404);
		assertThat(this.api
			.perform(bearer(post("/api/v1/survey-campaigns"), own).contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of())))
			.getStatus()).as("a grid worker does not open campaigns").isEqualTo(403);
	}

	private String gridWorker(Place grid) {
		UserAccount account = this.registry.user(Role.GRID_WORKER, Set.of(grid.id()), null, null);
		return this.api.firstLogin(account, RegistryFixtures.FIRST_PASSWORD);
	}

	private void satisfiedCanteenCallback(Person person) {
		long appeal = number(call(post("/api/v1/appeals"), null, Map.of("personId", person.id(), "categoryCode",
				"CANTEEN", "channel", "PHONE", "title", "食堂排队太久", "description", "午餐窗口排队半小时")), "$.id");
		String version = act(appeal, "0", "assign", Map.of("departmentCode", "CANTEEN"));
		version = act(appeal, version, "accept", Map.of());
		version = act(appeal, version, "resolve", Map.of("reply", "增开两个窗口"));
		act(appeal, version, "callback", Map.of("satisfaction", "SATISFIED"));
	}

	private String act(long id, String version, String action, Map<String, Object> body) {
		MockHttpServletResponse response = call(post("/api/v1/appeals/" + id + "/" + action), version, body);
		assertThat(response.getStatus()).as("%s: %s", action, content(response)).isEqualTo(200);
		return response.getHeader("ETag");
	}

	private double areaIndex(LocalDate from, LocalDate to) {
		MockHttpServletResponse areas = call(
				get("/api/v1/surveys/satisfaction-index/CANTEEN/breakdown").param("from", from.toString())
					.param("to", to.toString())
					.param("by", "AREA"),
				null, null);
		assertThat(areas.getStatus()).as(content(areas)).isEqualTo(200);
		List<Double> index = JsonPath.read(content(areas), "$[?(@.key == '" + this.area.id() + "')].index");
		assertThat(index).hasSize(1);
		return index.get(0);
	}

	private Person person(String group) {
		return this.registry.person(new PersonForm(RegistryFixtures.chineseName(), IdNumberFixtures.newIdNumber(),
				RegistryFixtures.mobile(), this.room.id(), List.of(group), null, "测试单位", null));
	}

	private Map<String, Object> questionnaire(String title, String firstQuestion) {
		return Map.of("serviceLine", "CANTEEN", "title", title, "questions",
				List.of(Map.of("type", "RATING", "text", firstQuestion), Map.of("type", "RATING", "text", "服务态度"),
						Map.of("type", "SINGLE", "text", "最常用餐的时段", "options", List.of("早餐", "午餐", "晚餐")),
						Map.of("type", "TEXT", "text", "意见建议", "required", false)));
	}

	private long publishedSurvey() {
		long id = number(call(post("/api/v1/surveys"), null, questionnaire("食堂满意度", "菜品口味")), "$.id");
		assertThat(call(post("/api/v1/surveys/" + id + "/publish"), "\"0\"", null).getStatus()).isEqualTo(200);
		return id;
	}

	private long campaign(long survey, int size, long seed) {
		MockHttpServletResponse opened = call(post("/api/v1/survey-campaigns"), null,
				Map.of("surveyId", survey, "title", "食堂满意度调查 " + seed, "sampleSize", size, "seed", seed, "areaId",
						this.area.id(), "opensOn", this.today.toString(), "closesOn",
						this.today.plusDays(30).toString()));
		assertThat(opened.getStatus()).as(content(opened)).isEqualTo(201);
		return number(opened, "$.id");
	}

	private List<Integer> sampleIds(long campaign) {
		MockHttpServletResponse sample = call(get("/api/v1/survey-campaigns/" + campaign + "/sample"), null, null);
		return JsonPath.<List<Integer>>read(content(sample), "$[*].personId").stream().sorted().toList();
	}

	private MockHttpServletResponse answer(long campaign, long person, String channel, Map<String, Object> answers) {
		return call(post("/api/v1/survey-responses"), null,
				Map.of("campaignId", campaign, "personId", person, "channel", channel, "answers", answers));
	}

	private void merge(Person kept, Person merged) {
		MockHttpServletResponse merge = call(post("/api/v1/residents/" + kept.id() + "/merge"), null,
				Map.of("mergedId", merged.id()));
		assertThat(merge.getStatus()).as(content(merge)).isEqualTo(200);
	}

	private String mergeAudit(Person kept) {
		return this.jdbc
			.sql("select detail::text from audit_event where action = 'SURVEY_ROWS_MERGED' and subject_type = 'PERSON'"
					+ " and subject_id = :id")
			.param("id", "" + kept.id())
			.query(String.class)
			.single();
	}

	private List<String> audits(String type, long id) {
		return this.jdbc.sql("select action from audit_event where subject_type = :t and subject_id = :id order by id")
			.param("t", type)
			.param("id", "" + id)
			.query(String.class)
			.list();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String ifMatch, Object body) {
		request = bearer(request, this.admin);
		if (ifMatch != null) {
			request = request.header("If-Match", ifMatch);
		}
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(this.api.body(body));
		}
		return this.api.perform(request);
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) {
		return this.api.perform(request);
	}

	private static long number(MockHttpServletResponse response, String path) {
		assertThat(response.getStatus()).as(content(response)).isBetween(200, 201);
		return ((Number) JsonPath.read(content(response), path)).longValue();
	}

}
