package org.anju.stability;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Screening rounds: opened once per period for every grid, reported with findings or an
 * explicit zero report, and a late grid reminded and escalated exactly once. Each test
 * opens a round of its own period, far from today's.
 */
@AnjuSpringTest
class ScreeningTests {

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
	ScreeningRounds rounds;

	@Autowired
	ScreeningClock clock;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	RegistryFixtures fixtures;

	String admin;

	Street street;

	String worker;

	@BeforeEach
	void aGridWithItsWorker() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.fixtures.street();
		this.worker = this.callers.firstLogin(
				this.fixtures.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null),
				RegistryFixtures.FIRST_PASSWORD);
	}

	@Test
	void twoNodesOpeningTheSamePeriodOpenOneRoundWithEveryGrid() throws Exception {
		LocalDate day = LocalDate.of(2031, 3, 3);
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			Future<Long> first = nodes.submit(() -> this.rounds.open(COMMUNITY, day));
			Future<Long> second = nodes.submit(() -> this.rounds.open(COMMUNITY, day));
			assertThat(first.get()).isEqualTo(second.get());
		}
		finally {
			nodes.shutdown();
		}
		long id = this.rounds.open(COMMUNITY, day);
		assertThat(audits("SCREENING_ROUND_OPENED", id)).hasSize(1);
		Street later = this.fixtures.street();
		this.rounds.open(COMMUNITY, day.plusDays(1));

		String round = content(this.callers.perform(bearer(get("/api/v1/screening-rounds/{id}", id), this.admin)));
		assertThat((String) JsonPath.read(round, "$.period")).isEqualTo("2031-03");
		assertThat((String) JsonPath.read(round, "$.deadline"))
			.isEqualTo(this.calendar.addWorkingDays(day, 5).toString());
		assertThat((List<Integer>) JsonPath.read(round, "$.grids[*].gridId"))
			.as("the grid made while the round runs joins it")
			.contains((int) this.street.grid().id(), (int) later.grid().id());
		String mine = content(this.callers.perform(bearer(get("/api/v1/screening-rounds/{id}", id), this.worker)));
		assertThat((List<Integer>) JsonPath.read(mine, "$.grids[*].gridId"))
			.containsExactly((int) this.street.grid().id());
		String listed = content(
				this.callers.perform(bearer(get("/api/v1/screening-rounds").param("size", "200"), this.worker)));
		assertThat((List<Integer>) JsonPath.read(listed, "$.items[*].id")).contains((int) id);
	}

	@Test
	void aGridFilesAZeroReportOnceAndAnotherFilesFindingsThatBecomeCasesAndNotes() {
		Street other = this.fixtures.street();
		long id = this.rounds.open(COMMUNITY, LocalDate.of(2031, 4, 1));
		MockHttpServletResponse zero = report(this.worker, id,
				Map.of("gridId", this.street.grid().id(), "zeroReport", true));
		assertThat(zero.getStatus()).as(content(zero)).isEqualTo(200);
		assertThat((List<Boolean>) JsonPath.read(content(zero), "$.grids[*].zeroReport")).containsExactly(true);
		assertThat((Integer) JsonPath.read(content(zero), "$.reported")).isEqualTo(1);
		assertThat(report(this.worker, id, Map.of("gridId", this.street.grid().id(), "zeroReport", true)).getStatus())
			.isEqualTo(409);

		Person party = this.fixtures.person(other.room().id());
		UserAccount leader = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		assertThat(report(this.worker, id, Map.of("gridId", other.grid().id(), "zeroReport", true)).getStatus())
			.as("another grid is out of the worker's reach")
			.isEqualTo(422);
		Map<String, Object> conflict = Map.of("kind", "CONFLICT", "type", "NEIGHBOUR", "title", "邻里漏水纠纷", "description",
				"楼上漏水，双方争执", "level", "ORDINARY", "partyPersonIds", List.of(party.id()), "ownerLeaderId", leader.id());
		Map<String, Object> badMood = Map.of("kind", "MOOD", "subjectType", "GROUP", "groupCode", "RETIRED", "date",
				"2026-11-01", "source", "VISIT", "mood", "FURIOUS", "summary", "退休人员关注取暖费");
		long casesBefore = casesOf(id);
		MockHttpServletResponse refused = report(this.admin, id,
				Map.of("gridId", other.grid().id(), "findings", List.of(conflict, badMood)));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(refused), "$.errors[*].field"))
			.containsExactly("findings[1].mood");
		assertThat(casesOf(id)).as("nothing of a refused report is written").isEqualTo(casesBefore);

		Map<String, Object> mood = new java.util.HashMap<>(badMood);
		mood.put("mood", "CONCERNED");
		MockHttpServletResponse filed = report(this.admin, id,
				Map.of("gridId", other.grid().id(), "findings", List.of(conflict, mood)));
		assertThat(filed.getStatus()).as(content(filed)).isEqualTo(200);
		assertThat((List<Integer>) JsonPath.read(content(filed),
				"$.grids[?(@.gridId == " + other.grid().id() + ")].findings"))
			.containsExactly(2);
		assertThat(casesOf(id)).isEqualTo(casesBefore + 1);
		String cases = content(this.callers
			.perform(bearer(get("/api/v1/conflicts").param("roundId", String.valueOf(id)), this.admin)));
		assertThat((List<String>) JsonPath.read(cases, "$.items[*].source")).containsExactly("SCREENING");
		assertThat((List<Integer>) JsonPath.read(cases, "$.items[*].gridId")).containsExactly((int) other.grid().id());
		assertThat(this.jdbc
			.sql("select count(*) from mood_note where community_id = 1 and round_id = :r and grid_id = :g")
			.param("r", id)
			.param("g", other.grid().id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aGridThatDoesNotReportIsRemindedOnTheDeadlineAndEscalatedAfterItExactlyOnce() {
		LocalDate opened = LocalDate.of(2020, 3, 2);
		long id = this.rounds.open(COMMUNITY, opened);
		LocalDate deadline = this.calendar.addWorkingDays(opened, 5);

		this.rounds.remind(COMMUNITY, deadline);
		this.rounds.remind(COMMUNITY, deadline);
		this.rounds.escalate(COMMUNITY, deadline);
		assertThat(lateAudits(id, "SCREENING_REMINDED")).containsExactly(this.street.grid().id());
		assertThat(lateAudits(id, "SCREENING_GRID_LATE")).as("not late on the deadline day itself").isEmpty();

		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		this.rounds.escalate(COMMUNITY, today);
		this.rounds.escalate(COMMUNITY, today);
		assertThat(lateAudits(id, "SCREENING_GRID_LATE")).containsExactly(this.street.grid().id());

		String board = content(this.callers.perform(bearer(get("/api/v1/screening-rounds/{id}", id), this.worker)));
		assertThat((List<Boolean>) JsonPath.read(board, "$.grids[*].late")).containsExactly(true);
		assertThat((List<String>) JsonPath.read(board, "$.grids[*].escalatedAt")).doesNotContainNull();
		MockHttpServletResponse lateReport = report(this.worker, id,
				Map.of("gridId", this.street.grid().id(), "zeroReport", true));
		assertThat(lateReport.getStatus()).isEqualTo(200);
		assertThat((List<Boolean>) JsonPath.read(content(lateReport), "$.grids[*].late"))
			.as("a report after the deadline stays late")
			.containsExactly(true);
		assertThat(report(this.worker, id, Map.of("gridId", this.street.grid().id())).getStatus()).isEqualTo(422);
	}

	@Test
	void theClockOpensThisPeriodsRoundOnceAndAGridWorkerSeesNoRoundWithoutTheirGrids() {
		this.clock.tick();
		this.clock.tick();
		String period = this.rounds.period(LocalDate.now(WorkingCalendar.ZONE));
		List<Long> opened = this.jdbc.sql("select id from screening_round where community_id = 1 and period = :p")
			.param("p", period)
			.query(Long.class)
			.list();
		assertThat(opened).hasSize(1);
		assertThat(audits("SCREENING_ROUND_OPENED", opened.get(0))).hasSize(1);

		long past = this.rounds.open(COMMUNITY, LocalDate.of(2019, 1, 2));
		Street later = this.fixtures.street();
		this.rounds.open(COMMUNITY, LocalDate.of(2019, 1, 20));
		String newcomer = this.callers.firstLogin(
				this.fixtures.user(Role.GRID_WORKER, Set.of(later.grid().id()), null, null),
				RegistryFixtures.FIRST_PASSWORD);
		assertThat(this.callers.perform(bearer(get("/api/v1/screening-rounds/{id}", past), newcomer)).getStatus())
			.as("a grid made after the deadline does not join the round")
			.isEqualTo(404);
		assertThat(report(newcomer, past, Map.of("gridId", later.grid().id(), "zeroReport", true)).getStatus())
			.isEqualTo(404);
	}

	private List<Long> lateAudits(long roundId, String action) {
		return this.jdbc.sql("""
				select (detail ->> 'gridId')::bigint from audit_event
				where community_id = 1 and action = :action and subject_type = 'SCREENING_ROUND' and subject_id = :id
				  and (detail ->> 'gridId')::bigint = :grid
				""")
			.param("action", action)
			.param("id", String.valueOf(roundId))
			.param("grid", this.street.grid().id())
			.query(Long.class)
			.list();
	}

	private List<String> audits(String action, long roundId) {
		return this.jdbc.sql("""
				select action from audit_event
				where community_id = 1 and action = :action and subject_type = 'SCREENING_ROUND' and subject_id = :id
				""").param("action", action).param("id", String.valueOf(roundId)).query(String.class).list();
	}

	private long casesOf(long roundId) {
		return this.jdbc.sql("select count(*) from conflict_case where community_id = 1 and source_round_id = :r")
			.param("r", roundId)
			.query(Long.class)
			.single();
	}

	private MockHttpServletResponse report(String token, long roundId, Map<String, Object> body) {
		return this.callers.perform(bearer(post("/api/v1/screening-rounds/{id}/reports", roundId), token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(body)));
	}

}
