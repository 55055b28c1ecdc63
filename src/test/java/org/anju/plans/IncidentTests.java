package org.anju.plans;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.stability.MoodNotes;
import org.anju.stability.NewMoodNote;
import org.anju.stability.RiskEngine;
import org.jspecify.annotations.Nullable;
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
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Incidents run from a plan: activation fills every role and times every task from the
 * moment of activation, a role with nobody is refused, holders tick their own tasks,
 * reports and the review close the incident in order, each timer fires once, and drills
 * are counted per plan per year.
 */
@AnjuSpringTest
class IncidentTests {

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
	IncidentClocks clocks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MoodNotes notes;

	@Autowired
	RiskEngine engine;

	ApiCallers callers;

	RegistryFixtures registry;

	UserAccount leader;

	UserAccount reporter;

	String reporterToken;

	String leaderToken;

	PlanFixtures plans;

	@BeforeEach
	void aLeaderAndAReporter() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.leader = this.registry.user(Role.LEADER, Set.of(), null, null);
		this.reporter = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "GENERAL_OFFICE", null);
		this.leaderToken = this.callers.firstLogin(this.leader, RegistryFixtures.FIRST_PASSWORD);
		this.plans = new PlanFixtures(this.callers, this.leaderToken);
		this.reporterToken = this.callers.firstLogin(this.reporter, RegistryFixtures.FIRST_PASSWORD);
	}

	@Test
	void activationFillsEveryRoleAndTimesEveryTaskFromTheMomentOfActivation() {
		UserAccount onSite = this.registry.user(Role.GRID_WORKER, Set.of(this.registry.street().grid().id()), null,
				null);
		Map<String, @Nullable Long> roles = roles();
		roles.put("ON_SITE", this.reporter.id());
		long plan = this.plans.approvedPlan(PlanFixtures.body(PlanFixtures.unique("预案"), roles,
				Map.of("COMMANDER", List.of(10), "ON_SITE", List.of(15, 120), "REPORTING", List.of(60))));

		long warning = openWarning();
		MockHttpServletResponse response = this.plans.activate(Map.of("planId", plan, "level", "II", "drill", false,
				"warningId", warning, "holders", Map.of("ON_SITE", onSite.id())));
		assertThat(response.getStatus()).as(content(response)).isEqualTo(201);
		String incident = content(response);
		assertThat(response.getHeader("Location")).endsWith("/api/v1/incidents/" + id(incident));
		assertThat((String) JsonPath.read(incident, "$.state")).isEqualTo("ACTIVE");
		assertThat((Boolean) JsonPath.read(incident, "$.drill")).isFalse();
		assertThat(((Number) JsonPath.read(incident, "$.warningId")).longValue()).isEqualTo(warning);
		assertThat(this.jdbc.sql("select state || ' ' || disposition from warning where community_id = 1 and id = :id")
			.param("id", warning)
			.query(String.class)
			.single()).as("the warning is answered by the incident").isEqualTo("CLOSED ESCALATED_TO_PLAN");
		assertThat(holder(incident, "COMMANDER")).isEqualTo(this.leader.id());
		assertThat(holder(incident, "REPORTING")).isEqualTo(this.reporter.id());
		assertThat(holder(incident, "ON_SITE")).as("the activation's holder over the plan's default")
			.isEqualTo(onSite.id());

		Instant activated = Instant.parse(JsonPath.read(incident, "$.activatedAt"));
		List<Map<String, Object>> tasks = JsonPath.read(incident, "$.tasks");
		assertThat(tasks).hasSize(4);
		assertThat(tasks).allSatisfy((task) -> {
			int minutes = Integer.parseInt(((String) task.get("title")).replaceAll(".* ", ""));
			assertThat(Duration.between(activated, Instant.parse((String) task.get("dueAt"))))
				.as("%s", task.get("title"))
				.isEqualTo(Duration.ofMinutes(minutes));
			assertThat(task.get("doneAt")).isNull();
		});
		assertThat((List<String>) JsonPath.read(incident, "$.reports[*].kind")).containsExactly("FIRST", "FOLLOW_UP",
				"FINAL");
		assertThat(Instant.parse(JsonPath.read(incident, "$.reports[0].dueAt")))
			.isEqualTo(activated.plus(Duration.ofHours(1)));
		assertThat(Instant.parse(JsonPath.read(incident, "$.reports[2].dueAt")))
			.isEqualTo(activated.plus(Duration.ofDays(3)));
		assertThat((List<String>) JsonPath.read(incident, "$.timeline[*].action")).containsExactly("activate");
		assertThat(audits(id(incident))).containsExactly("INCIDENT_ACTIVATED");
		MockHttpServletResponse unknown = this.plans
			.activate(Map.of("planId", plan, "level", "II", "drill", false, "warningId", 987654321));
		assertThat(unknown.getStatus()).isEqualTo(422);
		assertThat(content(unknown)).contains("warningId");
	}

	/**
	 * @return a person's warning, raised by the engine on two agitated notes
	 */
	private long openWarning() {
		long person = this.registry.person(this.registry.street().room().id()).id();
		for (int i = 0; i < 2; i++) {
			this.notes.file(RegistryFixtures.admin(),
					new NewMoodNote("PERSON", person, null, null, LocalDate.now(WorkingCalendar.ZONE).toString(),
							"VISIT", "AGITATED", List.of(), List.of(), "情绪激动，扬言上访"));
		}
		this.engine.recomputeAll(COMMUNITY);
		return this.jdbc.sql("""
				select id from warning
				where community_id = 1 and subject_type = 'PERSON' and subject_id = :id and state = 'OPEN'
				""").param("id", String.valueOf(person)).query(Long.class).single();
	}

	@Test
	void aRoleWithNobodyAnUnapprovedPlanAndBadInputAreRefusedWithNothingWritten() {
		Map<String, @Nullable Long> roles = roles();
		roles.put("LOGISTICS", null);
		long plan = this.plans.approvedPlan(PlanFixtures.body(PlanFixtures.unique("预案"), roles, Map.of()));
		long before = incidents();

		MockHttpServletResponse empty = this.plans.activate(Map.of("planId", plan, "level", "II", "drill", false));
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(empty), "$.errors[*].field"))
			.containsExactly("holders.LOGISTICS");

		MockHttpServletResponse bad = this.callers.perform(
				bearer(post("/api/v1/incidents"), this.callers.adminToken()).contentType(MediaType.APPLICATION_JSON)
					.header("Accept-Language", "en")
					.content(this.callers.body(Map.of("planId", plan, "level", "V", "holders", Map.of("CHEF", 1)))));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(content(bad)).contains("There is no response level V").contains("There is no command role CHEF");

		MockHttpServletResponse stranger = this.plans
			.activate(Map.of("planId", plan, "level", "II", "holders", Map.of("LOGISTICS", 987_654_321L)));
		assertThat(stranger.getStatus()).isEqualTo(422);
		assertThat(content(stranger)).contains("用户 987654321 不是在用的工作人员账号");

		MockHttpServletResponse unknown = this.plans
			.activate(Map.of("planId", Long.MAX_VALUE, "level", "I", "drill", false));
		assertThat(unknown.getStatus()).isEqualTo(422);
		assertThat(content(unknown)).contains("找不到预案");

		MockHttpServletResponse draft = this.plans
			.create(PlanFixtures.body(PlanFixtures.unique("预案"), roles(), Map.of()));
		long unapproved = ((Number) JsonPath.read(content(draft), "$.id")).longValue();
		assertThat(this.plans.activate(Map.of("planId", unapproved, "level", "I", "drill", false)).getStatus())
			.isEqualTo(409);
		assertThat(this.callers
			.perform(bearer(post("/api/v1/incidents"), this.reporterToken).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("planId", plan, "level", "II", "drill", false))))
			.getStatus()).as("staff do not activate plans").isEqualTo(403);
		assertThat(incidents()).isEqualTo(before);
	}

	@Test
	void holdersTickTheirOwnTasksAndReportsAndTheReviewCloseTheIncidentInOrder() {
		long plan = this.plans.approvedPlan(PlanFixtures.body(PlanFixtures.unique("预案"), roles(),
				Map.of("COMMANDER", List.of(10), "REPORTING", List.of(60))));
		String incident = this.plans.activated(plan, false);
		long id = id(incident);
		long commanderTask = task(incident, "COMMANDER");
		long reportingTask = task(incident, "REPORTING");

		assertThat(act(this.reporterToken, id, "/tasks/" + commanderTask + "/done", "0", null).getStatus())
			.as("another role's task")
			.isEqualTo(403);
		MockHttpServletResponse ticked = act(this.reporterToken, id, "/tasks/" + reportingTask + "/done", "0", null);
		assertThat(ticked.getStatus()).as(content(ticked)).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(content(ticked), "$.tasks[?(@.role == 'REPORTING')].doneAt"))
			.singleElement()
			.isNotNull();
		assertThat(act(this.reporterToken, id, "/tasks/" + reportingTask + "/done", "1", null).getStatus())
			.as("done already")
			.isEqualTo(409);
		assertThat(act(this.reporterToken, id, "/tasks/" + commanderTask + "/done", "0", null).getStatus())
			.as("a stale If-Match")
			.isEqualTo(412);
		assertThat(act(this.reporterToken, id, "/tasks/" + Long.MAX_VALUE + "/done", "1", null).getStatus())
			.isEqualTo(404);

		assertThat(act(this.reporterToken, id, "/reports", "1", Map.of("kind", "FOLLOW_UP", "text", "续报")).getStatus())
			.as("a follow-up before the first report")
			.isEqualTo(409);
		assertThat(act(this.reporterToken, id, "/reports", "1", Map.of("kind", "FIRST", "text", " ")).getStatus())
			.isEqualTo(422);
		MockHttpServletResponse first = act(this.reporterToken, id, "/reports", "1",
				Map.of("kind", "FIRST", "text", "14:20 约 30 人在办公楼前聚集，已劝导选派代表。"));
		assertThat(first.getStatus()).as(content(first)).isEqualTo(200);
		assertThat(act(this.reporterToken, id, "/reports", "2", Map.of("kind", "FIRST", "text", "再报")).getStatus())
			.isEqualTo(409);
		assertThat(act(this.reporterToken, id, "/close", "2", Map.of("review", "处置得当。")).getStatus())
			.as("the reporting holder does not close")
			.isEqualTo(403);
		assertThat(act(this.leaderToken, id, "/close", "2", Map.of("review", "处置得当。")).getStatus())
			.as("before the final report")
			.isEqualTo(409);
		MockHttpServletResponse followUp = act(this.reporterToken, id, "/reports", "2",
				Map.of("kind", "FOLLOW_UP", "text", "代表已接待，人群散去。"));
		assertThat((List<String>) JsonPath.read(content(followUp), "$.reports[?(@.filedAt == null)].kind"))
			.as("the next follow-up is owed")
			.containsExactly("FOLLOW_UP", "FINAL");
		MockHttpServletResponse last = act(this.reporterToken, id, "/reports", "3",
				Map.of("kind", "FINAL", "text", "事件平息，诉求已登记办理。"));
		assertThat((List<String>) JsonPath.read(content(last), "$.reports[?(@.filedAt == null)].kind"))
			.as("the final report ends the follow-ups")
			.isEmpty();
		assertThat(act(this.leaderToken, id, "/close", "4", Map.of("review", "")).getStatus()).isEqualTo(422);
		MockHttpServletResponse closed = act(this.leaderToken, id, "/close", "4",
				Map.of("review", "响应及时；代表接待室太小，需调整。"));
		assertThat(closed.getStatus()).as(content(closed)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(closed), "$.state")).isEqualTo("CLOSED");
		assertThat(act(this.leaderToken, id, "/tasks/" + commanderTask + "/done", "5", null).getStatus())
			.isEqualTo(409);
		assertThat((List<String>) JsonPath.read(content(closed), "$.timeline[*].action")).containsExactly("activate",
				"task-done", "report-FIRST", "report-FOLLOW_UP", "report-FINAL", "close");
		assertThat(audits(id)).containsExactly("INCIDENT_ACTIVATED", "INCIDENT_TASK_DONE", "INCIDENT_REPORT_FILED",
				"INCIDENT_REPORT_FILED", "INCIDENT_REPORT_FILED", "INCIDENT_CLOSED");
	}

	@Test
	void anOverdueTaskAndReportTellTheirHolderAndTheCommanderOnce() {
		long plan = this.plans.approvedPlan(PlanFixtures.body(PlanFixtures.unique("预案"), roles(),
				Map.of("COMMANDER", List.of(10), "REPORTING", List.of(90, 600))));
		String incident = this.plans.activated(plan, true);
		long id = id(incident);
		Instant activated = Instant.parse(JsonPath.read(incident, "$.activatedAt"));
		Instant later = activated.plus(Duration.ofMinutes(95));

		assertThat(this.clocks.fire(COMMUNITY, activated.plus(Duration.ofMinutes(5)))).as("nothing due yet")
			.isGreaterThanOrEqualTo(0);
		assertThat(fired(id)).isZero();
		this.clocks.fire(COMMUNITY, later);
		this.clocks.fire(COMMUNITY, later.plusSeconds(1));
		// the commander's 10 and the reporter's 90 minute tasks, and the first report
		assertThat(fired(id)).isEqualTo(3);
		assertThat(timeline(id)).filteredOn((action) -> action.endsWith("overdue")).hasSize(3);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notices(id, this.leader.id()))
				.containsExactlyInAnyOrder("PLAN_TASK_OVERDUE", "PLAN_TASK_OVERDUE", "PLAN_REPORT_OVERDUE"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notices(id, this.reporter.id()))
				.containsExactlyInAnyOrder("PLAN_TASK_OVERDUE", "PLAN_REPORT_OVERDUE"));
		assertThat(this.jdbc.sql("""
				select subject_number from notification where community_id = 1 and subject_type = 'INCIDENT'
				and subject_id = :id limit 1
				""").param("id", id).query(String.class).single()).as("a drill says so").startsWith("【演练】");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where community_id = 1 and subject_type = 'INCIDENT'
				and subject_id = :id and action in ('INCIDENT_TASK_OVERDUE', 'INCIDENT_REPORT_OVERDUE')
				""").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void drillsAreCountedPerPlanInTheYearTheyRan() {
		long plan = this.plans.approvedPlan(PlanFixtures.body(PlanFixtures.unique("预案"), roles(), Map.of()));
		this.plans.activated(plan, true);
		this.plans.activated(plan, false);
		String drill = this.plans.activated(plan, true);
		assertThat((Boolean) JsonPath.read(drill, "$.drill")).isTrue();
		int year = LocalDate.ofInstant(Instant.parse(JsonPath.read(drill, "$.activatedAt")), WorkingCalendar.ZONE)
			.getYear();

		String stats = content(this.callers.perform(bearer(
				get("/api/v1/plans/drill-statistics").param("year", String.valueOf(year)), this.callers.adminToken())));
		assertThat((List<Integer>) JsonPath.read(stats, "$.items[?(@.planId == " + plan + ")].drills"))
			.containsExactly(2);
		assertThat((List<Integer>) JsonPath.read(stats, "$.items[?(@.planId == " + plan + ")].incidents"))
			.containsExactly(1);
		String before = content(this.callers
			.perform(bearer(get("/api/v1/plans/drill-statistics").param("year", String.valueOf(year - 1)),
					this.callers.adminToken())));
		assertThat((List<Integer>) JsonPath.read(before, "$.items[?(@.planId == " + plan + ")].drills"))
			.containsExactly(0);
		assertThat(this.callers
			.perform(bearer(get("/api/v1/plans/drill-statistics").param("year", "1999"), this.callers.adminToken()))
			.getStatus()).isEqualTo(400);
		String drills = content(this.callers.perform(bearer(
				get("/api/v1/incidents").param("drill", "true").param("size", "200"), this.callers.adminToken())));
		assertThat((List<Integer>) JsonPath.read(drills, "$.items[?(@.planId == " + plan + ")].id")).hasSize(2);
	}

	@Test
	void anOverdueTaskTellsItsOwnRolesHolderAndTheCommanderAndNothingFiresOnceDoneOrClosed() {
		UserAccount keeper = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY", null);
		Map<String, @Nullable Long> roles = roles();
		roles.put("LOGISTICS", keeper.id());
		long plan = this.plans.approvedPlan(PlanFixtures.body(PlanFixtures.unique("预案"), roles,
				Map.of("COMMANDER", List.of(600), "REPORTING", List.of(600), "LOGISTICS", List.of(20, 40))));
		String incident = this.plans.activated(plan, false);
		long id = id(incident);
		Instant activated = Instant.parse(JsonPath.read(incident, "$.activatedAt"));
		long later = ((Number) ((List<?>) JsonPath.read(incident, "$.tasks[?(@.title == 'LOGISTICS 任务 40')].id"))
			.get(0)).longValue();
		String keeperToken = this.callers.firstLogin(keeper, RegistryFixtures.FIRST_PASSWORD);
		assertThat(act(keeperToken, id, "/tasks/" + later + "/done", "0", null).getStatus()).isEqualTo(200);

		this.clocks.fire(COMMUNITY, activated.plus(Duration.ofMinutes(45)));

		assertThat(fired(id)).as("only the 20-minute task: the 40-minute one was done in time").isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notices(id, keeper.id())).containsExactly("PLAN_TASK_OVERDUE"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notices(id, this.leader.id())).as("the commander")
				.containsExactly("PLAN_TASK_OVERDUE"));
		assertThat(notices(id, this.reporter.id())).as("not the reporting holder's task").isEmpty();

		act(this.reporterToken, id, "/reports", "1", Map.of("kind", "FIRST", "text", "首报"));
		act(this.reporterToken, id, "/reports", "2", Map.of("kind", "FINAL", "text", "终报"));
		MockHttpServletResponse closed = act(this.leaderToken, id, "/close", "3", Map.of("review", "复盘完成。"));
		assertThat(closed.getStatus()).as(content(closed)).isEqualTo(200);
		this.clocks.fire(COMMUNITY, activated.plus(Duration.ofDays(5)));
		assertThat(fired(id)).as("a closed incident's open task and reports fire no more").isEqualTo(1);
	}

	@Test
	void drillsCountInTheYearTheyRanInShanghaiNotInUtc() {
		long plan = this.plans.approvedPlan(PlanFixtures.body(PlanFixtures.unique("预案"), roles(), Map.of()));
		long lateDrill = id(this.plans.activated(plan, true));
		long newYearDrill = id(this.plans.activated(plan, true));
		long newYearIncident = id(this.plans.activated(plan, false));
		// 23:30 on New Year's Eve and 00:30 on New Year's Day in Shanghai, both on 31
		// December in UTC
		activatedAt(lateDrill, "2024-12-31T15:30:00Z");
		activatedAt(newYearDrill, "2024-12-31T16:30:00Z");
		activatedAt(newYearIncident, "2024-12-31T16:30:00Z");

		assertThat(counts(plan, 2024)).isEqualTo("1 0");
		assertThat(counts(plan, 2025)).isEqualTo("1 1");
		assertThat(counts(plan, 2023)).isEqualTo("0 0");
		String library = content(this.callers.perform(bearer(get("/api/v1/plans"), this.callers.adminToken())));
		assertThat((List<Integer>) JsonPath.read(library, "$.items[?(@.id == " + plan + ")].drillsThisYear"))
			.as("the library counts this year's drills only")
			.containsExactly(0);
	}

	private String counts(long plan, int year) {
		String stats = content(this.callers.perform(bearer(
				get("/api/v1/plans/drill-statistics").param("year", String.valueOf(year)), this.callers.adminToken())));
		return JsonPath.read(stats, "$.items[?(@.planId == " + plan + ")].drills").toString().replaceAll("\\D", "")
				+ " "
				+ JsonPath.read(stats, "$.items[?(@.planId == " + plan + ")].incidents")
					.toString()
					.replaceAll("\\D", "");
	}

	private void activatedAt(long incident, String at) {
		this.jdbc.sql("update incident set activated_at = cast(:at as timestamptz) where community_id = 1 and id = :id")
			.param("at", at)
			.param("id", incident)
			.update();
	}

	private Map<String, @Nullable Long> roles() {
		Map<String, @Nullable Long> roles = new LinkedHashMap<>();
		roles.put("COMMANDER", this.leader.id());
		roles.put("REPORTING", this.reporter.id());
		return roles;
	}

	private MockHttpServletResponse act(String token, long id, String path, String version,
			@Nullable Map<String, ?> body) {
		return this.callers.perform(bearer(post("/api/v1/incidents/" + id + path), token).header("If-Match", version)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body((body != null) ? body : Map.of())));
	}

	private static long id(String incident) {
		return ((Number) JsonPath.read(incident, "$.id")).longValue();
	}

	private static long holder(String incident, String role) {
		return ((Number) ((List<?>) JsonPath.read(incident, "$.roles[?(@.role == '" + role + "')].userId")).get(0))
			.longValue();
	}

	private static long task(String incident, String role) {
		return ((Number) ((List<?>) JsonPath.read(incident, "$.tasks[?(@.role == '" + role + "')].id")).get(0))
			.longValue();
	}

	private List<String> audits(long id) {
		return this.jdbc.sql("""
				select action from audit_event where community_id = 1 and subject_type = 'INCIDENT'
				and subject_id = :id order by id
				""").param("id", String.valueOf(id)).query(String.class).list();
	}

	private List<String> timeline(long id) {
		return this.jdbc
			.sql("select action from incident_entry where community_id = 1 and incident_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list();
	}

	private long fired(long id) {
		return this.jdbc.sql("""
				select (select count(*) from incident_task where community_id = 1 and incident_id = :id
				        and overdue_fired_at is not null)
				     + (select count(*) from incident_report where community_id = 1 and incident_id = :id
				        and overdue_fired_at is not null)
				""").param("id", id).query(Long.class).single();
	}

	private List<String> notices(long id, long recipient) {
		return this.jdbc.sql("""
				select kind from notification where community_id = 1 and subject_type = 'INCIDENT'
				and subject_id = :id and recipient_id = :r
				""").param("id", id).param("r", recipient).query(String.class).list();
	}

	private long incidents() {
		return this.jdbc.sql("select count(*) from incident").query(Long.class).single();
	}

}
