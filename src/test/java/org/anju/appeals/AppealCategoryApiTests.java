package org.anju.appeals;

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
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
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
 * The categories and routing over HTTP, with real tokens: staff read, reference-data
 * editors write with {@code If-Match}, residents and strangers are turned away.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppealCategoryApiTests {

	private static final String MATRIX = """
			call             ANONYMOUS ADMIN LEADER DEPARTMENT_STAFF GRID_WORKER RESIDENT
			CATEGORIES       401       200   200    200              200         403
			CATEGORY_CREATE  401       201   403    403              403         403
			CATEGORY_UPDATE  401       200   403    403              403         403
			ROUTE            401       200   200    200              200         403
			RULES            401       200   403    403              403         403
			RULE_CREATE      401       201   403    403              403         403
			RULE_DELETE      401       204   403    403              403         403
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

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	ApiCallers callers;

	AppealFixtures appeals;

	Street street;

	final Map<Role, String> tokens = new EnumMap<>(Role.class);

	@BeforeAll
	void callersOfEveryRole() {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		this.callers = new ApiCallers(this.mvc, this.json);
		this.appeals = new AppealFixtures(this.categories, this.rules);
		this.street = registry.street();
		this.tokens.put(Role.ADMIN, this.callers.adminToken());
		Map<Role, UserAccount> accounts = new LinkedHashMap<>();
		accounts.put(Role.LEADER, registry.user(Role.LEADER, Set.of(), null, null));
		accounts.put(Role.DEPARTMENT_STAFF, registry.user(Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY", null));
		accounts.put(Role.GRID_WORKER, registry.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null));
		accounts.put(Role.RESIDENT,
				registry.user(Role.RESIDENT, Set.of(), null, registry.person(this.street.room().id()).id()));
		accounts.forEach((role, account) -> this.tokens.put(role,
				this.callers.firstLogin(registry.loginName(account), RegistryFixtures.FIRST_PASSWORD)));
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
				}));
			}
		}
		return tests.stream();
	}

	@Test
	void theListIsFlatWithEachNameInTheCallersLanguage() {
		MockHttpServletResponse chinese = admin(get("/api/v1/appeal-categories"));
		MockHttpServletResponse english = admin(get("/api/v1/appeal-categories").header("Accept-Language", "en"));

		assertThat(chinese.getStatus()).isEqualTo(200);
		String pension = "$.items[?(@.code == 'PENSION')]";
		assertThat((List<String>) JsonPath.read(content(chinese), pension + ".name")).containsExactly("养老金");
		assertThat((List<String>) JsonPath.read(content(english), pension + ".name")).containsExactly("Pensions");
		assertThat((List<String>) JsonPath.read(content(english), pension + ".parentCode"))
			.containsExactly("WAGES_BENEFITS");
		assertThat((List<Integer>) JsonPath.read(content(english), "$.items[?(@.code == 'POLICY_ENQUIRY')].limitDays"))
			.containsExactly(3);
	}

	@Test
	void aChangeNeedsTheVersionItIsBasedOn() {
		String code = AppealFixtures.code();
		MockHttpServletResponse created = admin(json(post("/api/v1/appeal-categories"), categoryBody(code, 5)));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		assertThat(created.getHeader("ETag")).isEqualTo("\"0\"");

		MockHttpServletResponse withoutVersion = admin(
				json(put("/api/v1/appeal-categories/{code}", code), categoryBody(code, 7)));
		MockHttpServletResponse changed = admin(
				json(put("/api/v1/appeal-categories/{code}", code).header("If-Match", "\"0\""), categoryBody(code, 7)));
		MockHttpServletResponse stale = admin(
				json(put("/api/v1/appeal-categories/{code}", code).header("If-Match", "\"0\""), categoryBody(code, 9)));

		assertThat(withoutVersion.getStatus()).isEqualTo(428);
		assertThat(changed.getStatus()).isEqualTo(200);
		assertThat(changed.getHeader("ETag")).isEqualTo("\"1\"");
		assertThat(stale.getStatus()).isEqualTo(412);
		assertThat(stale.getContentType()).startsWith("application/problem+json");
		assertThat(this.categories.get(RegistryFixtures.COMMUNITY, code).limitDays()).isEqualTo(7);
	}

	@Test
	void aBrokenCategoryIsRefusedFieldByFieldInTheCallersLanguage() {
		Map<String, Object> body = categoryBody(AppealFixtures.code(), 0);
		body.put("departmentCode", "NOWHERE");
		body.put("warningPercent", 100);

		MockHttpServletResponse response = admin(
				json(post("/api/v1/appeal-categories"), body).header("Accept-Language", "en"));

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(response), "$.errors[*].field"))
			.containsExactlyInAnyOrder("departmentCode", "limitDays", "warningPercent");
		assertThat((List<String>) JsonPath.read(content(response), "$.errors[?(@.field == 'limitDays')].message"))
			.containsExactly("The time limit must be 1 to 60 working days.");
	}

	@Test
	void theRouteTellsTheIntakeWhereAnAppealWillGo() {
		AppealCategory category = this.appeals.category("CANTEEN");
		MockHttpServletResponse unrouted = admin(get("/api/v1/appeal-routing").param("categoryCode", category.code()));
		RoutingRule rule = this.appeals.toDepartment(category, null, this.street.grid().id(), "PROPERTY", 1);
		MockHttpServletResponse routed = admin(get("/api/v1/appeal-routing").param("categoryCode", category.code())
			.param("gridId", String.valueOf(this.street.grid().id())));
		MockHttpServletResponse unknown = admin(get("/api/v1/appeal-routing").param("categoryCode", "NO_SUCH"));

		assertThat(JsonPath.<Boolean>read(content(unrouted), "$.dispatch")).isTrue();
		assertThat(JsonPath.<String>read(content(unrouted), "$.departmentCode")).isEqualTo("GENERAL_OFFICE");
		assertThat(JsonPath.<String>read(content(unrouted), "$.suggestedDepartmentCode")).isEqualTo("CANTEEN");
		assertThat(JsonPath.<Boolean>read(content(routed), "$.dispatch")).isFalse();
		assertThat(JsonPath.<String>read(content(routed), "$.departmentCode")).isEqualTo("PROPERTY");
		assertThat(JsonPath.<Integer>read(content(routed), "$.viaRuleId").longValue()).isEqualTo(rule.id());
		assertThat(unknown.getStatus()).isEqualTo(422);
	}

	@Test
	void aRuleIsChangedAndRemovedOnlyWithItsVersion() {
		AppealCategory category = this.appeals.category("CANTEEN");
		RoutingRule rule = this.appeals.toDepartment(category, null, null, "PROPERTY", 5);
		Map<String, Object> body = Map.of("categoryCode", category.code(), "departmentCode", "SANITATION", "priority",
				6);

		MockHttpServletResponse changed = admin(
				json(put("/api/v1/appeal-routing-rules/{id}", rule.id()).header("If-Match", "0"), body));
		MockHttpServletResponse staleDelete = admin(
				delete("/api/v1/appeal-routing-rules/{id}", rule.id()).header("If-Match", "0"));
		MockHttpServletResponse blindDelete = admin(delete("/api/v1/appeal-routing-rules/{id}", rule.id()));
		MockHttpServletResponse deleted = admin(
				delete("/api/v1/appeal-routing-rules/{id}", rule.id()).header("If-Match", "1"));

		assertThat(changed.getStatus()).as(content(changed)).isEqualTo(200);
		assertThat(JsonPath.<String>read(content(changed), "$.departmentCode")).isEqualTo("SANITATION");
		assertThat(staleDelete.getStatus()).isEqualTo(412);
		assertThat(blindDelete.getStatus()).isEqualTo(428);
		assertThat(deleted.getStatus()).isEqualTo(204);
		assertThat(this.rules.all(RegistryFixtures.COMMUNITY)).noneMatch((r) -> r.id() == rule.id());
	}

	private MockHttpServletRequestBuilder request(String call) {
		return switch (call) {
			case "CATEGORIES" -> get("/api/v1/appeal-categories");
			case "CATEGORY_CREATE" -> json(post("/api/v1/appeal-categories"), categoryBody(AppealFixtures.code(), 5));
			case "CATEGORY_UPDATE" -> {
				AppealCategory category = this.appeals.category("PROPERTY");
				yield json(put("/api/v1/appeal-categories/{code}", category.code()).header("If-Match", "0"),
						categoryBody(category.code(), 8));
			}
			case "ROUTE" -> get("/api/v1/appeal-routing").param("categoryCode", "DOGS");
			case "RULES" -> get("/api/v1/appeal-routing-rules");
			case "RULE_CREATE" -> json(post("/api/v1/appeal-routing-rules"),
					Map.of("categoryCode", this.appeals.category("PROPERTY").code(), "departmentCode", "PROPERTY"));
			case "RULE_DELETE" -> delete("/api/v1/appeal-routing-rules/{id}",
					this.appeals.toDepartment(this.appeals.category("PROPERTY"), null, null, "PROPERTY", 1).id())
				.header("If-Match", "0");
			default -> throw new IllegalArgumentException(call);
		};
	}

	private static Map<String, Object> categoryBody(String code, int limitDays) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("nameZh", RegistryFixtures.unique("分类"));
		body.put("nameEn", "Category " + code);
		body.put("departmentCode", "PROPERTY");
		body.put("limitDays", limitDays);
		body.put("warningPercent", 75);
		return body;
	}

	private MockHttpServletResponse admin(MockHttpServletRequestBuilder request) {
		return this.callers.perform(bearer(request, this.tokens.get(Role.ADMIN)));
	}

	private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, Map<String, ?> body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(this.callers.body(body));
	}

}
