package org.anju.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.anju.identity.UserManagement;
import org.anju.people.PeopleSearch;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.stability.BacktestCommunity;
import org.anju.stability.KeyPersons;
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

	@Autowired
	KeyPersons keyPersons;

	@Autowired
	UserManagement users;

	@Test
	void theBuiltUpIncidentsAreHitAheadTheSurpriseIsMissedAndTheQuietGroupsRaiseNothing() throws Exception {
		BacktestCommunity community = new BacktestCommunity(this.jdbc, this.places, this.people, this.users);
		CurrentUser admin = community.admin;
		List<Place> grids = List.of(community.grid(), community.grid(), community.grid());
		for (int i = 0; i < 8; i++) {
			community.person(grids.get(i % 3), DemoIncidents.COLLECTIVE_GROUP);
		}
		for (String group : DemoIncidents.CONTROL_GROUPS) {
			for (int i = 0; i < 5; i++) {
				community.person(grids.get(i % 3), group);
			}
		}
		for (int i = 0; i < 3; i++) {
			community.person(grids.get(i), DemoIncidents.RESIDENTS);
		}
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		DemoIncidents incidents = new DemoIncidents(this.appeals, this.categories, this.notes, this.search, this.audit,
				this.keyPersons, this.users);
		List<DemoIncidents.Planted> planted = this.transaction.execute((status) -> incidents.plant(admin, today));

		MockHttpServletResponse report = backtest(admin, Map.of());

		assertThat(report.getStatus()).as(content(report)).isEqualTo(200);
		String body = content(report);
		assertThat((Integer) JsonPath.read(body, "$.hits")).as(body).isEqualTo(3);
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
			if (incident.day().equals(today.minusDays(3))) {
				// weekly visits stopped after day −36: four due days missed by day −7
				// make 4 × 4 = 16, yellow; the day before, three made 12
				assertThat(outcome.get("hit")).as(body).isEqualTo(true);
				assertThat(outcome.get("flaggedOn")).as(body).isEqualTo(today.minusDays(7).toString());
				assertThat(outcome.get("leadDays")).isEqualTo(4);
				assertThat((List<String>) outcome.get("signals")).first().isEqualTo("MISSED_CONTACTS");
			}
			else if (incident.kind().equals("ESCALATED") && incident.foreseeable()) {
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

}
