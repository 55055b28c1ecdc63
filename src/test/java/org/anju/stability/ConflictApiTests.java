package org.anju.stability;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Conflict cases over the API: registered from a report or an appeal, mediated, resolved
 * and reopened, with their versions, their scope and their bad input.
 */
@AnjuSpringTest
@RecordApplicationEvents
class ConflictApiTests {

	@Autowired
	ApplicationEvents events;

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
	WorkingCalendar calendar;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	RegistryFixtures fixtures;

	String admin;

	Street street;

	Person retiree;

	UserAccount leader;

	@BeforeEach
	void aRetireeAndALeader() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.fixtures.street();
		this.retiree = this.fixtures.person(this.street.room().id());
		this.leader = this.fixtures.user(Role.LEADER, Set.of(), null, null);
	}

	@Test
	void aCaseIsRegisteredMediatedResolvedAndReopenedWhenItFlaresUp() {
		MockHttpServletResponse created = register(this.admin, body(Map.of("level", "SERIOUS")));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		String case_ = content(created);
		long id = id(created);
		assertThat(created.getHeader("Location")).isEqualTo("/api/v1/conflicts/" + id);
		assertThat(created.getHeader("ETag")).isEqualTo("\"0\"");
		assertThat((String) JsonPath.read(case_, "$.state")).isEqualTo("REGISTERED");
		assertThat((String) JsonPath.read(case_, "$.source")).isEqualTo("REPORT");
		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		assertThat((String) JsonPath.read(case_, "$.dueDate")).as("a serious case has 15 working days by default")
			.isEqualTo(this.calendar.addWorkingDays(today, 15).toString());
		assertThat(((Number) JsonPath.read(case_, "$.areaId")).longValue()).isEqualTo(this.street.area().id());

		String version = act(id, "0", "mediate", Map.of("date", today.toString(), "method", "面谈", "participants",
				"双方当事人、网格员", "agreement", "物业退还多收费用", "outcome", "双方接受"), 200);
		version = act(id, version, "resolve", Map.of("confirmedByParties", true, "summary", "已退费，双方签字"), 200);
		String resolved = content(this.callers.perform(bearer(get("/api/v1/conflicts/{id}", id), this.admin)));
		assertThat((String) JsonPath.read(resolved, "$.state")).isEqualTo("RESOLVED");
		assertThat((Boolean) JsonPath.read(resolved, "$.confirmedByParties")).isTrue();
		assertThat((List<String>) JsonPath.read(resolved, "$.mediations[*].agreement")).containsExactly("物业退还多收费用");

		MockHttpServletResponse again = register(this.admin, body(Map.of()));
		assertThat(again.getStatus()).as("the same dispute is not registered twice").isEqualTo(409);
		assertThat(content(again)).contains(String.valueOf(id));

		act(id, version, "reopen", Map.of("reason", "又因物业费发生争执"), 200);
		String reopened = content(this.callers.perform(bearer(get("/api/v1/conflicts/{id}", id), this.admin)));
		assertThat((String) JsonPath.read(reopened, "$.state")).isEqualTo("RESOLVING");
		assertThat((Integer) JsonPath.read(reopened, "$.reopenCount")).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(reopened, "$.timeline[*].action")).containsExactly("register",
				"mediate", "resolve", "reopen");
		assertThat(this.jdbc.sql("""
				select action from audit_event
				where community_id = 1 and subject_type = 'CONFLICT_CASE' and subject_id = :id order by id
				""").param("id", String.valueOf(id)).query(String.class).list()).containsExactly("CONFLICT_REGISTERED",
				"CONFLICT_MEDIATE", "CONFLICT_RESOLVE", "CONFLICT_REOPEN");
		assertThat(this.events.stream(ConflictCaseChanged.class).filter((event) -> event.caseId() == id))
			.extracting(ConflictCaseChanged::action, ConflictCaseChanged::state)
			.containsExactly(tuple("register", ConflictState.REGISTERED), tuple("mediate", ConflictState.RESOLVING),
					tuple("resolve", ConflictState.RESOLVED), tuple("reopen", ConflictState.RESOLVING));
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyGetsTheFirstCase() {
		String key = RegistryFixtures.unique("case");
		MockHttpServletResponse first = this.callers
			.perform(bearer(post("/api/v1/conflicts"), this.admin).header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body(Map.of()))));
		MockHttpServletResponse retry = this.callers
			.perform(bearer(post("/api/v1/conflicts"), this.admin).header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body(Map.of()))));

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(retry.getStatus()).isEqualTo(201);
		assertThat(id(retry)).isEqualTo(id(first));
		assertThat(casesInGrid()).isEqualTo(1);
	}

	@Test
	void aStepTheStateDoesNotAllowAnswers409AStaleVersion412AndNoVersion428() {
		long id = id(register(this.admin, body(Map.of())));

		act(id, "0", "resolve", Map.of("confirmedByParties", true, "summary", "太早了"), 409);
		act(id, "0", "stabilise", Map.of("summary", "已稳控"), 409);
		act(id, "0", "hand-over", Map.of("body", "区信访局", "summary", "移交"), 200);
		act(id, "0", "reopen", Map.of("reason", "旧版本"), 412);
		MockHttpServletResponse unversioned = this.callers.perform(
				bearer(post("/api/v1/conflicts/{id}/reopen", id), this.admin).contentType(MediaType.APPLICATION_JSON)
					.content(this.callers.body(Map.of("reason", "没有版本"))));
		assertThat(unversioned.getStatus()).isEqualTo(428);
		String handedOver = content(this.callers.perform(bearer(get("/api/v1/conflicts/{id}", id), this.admin)));
		assertThat((String) JsonPath.read(handedOver, "$.handedOverTo")).isEqualTo("区信访局");
		assertThat((Integer) JsonPath.read(handedOver, "$.version")).isEqualTo(1);
	}

	@Test
	void badInputNamesEveryFieldAndWritesNothing() {
		long before = casesInGrid();
		Map<String, Object> bad = new HashMap<>(Map.of("type", "WEATHER", "level", "", "title", "x".repeat(101),
				"description", "描述", "partyPersonIds", List.of(this.retiree.id(), 987_654_321L), "partyGroupCodes",
				List.of("NO_SUCH_GROUP"), "peopleCount", 0, "gridId", this.street.building().id(), "ownerLeaderId",
				987_654_321L, "responsibleUnitCode", "NO_SUCH_UNIT"));

		MockHttpServletResponse refused = this.callers
			.perform(bearer(post("/api/v1/conflicts"), this.admin).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(bad)));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(refused), "$.errors[*].field")).containsExactlyInAnyOrder(
				"type", "level", "title", "partyPersonIds", "partyGroupCodes", "peopleCount", "gridId", "ownerLeaderId",
				"responsibleUnitCode");
		assertThat((List<String>) JsonPath.read(content(refused), "$.errors[?(@.field == 'type')].message"))
			.containsExactly("There is no conflict type WEATHER.");
		assertThat(casesInGrid()).isEqualTo(before);

		long id = id(register(this.admin, body(Map.of())));
		MockHttpServletResponse mediation = this.callers
			.perform(bearer(post("/api/v1/conflicts/{id}/mediate", id), this.admin).header("If-Match", "0")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("date", "2026-02-30", "method", "面谈"))));
		assertThat(mediation.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(mediation), "$.errors[*].field"))
			.containsExactlyInAnyOrder("participants", "agreement", "outcome");
		act(id, "0", "mediate",
				Map.of("date", "2026-02-30", "method", "面谈", "participants", "甲乙", "agreement", "无", "outcome", "无"),
				422);
		act(id, "0", "dance", Map.of(), 400);
		String unchanged = content(this.callers.perform(bearer(get("/api/v1/conflicts/{id}", id), this.admin)));
		assertThat((Integer) JsonPath.read(unchanged, "$.version")).isEqualTo(0);
		assertThat((List<?>) JsonPath.read(unchanged, "$.mediations")).isEmpty();
	}

	@Test
	void aGridWorkerSeesOnlyTheCasesOfTheirGrids() {
		long id = id(register(this.admin, body(Map.of())));
		Street other = this.fixtures.street();
		String outsider = this.callers.firstLogin(
				this.fixtures.user(Role.GRID_WORKER, Set.of(other.grid().id()), null, null),
				RegistryFixtures.FIRST_PASSWORD);
		String insider = this.callers.firstLogin(
				this.fixtures.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null),
				RegistryFixtures.FIRST_PASSWORD);

		assertThat(this.callers.perform(bearer(get("/api/v1/conflicts/{id}", id), outsider)).getStatus())
			.isEqualTo(404);
		act(outsider, id, "0", "hand-over", Map.of("body", "区信访局", "summary", "越权"), 404);
		String outsiders = content(this.callers.perform(
				bearer(get("/api/v1/conflicts").param("gridId", String.valueOf(this.street.grid().id())), outsider)));
		assertThat((Integer) JsonPath.read(outsiders, "$.total")).isZero();
		MockHttpServletResponse elsewhere = register(outsider, body(Map.of()));
		assertThat(elsewhere.getStatus()).as("a grid worker cannot register a case in another grid").isEqualTo(422);

		assertThat(this.callers.perform(bearer(get("/api/v1/conflicts/{id}", id), insider)).getStatus()).isEqualTo(200);
		String insiders = content(this.callers.perform(
				bearer(get("/api/v1/conflicts").param("gridId", String.valueOf(this.street.grid().id())), insider)));
		assertThat((List<Integer>) JsonPath.read(insiders, "$.items[*].id")).containsExactly((int) id);
	}

	@Test
	void oneCallEscalatesAnAppealIntoALinkedCaseAndASecondIsRefused() {
		MockHttpServletResponse appeal = this.callers
			.perform(bearer(post("/api/v1/appeals"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("personId", this.retiree.id(), "categoryCode", "PENSION", "channel",
						"WALK_IN", "title", "协解人员待遇", "description", "协解人员退休待遇长期未落实", "peopleCount", 6))));
		assertThat(appeal.getStatus()).as(content(appeal)).isEqualTo(201);
		long appealId = id(appeal);

		MockHttpServletResponse escalated = register(this.admin, Map.of("sourceAppealId", appealId, "type",
				"LABOUR_BENEFITS", "level", "MAJOR", "ownerLeaderId", this.leader.id()));

		assertThat(escalated.getStatus()).as(content(escalated)).isEqualTo(201);
		String case_ = content(escalated);
		assertThat((String) JsonPath.read(case_, "$.source")).isEqualTo("APPEAL");
		assertThat((String) JsonPath.read(case_, "$.title")).isEqualTo("协解人员待遇");
		assertThat(((Number) JsonPath.read(case_, "$.sourceAppealId")).longValue()).isEqualTo(appealId);
		assertThat(((Number) JsonPath.read(case_, "$.gridId")).longValue()).isEqualTo(this.street.grid().id());
		assertThat((List<Integer>) JsonPath.read(case_, "$.partyPersonIds")).containsExactly((int) this.retiree.id());
		assertThat((Integer) JsonPath.read(case_, "$.peopleCount")).isEqualTo(6);

		MockHttpServletResponse twice = register(this.admin, Map.of("sourceAppealId", appealId, "type", "OTHER",
				"level", "ORDINARY", "ownerLeaderId", this.leader.id()));
		assertThat(twice.getStatus()).isEqualTo(409);
		String linked = content(this.callers
			.perform(bearer(get("/api/v1/conflicts").param("sourceAppealId", String.valueOf(appealId)), this.admin)));
		assertThat((List<Integer>) JsonPath.read(linked, "$.items[*].id")).containsExactly((int) id(escalated));
		MockHttpServletResponse unknown = register(this.admin, Map.of("sourceAppealId", 987_654_321L, "type", "OTHER",
				"level", "ORDINARY", "ownerLeaderId", this.leader.id()));
		assertThat(unknown.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(unknown), "$.errors[*].field")).contains("sourceAppealId");
	}

	@Test
	void theListPagesWithACursorAndFiltersByLevel() {
		Street own = this.fixtures.street();
		for (int i = 0; i < 3; i++) {
			Person party = this.fixtures.person(own.room().id());
			Map<String, Object> body = body(Map.of("gridId", own.grid().id(), "partyPersonIds", List.of(party.id()),
					"level", (i == 0) ? "MAJOR" : "ORDINARY"));
			assertThat(register(this.admin, body).getStatus()).isEqualTo(201);
		}
		String first = content(this.callers.perform(
				bearer(get("/api/v1/conflicts").param("gridId", String.valueOf(own.grid().id())).param("size", "2"),
						this.admin)));
		assertThat((Integer) JsonPath.read(first, "$.total")).isEqualTo(3);
		assertThat((List<?>) JsonPath.read(first, "$.items")).hasSize(2);
		String second = content(
				this.callers.perform(bearer(get("/api/v1/conflicts").param("gridId", String.valueOf(own.grid().id()))
					.param("size", "2")
					.param("cursor", (String) JsonPath.read(first, "$.next")), this.admin)));
		assertThat((List<?>) JsonPath.read(second, "$.items")).hasSize(1);
		assertThat((Object) JsonPath.read(second, "$.next")).isNull();
		String major = content(this.callers.perform(bearer(
				get("/api/v1/conflicts").param("gridId", String.valueOf(own.grid().id())).param("level", "MAJOR"),
				this.admin)));
		assertThat((Integer) JsonPath.read(major, "$.total")).isEqualTo(1);
		assertThat(this.callers.perform(bearer(get("/api/v1/conflicts").param("cursor", "nonsense!"), this.admin))
			.getStatus()).isEqualTo(400);
	}

	private Map<String, Object> body(Map<String, Object> overrides) {
		Map<String, Object> body = new HashMap<>(
				Map.of("type", "PROPERTY", "title", "物业费纠纷", "description", "业主与物业就多收费用发生争执", "level", "ORDINARY",
						"partyPersonIds", List.of(this.retiree.id()), "peopleCount", 2, "ownerLeaderId",
						this.leader.id(), "responsibleUnitCode", "PROPERTY", "gridId", this.street.grid().id()));
		body.putAll(overrides);
		return body;
	}

	private long casesInGrid() {
		return this.jdbc.sql("select count(*) from conflict_case where community_id = 1 and grid_id = :g")
			.param("g", this.street.grid().id())
			.query(Long.class)
			.single();
	}

	private MockHttpServletResponse register(String token, Map<String, Object> body) {
		return this.callers.perform(bearer(post("/api/v1/conflicts"), token).contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(body)));
	}

	private String act(long id, String version, String action, Map<String, Object> body, int status) {
		return act(this.admin, id, version, action, body, status);
	}

	private String act(String token, long id, String version, String action, Map<String, Object> body, int status) {
		MockHttpServletResponse response = this.callers
			.perform(bearer(post("/api/v1/conflicts/{id}/{action}", id, action), token).header("If-Match", version)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
		assertThat(response.getStatus()).as("%s: %s", action, content(response)).isEqualTo(status);
		String etag = response.getHeader("ETag");
		return (etag != null) ? etag.replace("\"", "") : version;
	}

	private static long id(MockHttpServletResponse response) {
		return ((Number) JsonPath.read(content(response), "$.id")).longValue();
	}

}
