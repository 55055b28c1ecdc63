package org.anju.stability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The warning engine: scores that explain themselves, warnings raised and re-levelled as
 * a score crosses levels, the rules of acknowledging and closing, a grid worker's reach,
 * the collective early signs and the acknowledgement clock.
 */
@AnjuSpringTest
class WarningEngineTests {

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
	InterestGroups groups;

	@Autowired
	MoodNotes notes;

	@Autowired
	AppealManagement appeals;

	@Autowired
	RiskEngine engine;

	@Autowired
	RiskClocks clocks;

	@Autowired
	Warnings warnings;

	@Autowired
	KeyPersons keyPersons;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	RegistryFixtures registry;

	WarningFixtures fixtures;

	String admin;

	Street street;

	@BeforeEach
	void aStreet() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.fixtures = new WarningFixtures(this.registry, this.groups, this.notes, this.jdbc);
		this.street = this.registry.street();
	}

	@Test
	void aKeyPersonsGradeFollowsTheirRiskLevelWithItsReasons() {
		Person person = this.registry.person(this.street.room().id());
		UserAccount responsible = this.registry.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null);
		KeyPerson designated = this.keyPersons.designate(RegistryFixtures.admin(),
				new NewKeyPerson(person.id(), "多次扬言上访", "A", null, responsible.id()));
		recompute("PERSON:" + person.id());
		KeyPerson calm = this.keyPersons.get(RegistryFixtures.admin(), designated.id());
		assertThat(calm.computedGrade()).as("no signal: the lowest grade").isEqualTo(Grade.C);
		assertThat(calm.computedExplanation()).contains("没有风险信号");

		this.fixtures.personNote(person.id(), "AGITATED");
		this.fixtures.personNote(person.id(), "AGITATED");
		recompute("PERSON:" + person.id());
		KeyPerson tense = this.keyPersons.get(RegistryFixtures.admin(), designated.id());
		String level = this.jdbc
			.sql("select level from risk_score where community_id = 1 and subject_type = 'PERSON' and subject_id = :id")
			.param("id", String.valueOf(person.id()))
			.query(String.class)
			.single();
		assertThat(tense.computedGrade()).isEqualTo(KeyPersonGrading.grade(WarningLevel.valueOf(level)))
			.isNotEqualTo(Grade.C);
		assertThat(tense.computedExplanation()).contains(level).contains("MOOD_NOTES");
		long regraded = this.jdbc.sql(
				"select count(*) from audit_event where community_id = 1 and action = 'KEY_PERSON_REGRADED' and subject_id = cast(:id as text)")
			.param("id", designated.id())
			.query(Long.class)
			.single();
		recompute("PERSON:" + person.id());
		assertThat(this.jdbc.sql(
				"select count(*) from audit_event where community_id = 1 and action = 'KEY_PERSON_REGRADED' and subject_id = cast(:id as text)")
			.param("id", designated.id())
			.query(Long.class)
			.single()).as("the same level and signals regrade nothing").isEqualTo(regraded);
	}

	@Test
	void aPersonsBreakdownAddsUpToTheScoreAndNamesTheNotesBehindIt() {
		Person person = this.registry.person(this.street.room().id());
		MoodNote agitated = this.fixtures.personNote(person.id(), "AGITATED");
		MoodNote concerned = this.fixtures.personNote(person.id(), "CONCERNED");
		recompute("PERSON:" + person.id());

		String risk = ok(get("/api/v1/risk/PERSON/{id}", person.id()), this.admin);
		List<Map<String, Object>> contributions = JsonPath.read(risk, "$.contributions");
		BigDecimal sum = contributions.stream()
			.map((c) -> new BigDecimal(String.valueOf(c.get("points"))))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sum).isEqualByComparingTo(new BigDecimal(String.valueOf((Object) JsonPath.read(risk, "$.score"))));
		// AGITATED counts 4 and CONCERNED 1, both this week, at the seeded weight of 3
		assertThat(new BigDecimal(String.valueOf((Object) JsonPath.read(risk, "$.score")))).isEqualByComparingTo("15");
		assertThat((String) JsonPath.read(risk, "$.level")).isEqualTo("YELLOW");
		assertThat((List<String>) JsonPath.read(risk, "$.contributions[0].evidence[*].type")).containsOnly("MOOD_NOTE");
		assertThat((List<Integer>) JsonPath.read(risk, "$.contributions[0].evidence[*].id"))
			.containsExactlyInAnyOrder((int) agitated.id(), (int) concerned.id());
	}

	@Test
	void crossingALevelRaisesAWarningAndARiseRelevelsTheSameOne() {
		Person person = this.registry.person(this.street.room().id());
		this.fixtures.personNote(person.id(), "AGITATED");
		recompute("PERSON:" + person.id());
		long id = this.fixtures.openWarning("PERSON", person.id()).orElseThrow();
		String first = ok(get("/api/v1/warnings/{id}", id), this.admin);
		assertThat((String) JsonPath.read(first, "$.level")).isEqualTo("BLUE");
		assertThat((String) JsonPath.read(first, "$.state")).isEqualTo("OPEN");
		assertThat((List<String>) JsonPath.read(first, "$.reasons[*].signal")).containsExactly("MOOD_NOTES");

		this.fixtures.personNote(person.id(), "AGITATED");
		recompute("PERSON:" + person.id());

		assertThat(this.fixtures.openWarning("PERSON", person.id())).contains(id);
		String risen = ok(get("/api/v1/warnings/{id}", id), this.admin);
		assertThat((String) JsonPath.read(risen, "$.level")).isEqualTo("YELLOW");
		assertThat((List<String>) JsonPath.read(risen, "$.timeline[*].action")).containsExactly("raise", "relevel");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where community_id = 1 and subject_type = 'WARNING' and subject_id = :id
				  and action in ('WARNING_RAISED', 'WARNING_RELEVELLED')
				""").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void acknowledgingAndClosingFollowTheRules() throws Exception {
		long id = warningOnAPerson();
		MockHttpServletResponse noVersion = this.callers
			.perform(bearer(post("/api/v1/warnings/{id}/acknowledge", id), this.admin));
		assertThat(noVersion.getStatus()).isEqualTo(428);
		MockHttpServletResponse stale = this.callers
			.perform(bearer(post("/api/v1/warnings/{id}/acknowledge", id), this.admin).header("If-Match", "\"7\""));
		assertThat(stale.getStatus()).isEqualTo(412);

		MockHttpServletResponse acknowledged = act(id, "acknowledge", 0, Map.of("note", "已安排走访"));
		assertThat(acknowledged.getStatus()).as(content(acknowledged)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(acknowledged), "$.state")).isEqualTo("ACKNOWLEDGED");
		assertThat((String) JsonPath.read(content(acknowledged), "$.acknowledgedAt")).isNotNull();
		MockHttpServletResponse again = act(id, "acknowledge", 1, Map.of());
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(content(again), "$.type")).endsWith("/illegal-transition");

		MockHttpServletResponse unknown = act(id, "close", 1, Map.of("disposition", "FORGOTTEN", "note", "x"));
		assertThat(unknown.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(unknown), "$.errors[*].field")).containsExactly("disposition");
		MockHttpServletResponse falseAlarm = act(id, "close", 1, Map.of("disposition", "FALSE_ALARM"));
		assertThat(falseAlarm.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(falseAlarm), "$.errors[*].field")).containsExactly("note");
		MockHttpServletResponse english = this.callers
			.perform(bearer(post("/api/v1/warnings/{id}/close", id), this.admin).header("If-Match", "1")
				.header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("disposition", "FALSE_ALARM"))));
		assertThat((String) JsonPath.read(content(english), "$.errors[0].message")).containsIgnoringCase("false alarm");

		MockHttpServletResponse closed = act(id, "close", 1, Map.of("disposition", "FALSE_ALARM", "note", "邻居误报"));
		assertThat(closed.getStatus()).as(content(closed)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(closed), "$.disposition")).isEqualTo("FALSE_ALARM");
		assertThat((List<String>) JsonPath.read(content(closed), "$.timeline[*].action")).containsExactly("raise",
				"acknowledge", "close");
		assertThat(act(id, "close", 2, Map.of("disposition", "VISITED")).getStatus()).isEqualTo(409);
		assertThat(this.jdbc.sql("""
				select action from audit_event where community_id = 1 and subject_type = 'WARNING' and subject_id = :id
				order by id
				""").param("id", String.valueOf(id)).query(String.class).list()).containsExactly("WARNING_RAISED",
				"WARNING_ACKNOWLEDGED", "WARNING_CLOSED");
	}

	@Test
	void aGridWorkerSeesOnlyTheWarningsAndRisksOfTheirGrids() {
		long id = warningOnAPerson();
		long personId = Long
			.parseLong(this.jdbc.sql("select subject_id from warning where community_id = 1 and id = :id")
				.param("id", id)
				.query(String.class)
				.single());
		UserAccount own = this.registry.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null);
		Street elsewhere = this.registry.street();
		UserAccount other = this.registry.user(Role.GRID_WORKER, Set.of(elsewhere.grid().id()), null, null);
		String ownToken = this.callers.firstLogin(own, RegistryFixtures.FIRST_PASSWORD);
		String otherToken = this.callers.firstLogin(other, RegistryFixtures.FIRST_PASSWORD);

		assertThat(this.callers.perform(bearer(get("/api/v1/warnings/{id}", id), ownToken)).getStatus()).isEqualTo(200);
		assertThat(this.callers.perform(bearer(get("/api/v1/risk/PERSON/{id}", personId), ownToken)).getStatus())
			.isEqualTo(200);
		assertThat(this.callers.perform(bearer(get("/api/v1/warnings/{id}", id), otherToken)).getStatus())
			.isEqualTo(404);
		assertThat(this.callers.perform(bearer(get("/api/v1/risk/PERSON/{id}", personId), otherToken)).getStatus())
			.isEqualTo(404);
		assertThat(this.callers.perform(bearer(get("/api/v1/risk/COMMUNITY/1"), ownToken)).getStatus()).isEqualTo(404);
		assertThat(this.callers
			.perform(bearer(post("/api/v1/warnings/{id}/acknowledge", id), otherToken).header("If-Match", "0"))
			.getStatus()).isEqualTo(404);
		String listed = ok(get("/api/v1/warnings").param("size", "200"), otherToken);
		assertThat((List<Integer>) JsonPath.read(listed, "$.items[*].id")).doesNotContain((int) id);
		String ownList = ok(get("/api/v1/warnings").param("subjectType", "PERSON").param("size", "200"), ownToken);
		assertThat((List<Integer>) JsonPath.read(ownList, "$.items[*].id")).contains((int) id);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where community_id = 1 and action = 'ACCESS_DENIED' and subject_type = 'WARNING' and subject_id = :id
				""").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void fivePeopleOfAGroupRaisingOneCategoryInAWeekRaiseAnOrangeGroupWarningAtOnce() {
		InterestGroup group = this.fixtures.group();
		Street second = this.registry.street();
		Instant now = Instant.now();
		for (int i = 0; i < 5; i++) {
			Person member = this.fixtures.member(((i % 2 == 0) ? this.street : second).room().id(), group.code());
			this.appeals.submit(RegistryFixtures.admin(), new NewAppeal(member.id(), null, null, List.of(), "PENSION",
					Channel.WALK_IN, "养老金调整", "协解退休人员询问养老金调整", null, 1, false, false, now.minusSeconds(86_400L * i)));
		}
		// the tick that recomputes the subjects the appeals' events marked, every two
		// seconds
		long id = WarningFixtures.eventually(() -> {
			this.clocks.marked();
			return this.fixtures.openWarning("GROUP", group.code());
		});
		String warning = ok(get("/api/v1/warnings/{id}", id), this.admin);
		assertThat((String) JsonPath.read(warning, "$.level")).isEqualTo("ORANGE");
		assertThat((String) JsonPath.read(warning, "$.subjectId")).isEqualTo(group.code());
		assertThat((List<String>) JsonPath.read(warning, "$.reasons[*].signal")).contains("COLLECTIVE_CATEGORY");
		assertThat((List<String>) JsonPath.read(warning, "$.reasons[?(@.signal == 'COLLECTIVE_CATEGORY')].detail"))
			.containsExactly("PENSION × 5");
		assertThat((List<Integer>) JsonPath.read(warning,
				"$.reasons[?(@.signal == 'COLLECTIVE_CATEGORY')].evidence[*].id"))
			.hasSize(5);
		// a leader is told of every orange warning
		assertThat((List<Integer>) JsonPath.read(warning, "$.responsibleUserIds"))
			.containsAll(this.users.enabledIds(COMMUNITY, Role.LEADER, null).stream().map(Long::intValue).toList());
	}

	@Test
	void fourPeopleAreNotYetAGathering() {
		InterestGroup group = this.fixtures.group();
		for (int i = 0; i < 4; i++) {
			Person member = this.fixtures.member(this.street.room().id(), group.code());
			this.appeals.submit(RegistryFixtures.admin(), new NewAppeal(member.id(), null, null, List.of(), "PENSION",
					Channel.WALK_IN, "养老金调整", "询问养老金调整", null, 1, false, false, null));
		}
		recompute("GROUP:" + group.code());
		String risk = ok(get("/api/v1/risk/GROUP/{code}", group.code()), this.admin);
		assertThat((List<String>) JsonPath.read(risk, "$.contributions[*].signal")).contains("OPEN_APPEALS")
			.doesNotContain("COLLECTIVE_CATEGORY");
		assertThat(this.fixtures.openWarning("GROUP", group.code())).isEmpty();
	}

	@Test
	void aGroupsMoodTurningInTwoGridsIsACollectiveEarlySign() {
		InterestGroup group = this.fixtures.group();
		Street second = this.registry.street();
		this.fixtures.groupNote(group.code(), this.street.grid().id(), "DISSATISFIED");
		this.fixtures.groupNote(group.code(), second.grid().id(), "AGITATED");
		recompute("GROUP:" + group.code());
		long id = this.fixtures.openWarning("GROUP", group.code()).orElseThrow();
		String warning = ok(get("/api/v1/warnings/{id}", id), this.admin);
		assertThat((String) JsonPath.read(warning, "$.level")).isEqualTo("ORANGE");
		assertThat((List<Double>) JsonPath.read(warning, "$.reasons[?(@.signal == 'COLLECTIVE_MOOD')].value"))
			.containsExactly(2.0);
	}

	@Test
	void anOverdueAcknowledgementIsToldOnce() {
		long id = warningOnAPerson();
		this.jdbc.sql("update warning set ack_due_at = now() - interval '1 minute' where community_id = 1 and id = :id")
			.param("id", id)
			.update();
		this.warnings.fireOverdueAcks(10_000);
		this.warnings.fireOverdueAcks(10_000);
		assertThat(this.jdbc
			.sql("""
					select count(*) from warning_timeline where community_id = 1 and warning_id = :id and action = 'ack-overdue'
					""")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		List<Long> leaders = this.users.enabledIds(COMMUNITY, Role.LEADER, null);
		if (!leaders.isEmpty()) {
			WarningFixtures.eventually(() -> this.jdbc
				.sql("""
						select recipient_id from notification
						where community_id = 1 and subject_type = 'WARNING' and subject_id = :id and kind = 'WARNING_ACK_OVERDUE'
						limit 1
						""")
				.param("id", id)
				.query(Long.class)
				.optional());
		}
	}

	@Test
	void theRiskModelChangesByVersionAndRefusesNonsense() {
		String model = ok(get("/api/v1/risk-model"), this.admin);
		int version = JsonPath.read(model, "$.version");
		assertThat((Double) JsonPath.read(model, "$.weights.OVERDUE_APPEALS")).isPositive();
		MockHttpServletResponse bad = this.callers
			.perform(bearer(put("/api/v1/risk-model"), this.admin).header("If-Match", String.valueOf(version))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("weights", Map.of("NO_SUCH_SIGNAL", 1, "OVERDUE_APPEALS", -2),
						"thresholds", Map.of("PERSON", Map.of("BLUE", 20, "YELLOW", 10, "ORANGE", 30, "RED", 40))))));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(bad), "$.errors[*].field"))
			.containsExactlyInAnyOrder("weights.NO_SUCH_SIGNAL", "weights.OVERDUE_APPEALS", "thresholds.PERSON");
		MockHttpServletResponse stale = this.callers
			.perform(bearer(put("/api/v1/risk-model"), this.admin).header("If-Match", String.valueOf(version + 5))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("note", "x"))));
		assertThat(stale.getStatus()).isEqualTo(412);
		double overdue = JsonPath.read(model, "$.weights.OVERDUE_APPEALS");
		MockHttpServletResponse changed = this.callers
			.perform(bearer(put("/api/v1/risk-model"), this.admin).header("If-Match", String.valueOf(version))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("weights", Map.of("OVERDUE_APPEALS", overdue), "note", "复核权重"))));
		assertThat(changed.getStatus()).as(content(changed)).isEqualTo(200);
		assertThat((Integer) JsonPath.read(content(changed), "$.version")).isEqualTo(version + 1);
		assertThat(changed.getHeader("ETag")).isEqualTo("\"" + (version + 1) + "\"");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where community_id = 1 and action = 'RISK_MODEL_CHANGED' and subject_id = :v
				""").param("v", String.valueOf(version + 1)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void leadersRecomputeEveryScoreOnDemandAndGridWorkersMayNot() {
		Person person = this.registry.person(this.street.room().id());
		this.fixtures.personNote(person.id(), "CONCERNED");
		UserAccount worker = this.registry.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null);
		String workerToken = this.callers.firstLogin(worker, RegistryFixtures.FIRST_PASSWORD);
		assertThat(this.callers.perform(bearer(post("/api/v1/risk/recompute"), workerToken)).getStatus())
			.isEqualTo(403);

		MockHttpServletResponse recomputed = this.callers.perform(bearer(post("/api/v1/risk/recompute"), this.admin));
		assertThat(recomputed.getStatus()).as(content(recomputed)).isEqualTo(200);
		assertThat((Integer) JsonPath.read(content(recomputed), "$.subjects")).isPositive();
		String risk = ok(get("/api/v1/risk/PERSON/{id}", person.id()), this.admin);
		assertThat((List<String>) JsonPath.read(risk, "$.contributions[*].signal")).containsExactly("MOOD_NOTES");
		String community = ok(get("/api/v1/risk/COMMUNITY/1"), this.admin);
		assertThat((List<String>) JsonPath.read(community, "$.contributions[*].signal")).contains("MOOD_NOTES");
	}

	private long warningOnAPerson() {
		Person person = this.registry.person(this.street.room().id());
		this.fixtures.personNote(person.id(), "AGITATED");
		recompute("PERSON:" + person.id());
		return this.fixtures.openWarning("PERSON", person.id()).orElseThrow();
	}

	private void recompute(String subject) {
		this.engine.recompute(COMMUNITY, Set.of(subject));
	}

	private MockHttpServletResponse act(long id, String action, long version, Map<String, ?> body) {
		return this.callers.perform(bearer(post("/api/v1/warnings/{id}/" + action, id), this.admin)
			.header("If-Match", "\"" + version + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(body)));
	}

	private String ok(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String token) {
		MockHttpServletResponse response = this.callers.perform(bearer(request, token));
		assertThat(response.getStatus()).as(content(response)).isEqualTo(200);
		return content(response);
	}

}
