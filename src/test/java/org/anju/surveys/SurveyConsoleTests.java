package org.anju.surveys;

import java.time.LocalDate;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.PortalResidents.as;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Staff run a survey from the console in Chinese: write and publish a questionnaire, open
 * a campaign, take a resident's answers on the phone and read the index.
 */
@AnjuSpringTest
class SurveyConsoleTests {

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
	Surveys surveys;

	@Autowired
	JdbcClient jdbc;

	ApiCallers api;

	CurrentUser admin;

	Place area;

	Person person;

	@BeforeEach
	void aResidentInAnArea() {
		this.api = new ApiCallers(this.mvc, this.json);
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		this.admin = ConsoleFixtures.user(this.users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow());
		RegistryFixtures.Street street = registry.street();
		this.area = street.area();
		this.person = registry.person(street.room().id());
	}

	@Test
	void aQuestionnaireIsWrittenPublishedAskedAndAnsweredFromTheConsole() {
		MockHttpServletResponse bad = this.api.perform(as(this.admin,
				post("/surveys").param("serviceLine", "CANTEEN")
					.param("title", "食堂满意度")
					.param("questions[0].type", "SINGLE")
					.param("questions[0].text", "最常用餐的时段")
					.param("questions[0].options", "午餐")
					.with(csrf())));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(content(bad)).contains("第 1 题：选择题要有 2 到 20 个选项。");

		MockHttpServletResponse saved = this.api.perform(as(this.admin,
				post("/surveys").param("serviceLine", "CANTEEN")
					.param("title", "食堂满意度")
					.param("questions[0].type", "RATING")
					.param("questions[0].text", "菜品口味")
					.param("questions[0].required", "true")
					.param("questions[1].type", "SINGLE")
					.param("questions[1].text", "最常用餐的时段")
					.param("questions[1].options", "早餐\n午餐\n晚餐")
					.param("questions[1].required", "true")
					.param("questions[2].type", "TEXT")
					.param("questions[2].text", "意见建议")
					.param("_questions[2].required", "on")
					.with(csrf())));
		assertThat(saved.getRedirectedUrl()).matches("/surveys/\\d+/edit\\?saved");
		long survey = Long.parseLong(saved.getRedirectedUrl().replaceAll("\\D+", " ").strip());
		String editor = content(this.api.perform(as(this.admin, get("/surveys/" + survey + "/edit"))));
		assertThat(editor).contains("第 1 版草稿", "value=\"菜品口味\"", "value=\"意见建议\"", "早餐\n午餐\n晚餐");
		assertThat(this.api
			.perform(as(this.admin, post("/surveys/" + survey + "/publish").param("version", "0").with(csrf())))
			.getRedirectedUrl()).endsWith("?published");

		LocalDate today = LocalDate.now(SurveyCampaigns.SHANGHAI);
		MockHttpServletResponse opened = this.api.perform(as(this.admin,
				post("/surveys/campaigns").param("surveyId", "" + survey)
					.param("title", "食堂电话调查")
					.param("sampleSize", "10")
					.param("areaId", "" + this.area.id())
					.param("opensOn", today.toString())
					.param("closesOn", today.plusDays(7).toString())
					.with(csrf())));
		assertThat(opened.getRedirectedUrl()).as(content(opened)).matches("/surveys/campaigns/\\d+");
		String campaignPage = content(this.api.perform(as(this.admin, get(opened.getRedirectedUrl()))));
		assertThat(campaignPage).contains("0 / 1 (0.0%)", this.person.name(), "录入答卷");

		String respond = opened.getRedirectedUrl() + "/respond";
		assertThat(content(this.api.perform(as(this.admin, get(respond).param("personId", "" + this.person.id())))))
			.contains("菜品口味", "最常用餐的时段");
		MockHttpServletResponse missing = this.api.perform(as(this.admin,
				post(respond).param("personId", "" + this.person.id()).param("channel", "PHONE").with(csrf())));
		assertThat(missing.getStatus()).isEqualTo(422);
		assertThat(content(missing)).contains("第 1 题：请回答“菜品口味”。");
		MockHttpServletResponse answered = this.api.perform(as(this.admin,
				post(respond).param("personId", "" + this.person.id())
					.param("channel", "PHONE")
					.param("q1", "2")
					.param("q2", "午餐")
					.with(csrf())));
		assertThat(answered.getRedirectedUrl()).endsWith("?answered");
		assertThat(content(this.api.perform(as(this.admin, get(opened.getRedirectedUrl()))))).contains("1 / 1 (100.0%)",
				"转为诉求");

		String index = content(this.api.perform(as(this.admin, get("/surveys/index"))));
		assertThat(index).contains("服务满意度指数", "食堂", "离退休服务");
		assertThat(content(this.api.perform(as(this.admin, get("/surveys"))))).contains("食堂电话调查");
		assertThat(content(this.api.perform(as(this.admin, get("/surveys/index").param("lang", "en")))))
			.contains("Service satisfaction index");
	}

	@Test
	void theEditorAddsMovesAndRemovesQuestionsWithoutWritingAndKeepsWhatWasTyped() {
		String title = RegistryFixtures.unique("宾馆满意度");
		MockHttpServletResponse added = step("add:MULTIPLE", title, "RATING", "房间整洁", "");
		assertThat(added.getStatus()).isEqualTo(200);
		assertThat(content(added)).contains("value=\"" + title + "\"", "value=\"房间整洁\"", "第 2 题",
				"value=\"MULTIPLE\" selected");

		String moved = content(step("up:1", title, "RATING", "房间整洁", "", "SINGLE", "入住方式", "前台\n网上"));
		assertThat(moved.indexOf("入住方式")).isLessThan(moved.indexOf("房间整洁"));
		assertThat(moved).contains("前台\n网上");

		String removed = content(step("remove:0", title, "RATING", "房间整洁", "", "SINGLE", "入住方式", "前台\n网上"));
		assertThat(removed).doesNotContain("房间整洁").contains("入住方式");
		assertThat(versionsTitled(title)).isZero();

		MockHttpServletResponse refused = step("save", title, "RATING", "房间整洁", "", "MULTIPLE", "希望增加的服务", "洗衣");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(content(refused)).contains("第 2 题：选择题要有 2 到 20 个选项。", "value=\"希望增加的服务\"", ">洗衣</textarea>",
				"value=\"" + title + "\"");
		assertThat(versionsTitled(title)).isZero();
	}

	@Test
	void savingAPublishedQuestionnaireMakesTheNextVersionAndLeavesThePublishedOneAsItWas() {
		String title = RegistryFixtures.unique("班车满意度");
		MockHttpServletResponse saved = step("save", title, "RATING", "准点", "");
		assertThat(saved.getRedirectedUrl()).as(content(saved)).matches("/surveys/\\d+/edit\\?saved");
		long id = Long.parseLong(saved.getRedirectedUrl().replaceAll("\\D+", " ").strip());
		this.api.perform(as(this.admin, post("/surveys/" + id + "/publish").param("version", "0").with(csrf())));

		MockHttpServletResponse next = this.api.perform(as(this.admin,
				post("/surveys").param("id", "" + id)
					.param("version", "1")
					.param("serviceLine", "GUESTHOUSE")
					.param("title", title)
					.param("questions[0].type", "RATING")
					.param("questions[0].text", "准点")
					.param("questions[1].type", "SINGLE")
					.param("questions[1].text", "常坐线路")
					.param("questions[1].options", "一号线\n二号线")
					.with(csrf())));
		assertThat(next.getRedirectedUrl()).as(content(next)).endsWith("?saved");
		assertThat(this.surveys.version(this.admin, id, 1).questions()).extracting(Question::text)
			.containsExactly("准点");
		assertThat(this.surveys.version(this.admin, id, 2).questions()).extracting(Question::text)
			.containsExactly("准点", "常坐线路");
		assertThat(content(this.api.perform(as(this.admin, get("/surveys/" + id + "/edit"))))).contains("第 2 版草稿",
				"常坐线路");
	}

	private MockHttpServletResponse step(String step, String title, String... questions) {
		var request = post("/surveys").param("serviceLine", "GUESTHOUSE").param("title", title).param("step", step);
		for (int i = 0; i < questions.length / 3; i++) {
			request.param("questions[" + i + "].type", questions[3 * i])
				.param("questions[" + i + "].text", questions[3 * i + 1])
				.param("questions[" + i + "].options", questions[3 * i + 2])
				.param("questions[" + i + "].required", "true");
		}
		return this.api.perform(as(this.admin, request.with(csrf())));
	}

	private long versionsTitled(String title) {
		return this.jdbc.sql("select count(*) from survey_version where community_id = 1 and title = :t")
			.param("t", title)
			.query(Long.class)
			.single();
	}

}
