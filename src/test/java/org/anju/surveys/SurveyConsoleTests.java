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
					.param("questions", "单选|最常用餐的时段|午餐")
					.with(csrf())));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(content(bad)).contains("第 1 题：选择题要有 2 到 20 个选项。");

		MockHttpServletResponse saved = this.api.perform(as(this.admin,
				post("/surveys").param("serviceLine", "CANTEEN")
					.param("title", "食堂满意度")
					.param("questions", "评分|菜品口味\n单选|最常用餐的时段|早餐;午餐;晚餐\n文字|?意见建议")
					.with(csrf())));
		assertThat(saved.getRedirectedUrl()).matches("/surveys/\\d+/edit\\?saved");
		long survey = Long.parseLong(saved.getRedirectedUrl().replaceAll("\\D+", " ").strip());
		String editor = content(this.api.perform(as(this.admin, get("/surveys/" + survey + "/edit"))));
		assertThat(editor).contains("第 1 版草稿", "评分|菜品口味", "文字|?意见建议");
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

}
