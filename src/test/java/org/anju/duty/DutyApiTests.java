package org.anju.duty;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Units, posts, the matrix and the coverage over the API in community 1: their versions,
 * their audit rows, their bad input and a grid worker's scope.
 */
@AnjuSpringTest
class DutyApiTests {

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
	Coverage coverage;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	RegistryFixtures fixtures;

	String admin;

	Street street;

	@BeforeEach
	void anAdministratorAndAStreet() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.fixtures.street();
	}

	@Test
	void theTreeHoldsTheFourBodiesTheDepartmentsAndTheAreasAndGrids() {
		String tree = content(call(get("/api/v1/units"), this.admin));
		assertThat((List<String>) JsonPath.read(tree, "$.items[*].kind")).contains("PARTY_COMMITTEE", "ADMINISTRATION",
				"TRADE_UNION", "YOUTH_LEAGUE", "DEPARTMENT", "AREA", "GRID");
		long administration = administration(tree);
		assertThat(parentOf(tree, this.street.area().id())).isEqualTo(administration);
		assertThat(parentOf(tree, this.street.grid().id())).isEqualTo(this.street.area().id());
		assertThat((List<Integer>) JsonPath.read(tree, "$.items[?(@.departmentCode == 'PROPERTY')].parentId"))
			.containsExactly((int) administration);
		String english = content(call(get("/api/v1/units").header("Accept-Language", "en"), this.admin));
		assertThat((List<String>) JsonPath.read(english, "$.items[?(@.kind == 'PARTY_COMMITTEE')].name"))
			.containsExactly("Party committee");
	}

	@Test
	void anOfficeIsAddedRenamedAndDeletedWhileASeededUnitStays() {
		long administration = administration(content(call(get("/api/v1/units"), this.admin)));
		String name = RegistryFixtures.unique("综治办");
		MockHttpServletResponse created = call(
				post("/api/v1/units").content(this.callers.body(Map.of("parentId", administration, "nameZh", name))),
				this.admin);
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		assertThat(created.getHeader("ETag")).isEqualTo("\"0\"");
		long id = ((Number) JsonPath.read(content(created), "$.id")).longValue();
		String renamed = this.callers.body(Map.of("nameZh", name + "（平安办）", "nameEn", "Safety office"));

		assertThat(call(put("/api/v1/units/{id}", id).content(renamed), this.admin).getStatus()).isEqualTo(428);
		MockHttpServletResponse stale = call(put("/api/v1/units/{id}", id).header("If-Match", "\"5\"").content(renamed),
				this.admin);
		assertThat(stale.getStatus()).isEqualTo(412);
		MockHttpServletResponse done = call(put("/api/v1/units/{id}", id).header("If-Match", "\"0\"").content(renamed),
				this.admin);
		assertThat(done.getStatus()).as(content(done)).isEqualTo(200);
		assertThat(done.getHeader("ETag")).isEqualTo("\"1\"");
		assertThat(call(put("/api/v1/units/{id}", administration).header("If-Match", "0").content(renamed), this.admin)
			.getStatus()).as("a seeded unit is not renamed").isEqualTo(409);
		assertThat(call(delete("/api/v1/units/{id}", id).header("If-Match", "1"), this.admin).getStatus())
			.isEqualTo(204);

		assertThat(auditActions("UNIT", id)).containsExactly("UNIT_CREATED", "UNIT_RENAMED", "UNIT_DELETED");
	}

	@Test
	void aPostKeepsTheHistoryOfItsHolders() {
		UserAccount first = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		UserAccount second = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		long post = createPost(this.street.grid().id(), RegistryFixtures.unique("网格长"));

		assertThat(holder(post, "0", first.id()).getStatus()).isEqualTo(200);
		assertThat(holder(post, "1", second.id()).getStatus()).isEqualTo(200);
		MockHttpServletResponse vacated = holder(post, "2", null);
		assertThat(vacated.getStatus()).isEqualTo(200);

		String read = content(call(get("/api/v1/posts/{id}", post), this.admin));
		assertThat((Object) JsonPath.read(read, "$.holderId")).isNull();
		assertThat((String) JsonPath.read(read, "$.stabilityDuties")).isEqualTo("排查本网格矛盾纠纷，每月零报告");
		assertThat((List<Integer>) JsonPath.read(read, "$.history[*].userId")).containsExactly((int) second.id(),
				(int) first.id());
		assertThat((List<String>) JsonPath.read(read, "$.history[*].endReason")).containsExactly("VACATED", "REPLACED");
		assertThat(holder(post, "2", first.id()).getStatus()).as("a stale holder change").isEqualTo(412);
		assertThat(auditActions("POST", post)).containsExactly("POST_CREATED", "POST_HOLDER_ASSIGNED",
				"POST_HOLDER_ASSIGNED", "POST_HOLDER_ASSIGNED");
	}

	@Test
	void badInputIsNamedFieldByFieldInChineseAndEnglishAndNothingIsWritten() {
		String name = RegistryFixtures.unique("无稳定职责");
		String body = this.callers.body(Map.of("name", name, "businessDuties", "x".repeat(2001)));
		MockHttpServletResponse chinese = call(post("/api/v1/posts").content(body), this.admin);
		assertThat(chinese.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(chinese), "$.errors[*].field"))
			.containsExactlyInAnyOrder("unitId", "businessDuties", "stabilityDuties");
		assertThat(content(chinese)).contains("请填写稳定职责");
		MockHttpServletResponse english = call(post("/api/v1/posts").header("Accept-Language", "en").content(body),
				this.admin);
		assertThat(content(english)).contains("Enter the stability duties");
		assertThat(this.jdbc.sql("select count(*) from duty_post where community_id = 1 and name = :n")
			.param("n", name)
			.query(Integer.class)
			.single()).isZero();

		UserAccount resident = someone();
		long grid = this.street.grid().id();
		assertThat(field(assign("GRID", grid, "LIAISON", Map.of("userId", resident.id())))).isEqualTo("level");
		assertThat(field(assign("GRID", grid, "GRID_WORKER", Map.of("userId", 999_999_999L)))).isEqualTo("userId");
		assertThat(field(assign("PLANET", grid, "GRID_WORKER", Map.of("userId", resident.id()))))
			.isEqualTo("subjectType");
		assertThat(field(assign("GRID", grid, "GRID_WORKER", Map.of()))).isEqualTo("userId");
		assertThat(
				assign("GRID", this.street.building().id(), "GRID_WORKER", Map.of("userId", resident.id())).getStatus())
			.as("a building is not a grid")
			.isEqualTo(404);
	}

	@Test
	void aNamedResponsibilityIsReplacedWithItsVersionAndRemoved() {
		UserAccount head = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		UserAccount next = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		long area = this.street.area().id();
		MockHttpServletResponse named = assign("AREA", area, "AREA_HEAD", Map.of("userId", head.id()));
		assertThat(named.getStatus()).as(content(named)).isEqualTo(200);
		assertThat(named.getHeader("ETag")).isEqualTo("\"0\"");
		assertThat((String) JsonPath.read(content(named), "$.origin")).isEqualTo("NAMED");

		assertThat(assign("AREA", area, "AREA_HEAD", Map.of("userId", next.id())).getStatus()).isEqualTo(428);
		MockHttpServletResponse replaced = call(
				put("/api/v1/responsibilities/AREA/{id}/AREA_HEAD", area).header("If-Match", "0")
					.content(this.callers.body(Map.of("userId", next.id()))),
				this.admin);
		assertThat(replaced.getStatus()).isEqualTo(200);
		assertThat((List<Integer>) JsonPath.read(content(replaced), "$.holderIds")).containsExactly((int) next.id());
		assertThat(
				call(delete("/api/v1/responsibilities/AREA/{id}/AREA_HEAD", area).header("If-Match", "1"), this.admin)
					.getStatus())
			.isEqualTo(204);

		assertThat(this.jdbc.sql("""
				select action from audit_event where community_id = 1 and subject_type = 'RESPONSIBILITY'
				  and subject_id = :id order by id
				""").param("id", "AREA:" + area + ":AREA_HEAD").query(String.class).list())
			.containsExactly("RESPONSIBILITY_ASSIGNED", "RESPONSIBILITY_ASSIGNED", "RESPONSIBILITY_REMOVED");
	}

	@Test
	void aGridWorkerSeesOnlyTheMatrixRowsOfTheirGridsAndChangesNothing() {
		Street other = this.fixtures.street();
		UserAccount worker = this.fixtures.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null);
		String token = this.callers.firstLogin(worker, RegistryFixtures.FIRST_PASSWORD);

		String own = content(call(get("/api/v1/responsibilities?subjectType=GRID&size=200"), token));
		assertThat((List<Integer>) JsonPath.read(own, "$.items[*].gridId")).isNotEmpty()
			.containsOnly((int) this.street.grid().id());
		assertThat((List<Object>) JsonPath.read(content(call(get("/api/v1/responsibilities?subjectType=AREA"), token)),
				"$.items"))
			.isEmpty();
		String all = content(
				call(get("/api/v1/responsibilities?subjectType=GRID&size=200&userId=" + worker.id()), this.admin));
		assertThat((List<Integer>) JsonPath.read(all, "$.items[?(@.level == 'GRID_WORKER')].subjectId"))
			.containsExactly((int) this.street.grid().id());
		assertThat(call(put("/api/v1/responsibilities/GRID/{id}/GRID_WORKER", other.grid().id())
			.content(this.callers.body(Map.of("userId", worker.id()))), token).getStatus()).isEqualTo(403);
		assertThat(call(get("/api/v1/responsibilities?subjectType=PLANET"), token).getStatus()).isEqualTo(400);
	}

	@Test
	void theCoverageAnswersExactlyItsPercentAndItsGaps() {
		this.coverage.check(RegistryFixtures.COMMUNITY);
		String answer = content(call(get("/api/v1/coverage"), this.admin));
		Map<String, Object> body = JsonPath.read(answer, "$");
		assertThat(body).containsOnlyKeys("percent", "gaps");
		assertThat((List<Map<String, Object>>) JsonPath.read(answer, "$.gaps")).isNotEmpty()
			.allSatisfy((gap) -> assertThat(gap).containsOnlyKeys("subjectType", "subjectId", "level", "reason"));
		assertThat((List<Object>) JsonPath.read(answer,
				"$.gaps[?(@.subjectType == 'GRID' && @.level == 'GRID_WORKER')].subjectId"))
			.as("the fresh street's grid has no grid worker")
			.contains((int) this.street.grid().id());
		double percent = ((Number) JsonPath.read(answer, "$.percent")).doubleValue();
		assertThat(percent).isBetween(0.0, 100.0);
	}

	private UserAccount someone() {
		return this.fixtures.user(Role.LEADER, Set.of(), null, null);
	}

	private long createPost(long unitId, String name) {
		MockHttpServletResponse created = call(post("/api/v1/posts").content(this.callers.body(Map.of("unitId", unitId,
				"name", name, "businessDuties", "人口信息采集", "stabilityDuties", "排查本网格矛盾纠纷，每月零报告"))), this.admin);
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		return ((Number) JsonPath.read(content(created), "$.id")).longValue();
	}

	private MockHttpServletResponse holder(long post, String version, Long userId) {
		java.util.HashMap<String, Object> body = new java.util.HashMap<>();
		body.put("userId", userId);
		return call(put("/api/v1/posts/{id}/holder", post).header("If-Match", version).content(this.callers.body(body)),
				this.admin);
	}

	private MockHttpServletResponse assign(String type, long id, String level, Map<String, Object> body) {
		return call(
				put("/api/v1/responsibilities/{type}/{id}/{level}", type, id, level).content(this.callers.body(body)),
				this.admin);
	}

	private static String field(MockHttpServletResponse response) {
		assertThat(response.getStatus()).as(content(response)).isEqualTo(422);
		return JsonPath.read(content(response), "$.errors[0].field");
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token) {
		return this.callers.perform(bearer(request.contentType(MediaType.APPLICATION_JSON), token));
	}

	private List<String> auditActions(String subjectType, long id) {
		return this.jdbc.sql(
				"select action from audit_event where community_id = 1 and subject_type = :type and subject_id = :id order by id")
			.param("type", subjectType)
			.param("id", String.valueOf(id))
			.query(String.class)
			.list();
	}

	private static long administration(String tree) {
		return ((List<Integer>) JsonPath.read(tree, "$.items[?(@.kind == 'ADMINISTRATION')].id")).get(0);
	}

	private static long parentOf(String tree, long id) {
		return ((List<Integer>) JsonPath.read(tree, "$.items[?(@.id == " + id + ")].parentId")).get(0);
	}

}
