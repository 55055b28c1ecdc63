package org.anju.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealManagement;
import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.people.PeopleSearch;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumberFixtures;
import org.anju.stability.MoodNotes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The backtest on the demo's planted incidents, in a community of their own: the engine,
 * looking back from the end of each day at what was known then, flags the collective
 * petition and the level-skipping petition that built up, misses the one that came out of
 * the blue, and leaves the quiet control groups alone.
 */
@AnjuSpringTest
class DemoBacktestTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	PeopleSearch search;

	@Autowired
	AppealManagement appeals;

	@Autowired
	AppealCategories categories;

	@Autowired
	MoodNotes notes;

	@Autowired
	AuditTrail audit;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theBuiltUpIncidentsAreHitAheadTheSurpriseIsMissedAndTheQuietGroupsRaiseNothing() throws Exception {
		CurrentUser admin = community();
		Place area = this.places.create(admin, PlaceKind.AREA, RegistryFixtures.unique("片区"), null);
		List<Place> grids = List.of(grid(admin, area), grid(admin, area), grid(admin, area));
		for (int i = 0; i < 8; i++) {
			person(admin, grids.get(i % 3), DemoIncidents.COLLECTIVE_GROUP);
		}
		for (String group : DemoIncidents.CONTROL_GROUPS) {
			for (int i = 0; i < 5; i++) {
				person(admin, grids.get(i % 3), group);
			}
		}
		person(admin, grids.get(0), DemoIncidents.RESIDENTS);
		person(admin, grids.get(1), DemoIncidents.RESIDENTS);
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		DemoIncidents incidents = new DemoIncidents(this.appeals, this.categories, this.notes, this.search, this.audit);
		List<DemoIncidents.Planted> planted = this.transaction.execute((status) -> incidents.plant(admin, today));

		MockHttpServletResponse report = backtest(admin, Map.of());

		assertThat(report.getStatus()).as(content(report)).isEqualTo(200);
		String body = content(report);
		assertThat((Integer) JsonPath.read(body, "$.hits")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(body, "$.misses")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(body, "$.falseAlarms")).as(body).isLessThanOrEqualTo(1);
		assertThat((List<Object>) JsonPath.read(body, "$.falseAlarmSubjects[*].subjectId")).as(body)
			.doesNotContainAnyElementsOf(DemoIncidents.CONTROL_GROUPS);
		for (DemoIncidents.Planted incident : planted) {
			if (incident.day() == null) {
				continue;
			}
			List<Map<String, Object>> outcomes = JsonPath.read(body,
					"$.incidents[?(@.subjects[0] == '" + incident.subject() + "')]");
			assertThat(outcomes).as(body).hasSize(1);
			Map<String, Object> outcome = outcomes.get(0);
			assertThat(outcome.get("hit")).as(incident.toString()).isEqualTo(incident.foreseeable());
			if (incident.kind().equals("ESCALATED") && incident.foreseeable()) {
				// the third housing appeal on day −18 makes 1 open + 2 repeats × 3 + 2
				// 不满意 × 4 = 15,
				// yellow for a person; the day before it was 11
				assertThat(outcome.get("leadDays")).isEqualTo(8);
				assertThat(outcome.get("flaggedOn")).isEqualTo(today.minusDays(18).toString());
			}
			if (incident.kind().equals("COLLECTIVE")) {
				// agitated notes in two grids within a week (day −24 and −23) are the
				// collective sign;
				// were the petition itself known early, the flag would stand all fourteen
				// days
				assertThat((Integer) outcome.get("leadDays")).isBetween(1, 5);
				assertThat(outcome.get("level")).isEqualTo("ORANGE");
				assertThat((List<String>) outcome.get("signals")).contains("COLLECTIVE_MOOD");
			}
		}
	}

	@Test
	void aPeriodThatCannotBeBacktestedIsNamedAndAGridWorkerMayNotRunOne() throws Exception {
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		MockHttpServletResponse reversed = callers
			.perform(bearer(post("/api/v1/risk-model/backtest"), callers.adminToken())
				.contentType(MediaType.APPLICATION_JSON)
				.content(callers.body(Map.of("from", today.minusDays(3).toString(), "to", today.minusDays(5).toString(),
						"lookbackDays", 0))));
		assertThat(reversed.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(reversed), "$.errors[*].field"))
			.containsExactlyInAnyOrder("from", "lookbackDays");
		MockHttpServletResponse future = backtest(RegistryFixtures.admin(), Map.of("to", today.plusDays(1).toString()));
		assertThat(future.getStatus()).isEqualTo(422);
		assertThat(backtest(RegistryFixtures.gridWorker(1L), Map.of()).getStatus()).isEqualTo(403);
	}

	private MockHttpServletResponse backtest(CurrentUser user, Map<String, Object> body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/risk-model/backtest").with(authentication(ConsoleFixtures.signedIn(user)))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn()
			.getResponse();
	}

	/**
	 * @return the administrator of a new community with the reference data of community 1
	 * and nobody in it
	 */
	private CurrentUser community() {
		long id = this.jdbc
			.sql("insert into community (id, name) select coalesce(max(id), 0) + 1, :name from community returning id")
			.param("name", "回测社区 " + UUID.randomUUID())
			.query(Long.class)
			.single();
		for (String copy : List.of("""
				insert into department (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from department where community_id = 1
				""", """
				insert into interest_group (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from interest_group where community_id = 1
				""", """
				insert into appeal_category (community_id, code, parent_code, name_zh, name_en, department_code,
				                             limit_days, warning_percent, callback_required, sort)
				select :c, code, parent_code, name_zh, name_en, department_code, limit_days, warning_percent,
				       callback_required, sort
				from appeal_category where community_id = 1
				""")) {
			this.jdbc.sql(copy).param("c", id).update();
		}
		return new CurrentUser(id, 0, "backtest-fixtures", "测试夹具", Role.ADMIN, Set.of(), null, null, false);
	}

	private Place grid(CurrentUser admin, Place area) {
		return this.places.create(admin, PlaceKind.GRID, RegistryFixtures.unique("网格"), area.id());
	}

	private void person(CurrentUser admin, Place grid, String group) {
		Place building = this.places.create(admin, PlaceKind.BUILDING, RegistryFixtures.unique("楼"), grid.id());
		Place room = this.places.create(admin, PlaceKind.ROOM, RegistryFixtures.unique("房"), building.id());
		this.people.register(admin, new PersonForm(RegistryFixtures.chineseName(), IdNumberFixtures.newIdNumber(),
				RegistryFixtures.mobile(), room.id(), List.of(group), null, null, null));
	}

}
