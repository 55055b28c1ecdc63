package org.anju.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * A grid worker sees and changes only their grid. Reaching into another grid by ID
 * answers exactly as a missing ID does, and the attempt is audited; lists and searches
 * never show anyone from elsewhere.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataScopeTests {

	private static final long MISSING = 9_000_000_000L;

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

	Street mine;

	Street theirs;

	Person neighbour;

	Person stranger;

	String worker;

	String token;

	@BeforeAll
	void aGridWorkerAndTwoGrids() {
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.callers = new ApiCallers(this.mvc, this.json);
		this.mine = fixtures.street();
		this.theirs = fixtures.street();
		this.neighbour = fixtures.person(this.mine.room().id());
		this.stranger = fixtures.person(this.theirs.room().id());
		UserAccount account = fixtures.user(Role.GRID_WORKER, Set.of(this.mine.grid().id()), null, null);
		this.worker = account.username();
		this.token = this.callers.firstLogin(account, RegistryFixtures.FIRST_PASSWORD);
	}

	@Test
	void anotherGridsPersonAnswersExactlyAsAMissingOneAndIsAudited() {
		long before = deniedAttempts("PERSON", this.stranger.id());
		MockHttpServletResponse elsewhere = call(get("/api/v1/residents/{id}", this.stranger.id()));
		MockHttpServletResponse missing = call(get("/api/v1/residents/{id}", MISSING));

		assertThat(elsewhere.getStatus()).isEqualTo(404);
		assertThat(withoutInstance(elsewhere)).isEqualTo(withoutInstance(missing));
		assertThat(elsewhere.getContentType()).isEqualTo(missing.getContentType());
		assertThat(deniedAttempts("PERSON", this.stranger.id())).isEqualTo(before + 1);
		assertThat(deniedAttempts("PERSON", MISSING)).as("a missing ID is not an attempt on anyone").isZero();
	}

	@Test
	void anotherGridsPlaceAnswersExactlyAsAMissingOneAndIsAudited() {
		long before = deniedAttempts("PLACE", this.theirs.room().id());
		MockHttpServletResponse elsewhere = call(get("/api/v1/places/{id}", this.theirs.room().id()));
		MockHttpServletResponse missing = call(get("/api/v1/places/{id}", MISSING));

		assertThat(elsewhere.getStatus()).isEqualTo(404);
		assertThat(withoutInstance(elsewhere)).isEqualTo(withoutInstance(missing));
		assertThat(deniedAttempts("PLACE", this.theirs.room().id())).isEqualTo(before + 1);
	}

	@Test
	void everyCallOnAnotherGridsPersonAnswers404() {
		long id = this.stranger.id();
		long before = deniedAttempts("PERSON", id);
		List<MockHttpServletRequestBuilder> calls = List.of(get("/api/v1/residents/{id}/history", id),
				json(put("/api/v1/residents/{id}", id).header("If-Match", "0"),
						Map.of("name", "改名", "idNumber", "11010519491231002X")),
				json(post("/api/v1/residents/{id}/status", id).header("If-Match", "0"),
						Map.of("status", "MOVED_OUT", "date", LocalDate.now().toString())));

		calls.forEach((request) -> assertThat(call(request).getStatus()).isEqualTo(404));
		assertThat(deniedAttempts("PERSON", id)).isEqualTo(before + calls.size());
		assertThat(this.people.get(RegistryFixtures.admin(), id).version()).as("nothing changed")
			.isEqualTo(this.stranger.version());
	}

	@Test
	void everyCallOnAnotherGridsPlaceAnswers404() {
		List<MockHttpServletRequestBuilder> calls = List.of(
				json(put("/api/v1/places/{id}", this.theirs.building().id()).header("If-Match", "0"),
						Map.of("name", "改名")),
				delete("/api/v1/places/{id}", this.theirs.room().id()).header("If-Match", "0"),
				json(post("/api/v1/places"),
						Map.of("kind", "ROOM", "name", "999", "parentId", this.theirs.building().id())));

		calls.forEach((request) -> assertThat(call(request).getStatus()).isEqualTo(404));
		assertThat(this.places.get(RegistryFixtures.admin(), this.theirs.building().id()).name())
			.isEqualTo(this.theirs.building().name());
	}

	@Test
	void noOneIsRegisteredOrMovedIntoAnotherGridsRoom() {
		MockHttpServletResponse registered = call(
				json(post("/api/v1/residents"), Map.of("name", RegistryFixtures.chineseName(), "idNumber",
						org.anju.shared.IdNumberFixtures.newIdNumber(), "roomId", this.theirs.room().id())));
		MockHttpServletResponse moved = call(
				json(put("/api/v1/residents/{id}", this.neighbour.id()).header("If-Match", this.neighbour.version()),
						Map.of("name", this.neighbour.name(), "idNumber", unmaskedIdOf(this.neighbour), "roomId",
								this.theirs.room().id())));

		assertThat(registered.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(registered), "$.errors[*].field")).containsExactly("roomId");
		assertThat(moved.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(moved), "$.errors[*].field")).containsExactly("roomId");
	}

	@Test
	void aDuplicateIdNumberFromAnotherGridDoesNotRevealWhoHoldsIt() {
		MockHttpServletResponse duplicate = call(
				json(post("/api/v1/residents"), Map.of("name", RegistryFixtures.chineseName(), "idNumber",
						unmaskedIdOf(this.stranger), "roomId", this.mine.room().id())));

		assertThat(duplicate.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(duplicate), "$.errors[*].field")).containsExactly("idNumber");
		String message = JsonPath.read(content(duplicate), "$.errors[0].message");
		assertThat(message).contains("其他网格").doesNotContainPattern("人员编号");
	}

	@Test
	void theListShowsOnlyTheirGrid() {
		MockHttpServletResponse all = call(get("/api/v1/residents").param("size", "200"));
		List<Integer> grids = JsonPath.read(content(all), "$.items[*].gridId");
		List<Integer> ids = JsonPath.read(content(all), "$.items[*].id");

		assertThat(grids).isNotEmpty()
			.allSatisfy((grid) -> assertThat(grid.longValue()).isEqualTo(this.mine.grid().id()));
		assertThat(ids).contains((int) this.neighbour.id()).doesNotContain((int) this.stranger.id());
		assertThat((Integer) JsonPath.read(content(all), "$.total")).isEqualTo(grids.size());
	}

	@Test
	void aSearchNeverFindsSomeoneFromAnotherGrid() {
		for (String q : List.of(this.stranger.name(), this.stranger.idNumber().substring(14),
				String.valueOf(this.stranger.phone()).substring(7))) {
			List<Integer> ids = JsonPath.read(content(call(get("/api/v1/residents").param("q", q))), "$.items[*].id");
			assertThat(ids).as(q).doesNotContain((int) this.stranger.id());
		}
		MockHttpServletResponse byGrid = call(
				get("/api/v1/residents").param("gridId", String.valueOf(this.theirs.grid().id())));
		assertThat((Integer) JsonPath.read(content(byGrid), "$.total")).isZero();
	}

	@Test
	void theSameSearchFindsThemForStaffWhoSeeTheWholeCommunity() {
		String admin = this.callers.adminToken();
		MockHttpServletResponse found = this.callers
			.perform(bearer(get("/api/v1/residents").param("gridId", String.valueOf(this.theirs.grid().id())), admin));

		assertThat((List<Integer>) JsonPath.read(content(found), "$.items[*].id")).contains((int) this.stranger.id());
	}

	@Test
	void thePlacesTreeShowsOnlyTheirGrid() {
		List<Integer> grids = JsonPath.read(content(call(get("/api/v1/places").param("kind", "GRID"))),
				"$.items[*].id");
		List<Integer> rooms = JsonPath.read(content(call(get("/api/v1/places").param("kind", "ROOM"))),
				"$.items[*].id");
		List<Integer> under = JsonPath.read(
				content(call(get("/api/v1/places").param("parentId", String.valueOf(this.theirs.building().id())))),
				"$.items[*].id");

		assertThat(grids).containsExactly((int) this.mine.grid().id());
		assertThat(rooms).contains((int) this.mine.room().id()).doesNotContain((int) this.theirs.room().id());
		assertThat(under).isEmpty();
	}

	/**
	 * The problem's body but for {@code instance}, the path asked for, which holds the ID
	 * the caller sent anyway.
	 */
	private Map<String, Object> withoutInstance(MockHttpServletResponse response) {
		Map<String, Object> problem = new java.util.HashMap<>(JsonPath.read(content(response), "$"));
		problem.remove("instance");
		return problem;
	}

	private String unmaskedIdOf(Person person) {
		return this.jdbc.sql("select id_number from person where community_id = 1 and id = :id")
			.param("id", person.id())
			.query(String.class)
			.single();
	}

	private long deniedAttempts(String subjectType, long subjectId) {
		return this.jdbc.sql("""
				select count(*) from audit_event
				where community_id = 1 and actor = :actor and action = 'ACCESS_DENIED'
				  and subject_type = :type and subject_id = :id
				""")
			.param("actor", this.worker)
			.param("type", subjectType)
			.param("id", Long.toString(subjectId))
			.query(Long.class)
			.single();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) {
		return this.callers.perform(bearer(request, this.token));
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Map<String, ?> body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(this.callers.body(body));
	}

}
