package org.anju.identity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
 * Every {@code /api/v1} endpoint against every role, with real tokens: what the
 * {@link Role} matrix allows answers 2xx, what it does not answers 403, and no token
 * answers 401. A grid worker acts inside their own grid here; reaching into another grid
 * is {@link DataScopeTests}' business.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTests {

	/**
	 * Expected status per call and caller. A grid worker's writes target their own grid.
	 * Changing one's password is called with a wrong current password: 422 proves the
	 * call got past authorization to the rule.
	 */
	private static final String MATRIX = """
			call               ANONYMOUS ADMIN LEADER DEPARTMENT_STAFF GRID_WORKER RESIDENT
			ME                 401       200   200    200              200         200
			CHANGE_PASSWORD    401       422   422    422              422         422
			USERS_LIST         401       200   403    403              403         403
			USER_GET           401       200   403    403              403         403
			USER_CREATE        401       201   403    403              403         403
			USER_UPDATE        401       200   403    403              403         403
			USER_RESET         401       200   403    403              403         403
			PLACES_LIST        401       200   200    200              200         403
			PLACE_GET          401       200   200    200              200         403
			PLACE_CREATE       401       201   403    403              201         403
			PLACE_RENAME       401       200   403    403              200         403
			PLACE_DELETE       401       204   403    403              204         403
			RESIDENTS_LIST     401       200   200    200              200         403
			RESIDENT_GET       401       200   200    200              200         403
			RESIDENT_CREATE    401       201   403    403              201         403
			RESIDENT_UPDATE    401       200   403    403              200         403
			RESIDENT_STATUS    401       200   403    403              200         403
			RESIDENT_UNMASK    401       200   200    403              403         403
			RESIDENT_HISTORY   401       200   200    200              200         403
			RESIDENT_MERGE     401       200   403    403              403         403
			AUDIT_LIST         401       200   200    403              403         403
			AUDIT_VERIFY       401       200   200    403              403         403
			""";

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

	RegistryFixtures fixtures;

	ApiCallers callers;

	Street street;

	Person resident;

	long someAccountId;

	final Map<Role, String> tokens = new EnumMap<>(Role.class);

	@BeforeAll
	void callersOfEveryRole() {
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.callers = new ApiCallers(this.mvc, this.json);
		this.street = this.fixtures.street();
		this.resident = this.fixtures.person(this.street.room().id());
		this.tokens.put(Role.ADMIN, this.callers.adminToken());
		Map<Role, UserAccount> accounts = new LinkedHashMap<>();
		accounts.put(Role.LEADER, this.fixtures.user(Role.LEADER, Set.of(), null, null));
		accounts.put(Role.DEPARTMENT_STAFF,
				this.fixtures.user(Role.DEPARTMENT_STAFF, Set.of(), "RETIREE_AFFAIRS", null));
		accounts.put(Role.GRID_WORKER,
				this.fixtures.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null));
		accounts.put(Role.RESIDENT, this.fixtures.user(Role.RESIDENT, Set.of(), null, this.resident.id()));
		accounts.forEach((role, account) -> this.tokens.put(role,
				this.callers.firstLogin(this.fixtures.loginName(account), RegistryFixtures.FIRST_PASSWORD)));
		this.someAccountId = accounts.get(Role.LEADER).id();
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointAnswersEveryRoleAsTheMatrixSays() {
		List<String[]> rows = MATRIX.lines().map((line) -> line.strip().split("\\s+")).toList();
		List<String> callers = Arrays.asList(rows.get(0)).subList(1, rows.get(0).length);
		List<DynamicTest> tests = new ArrayList<>();
		for (String[] row : rows.subList(1, rows.size())) {
			for (int i = 0; i < callers.size(); i++) {
				String call = row[0];
				String caller = callers.get(i);
				int expected = Integer.parseInt(row[i + 1]);
				tests.add(DynamicTest.dynamicTest(call + " as " + caller + " answers " + expected, () -> {
					MockHttpServletRequestBuilder request = request(call);
					if (!caller.equals("ANONYMOUS")) {
						bearer(request, this.tokens.get(Role.valueOf(caller)));
					}
					MockHttpServletResponse response = this.callers.perform(request);
					assertThat(response.getStatus()).as("%s as %s: %s", call, caller, content(response))
						.isEqualTo(expected);
					if (expected >= 400) {
						assertThat(response.getContentType()).startsWith("application/problem+json");
					}
				}));
			}
		}
		return tests.stream();
	}

	@TestFactory
	Stream<DynamicTest> anyoneTradesTheirOwnPasswordForAToken() {
		return Stream.of(Role.values())
			.filter((role) -> role != Role.ADMIN)
			.map((role) -> DynamicTest.dynamicTest(role + " gets a token", () -> {
				UserAccount account = this.fixtures.user(role,
						(role == Role.GRID_WORKER) ? Set.of(this.street.grid().id()) : Set.of(),
						(role == Role.DEPARTMENT_STAFF) ? "PROPERTY" : null,
						(role == Role.RESIDENT) ? this.fixtures.person(this.street.room().id()).id() : null);
				MockHttpServletResponse response = this.callers.tokenResponse(this.fixtures.loginName(account),
						RegistryFixtures.FIRST_PASSWORD);

				assertThat(response.getStatus()).isEqualTo(200);
				assertThat((String) JsonPath.read(content(response), "$.token")).isNotBlank();
				assertThat((String) JsonPath.read(content(response), "$.expiresAt")).endsWith("Z");
			}));
	}

	/**
	 * The request of a call, aimed at something the grid worker may reach, made fresh for
	 * each write so that every caller meets the version it expects.
	 */
	private MockHttpServletRequestBuilder request(String call) {
		Place grid = this.street.grid();
		return switch (call) {
			case "ME" -> get("/api/v1/auth/me");
			case "CHANGE_PASSWORD" -> json(post("/api/v1/auth/password"),
					Map.of("currentPassword", "not-the-password-1", "newPassword", "Another-Pass-3"));
			case "USERS_LIST" -> get("/api/v1/users");
			case "USER_GET" -> get("/api/v1/users/{id}", this.someAccountId);
			case "USER_CREATE" -> json(post("/api/v1/users"), Map.of("username", RegistryFixtures.unique("leader"),
					"password", "Start-Pass-1", "displayName", "新领导", "role", "LEADER"));
			case "USER_UPDATE" -> json(put("/api/v1/users/{id}", freshAccount().id()).header("If-Match", "\"0\""),
					Map.of("displayName", "改过的名字", "role", "LEADER"));
			case "USER_RESET" ->
				json(post("/api/v1/users/{id}/password", freshAccount().id()), Map.of("password", "Reset-Pass-4"));
			case "PLACES_LIST" -> get("/api/v1/places").param("kind", "ROOM");
			case "PLACE_GET" -> get("/api/v1/places/{id}", this.street.room().id());
			case "PLACE_CREATE" -> json(post("/api/v1/places"),
					Map.of("kind", "BUILDING", "name", RegistryFixtures.unique("楼"), "parentId", grid.id()));
			case "PLACE_RENAME" ->
				json(put("/api/v1/places/{id}", this.fixtures.building(grid).id()).header("If-Match", "\"0\""),
						Map.of("name", RegistryFixtures.unique("新楼名")));
			case "PLACE_DELETE" ->
				delete("/api/v1/places/{id}", this.fixtures.room(this.street.building()).id()).header("If-Match", "0");
			case "RESIDENTS_LIST" -> get("/api/v1/residents");
			case "RESIDENT_GET" -> get("/api/v1/residents/{id}", this.resident.id());
			case "RESIDENT_CREATE" -> json(post("/api/v1/residents"), personBody(this.street.room().id()));
			case "RESIDENT_UPDATE" ->
				json(put("/api/v1/residents/{id}", freshPerson().id()).header("If-Match", "\"0\""),
						personBody(this.street.room().id()));
			case "RESIDENT_STATUS" ->
				json(post("/api/v1/residents/{id}/status", freshPerson().id()).header("If-Match", "\"0\""),
						Map.of("status", "MOVED_OUT", "date", LocalDate.now().minusDays(1).toString()));
			case "RESIDENT_UNMASK" -> json(post("/api/v1/residents/{id}/unmask", this.resident.id()),
					Map.of("field", "idNumber", "reason", "核对身份"));
			case "RESIDENT_HISTORY" -> get("/api/v1/residents/{id}/history", this.resident.id());
			case "RESIDENT_MERGE" ->
				json(post("/api/v1/residents/{id}/merge", freshPerson().id()), Map.of("mergedId", freshPerson().id()));
			case "AUDIT_LIST" -> get("/api/v1/audit").param("size", "5");
			case "AUDIT_VERIFY" -> get("/api/v1/audit/verify");
			default -> throw new IllegalArgumentException(call);
		};
	}

	private UserAccount freshAccount() {
		return this.fixtures.user(Role.LEADER, Set.of(), null, null);
	}

	private Person freshPerson() {
		return this.fixtures.person(this.street.room().id());
	}

	private static Map<String, @Nullable Object> personBody(long roomId) {
		PersonForm form = RegistryFixtures.form(roomId);
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("name", form.name());
		body.put("idNumber", form.idNumber());
		body.put("phone", form.phone());
		body.put("roomId", form.roomId());
		body.put("groups", form.groupCodes());
		return body;
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Map<String, ?> body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(this.callers.body(body));
	}

}
