package org.anju.people;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
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

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.anju.people.PersonalDataSheets.column;
import static org.anju.people.PersonalDataSheets.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The person's own data report: everything held about them, unmasked, and nothing about
 * anyone else; only for the administrator, only with a reason, and audited.
 */
@AnjuSpringTest
class PersonalDataReportTests {

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

	ApiCallers callers;

	RegistryFixtures fixtures;

	String admin;

	@BeforeEach
	void callers() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.admin = this.callers.adminToken();
	}

	@Test
	void theReportHoldsTheRegistryUnmaskedTheirAppealsAndNobodyElses() throws Exception {
		long room = this.fixtures.street().room().id();
		String idNumber = IdNumberFixtures.newIdNumber();
		String mobile = RegistryFixtures.mobile();
		Person person = this.fixtures.person(new PersonForm(RegistryFixtures.chineseName(), idNumber, mobile, room,
				List.of("RETIRED"), null, "机修厂", "=HYPERLINK(\"http://evil\")"));
		Person neighbour = this.fixtures.person(room);
		String own = appeal(person.id(), List.of(), "养老金没有到账");
		String signed = appeal(neighbour.id(), List.of(person.id()), "联名反映楼道漏水");
		String others = appeal(neighbour.id(), List.of(), "邻居自己的事");

		MockHttpServletResponse report = report(person.id(), "本人申请 2026-118号", "zh-CN");

		assertThat(report.getStatus()).as(content(report)).isEqualTo(200);
		assertThat(report.getContentType()).startsWith("application/vnd.openxmlformats");
		Map<String, List<List<String>>> sheets = read(report.getContentAsByteArray());
		assertThat(sheets.keySet()).containsExactly("登记信息", "人员类别", "变更记录", "诉求", "诉求办理过程");
		assertThat(sheets.get("登记信息")).contains(List.of("身份证号", idNumber), List.of("手机号", mobile),
				List.of("备注", "'=HYPERLINK(\"http://evil\")"));
		assertThat(column(sheets.get("诉求"), 0)).containsExactlyInAnyOrder("诉求编号", own, signed).doesNotContain(others);
		assertThat(column(sheets.get("诉求办理过程"), 0)).contains(own, signed).doesNotContain(others);
		assertThat(column(sheets.get("人员类别"), 0)).contains("RETIRED");
		assertThat(this.jdbc.sql("""
				select detail->>'reason' from audit_event
				where community_id = 1 and action = 'PERSONAL_DATA_REPORTED' and subject_id = :id
				""").param("id", String.valueOf(person.id())).query(String.class).list())
			.containsExactly("本人申请 2026-118号");
	}

	@Test
	void theSheetsAndHeadingsFollowTheReadersLanguage() throws Exception {
		Person person = this.fixtures.person(RegistryFixtures.form(null));
		Map<String, List<List<String>>> sheets = read(report(person.id(), "request 42", "en").getContentAsByteArray());
		assertThat(sheets.keySet()).contains("Registry", "Appeals");
		assertThat(sheets.get("Registry").get(0)).containsExactly("Field", "Value");
	}

	@Test
	void withoutAReasonNothingIsMadeAndNothingRecorded() {
		Person person = this.fixtures.person(RegistryFixtures.form(null));
		for (String reason : new String[] { "", " x ", "长".repeat(201) }) {
			MockHttpServletResponse refused = report(person.id(), reason, "zh-CN");
			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat((String) JsonPath.read(content(refused), "$.errors[0].field")).isEqualTo("reason");
		}
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where community_id = 1 and action = 'PERSONAL_DATA_REPORTED' and subject_id = :id
				""").param("id", String.valueOf(person.id())).query(Long.class).single()).isZero();
	}

	@Test
	void onlyTheAdministratorMakesItAndAnUnknownPersonIs404() {
		Person person = this.fixtures.person(RegistryFixtures.form(null));
		String leader = this.callers.firstLogin(this.fixtures.user(Role.LEADER, Set.of(), null, null),
				RegistryFixtures.FIRST_PASSWORD);
		assertThat(this.callers
			.perform(bearer(post("/api/v1/residents/{id}/personal-data-report", person.id()), leader)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"本人申请\"}"))
			.getStatus()).as("a leader may unmask one number, not export a whole person").isEqualTo(403);
		assertThat(report(Long.MAX_VALUE, "本人申请", "zh-CN").getStatus()).isEqualTo(404);
	}

	private String appeal(long personId, List<Long> coSigners, String title) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("personId", personId);
		body.put("coSignerIds", coSigners);
		body.put("categoryCode", "PROPERTY_REPAIR");
		body.put("channel", "WALK_IN");
		body.put("title", title);
		body.put("description", title + "，请尽快处理");
		MockHttpServletResponse created = this.callers
			.perform(bearer(post("/api/v1/appeals"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		return JsonPath.read(content(created), "$.number");
	}

	private MockHttpServletResponse report(long personId, String reason, String language) {
		return this.callers.perform(bearer(post("/api/v1/residents/{id}/personal-data-report", personId), this.admin)
			.header("Accept-Language", language)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(Map.of("reason", reason))));
	}

}
