package org.anju.plans;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.console.ConsoleFixtures;
import org.anju.duty.CoverageSource;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserChange;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A plan's command role can name a post: an activation gives it to whoever holds the post
 * then (the console's form shows that person chosen), a person chosen by hand wins, and a
 * role whose post is empty is refused by name. A role or contact whose person left, or
 * whose post was emptied, is a PLAN gap of the coverage check, told to the leaders, and
 * closes when the plan names someone again.
 */
@AnjuSpringTest
class PlanRoleDefaultsTests {

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

	@Autowired
	PlanCoverage coverage;

	ApiCallers callers;

	RegistryFixtures registry;

	UserAccount leader;

	UserAccount reporter;

	String admin;

	PlanFixtures plans;

	@BeforeEach
	void aLeaderAndAReporter() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.leader = this.registry.user(Role.LEADER, Set.of(), null, null);
		this.reporter = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "GENERAL_OFFICE", null);
		this.plans = new PlanFixtures(this.callers,
				this.callers.firstLogin(this.leader, RegistryFixtures.FIRST_PASSWORD));
		this.admin = this.callers.adminToken();
	}

	@Test
	void aRoleNamingAPostGoesToWhoeverHoldsItAtActivationUnlessSomeoneIsChosenByHand() {
		String postName = PlanFixtures.unique("值班领导");
		long post = newPost(postName);
		UserAccount first = this.registry.user(Role.LEADER, Set.of(), null, null);
		UserAccount second = this.registry.user(Role.LEADER, Set.of(), null, null);
		hold(post, first.id());
		long plan = this.plans
			.approvedPlan(withPost(PlanFixtures.body(PlanFixtures.unique("预案"), roles(), Map.of()), "COMMANDER", post));

		String read = content(this.plans.plan(plan));
		assertThat(number(read, "$.content.roles[?(@.role == 'COMMANDER')].postId")).isEqualTo(post);
		assertThat(number(read, "$.content.roles[?(@.role == 'COMMANDER')].holderId")).isEqualTo(first.id());
		assertThat((List<String>) JsonPath.read(read, "$.content.roles[?(@.role == 'COMMANDER')].postName"))
			.singleElement()
			.asString()
			.endsWith(postName);
		assertThat(holder(this.plans.activated(plan, true), "COMMANDER")).isEqualTo(first.id());

		hold(post, second.id());
		assertThat(holder(this.plans.activated(plan, true), "COMMANDER")).as("the post's holder at activation")
			.isEqualTo(second.id());
		String page = consolePage(plan);
		assertThat(page).as("the console's form shows the post's holder chosen")
			.containsPattern("<option value=\"" + second.id() + "\"\\s+selected")
			.contains("默认由岗位「")
			.contains(postName);
		MockHttpServletResponse chosen = this.plans.activate(
				Map.of("planId", plan, "level", "III", "drill", true, "holders", Map.of("COMMANDER", first.id())));
		assertThat(chosen.getStatus()).as(content(chosen)).isEqualTo(201);
		assertThat(holder(content(chosen), "COMMANDER")).as("a holder chosen by hand wins").isEqualTo(first.id());

		hold(post, null);
		long before = incidents();
		MockHttpServletResponse empty = this.plans.activate(Map.of("planId", plan, "level", "II", "drill", false));
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(empty), "$.errors[*].field"))
			.containsExactly("holders.COMMANDER");
		assertThat(content(empty)).contains("岗位「").contains(postName + "」无人在岗");
		MockHttpServletResponse english = this.callers
			.perform(bearer(post("/api/v1/incidents"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content(this.callers.body(Map.of("planId", plan, "level", "II"))));
		assertThat(content(english)).contains("nobody holds the post").contains(postName);
		assertThat(incidents()).as("nothing written").isEqualTo(before);
	}

	@Test
	void aRoleNamesAPersonOrAnExistingPostAndAContactAStaffAccount() {
		long post = newPost(PlanFixtures.unique("岗位"));
		Map<String, Object> both = withPost(PlanFixtures.body(PlanFixtures.unique("预案"), roles(), Map.of()),
				"COMMANDER", post);
		roleOf(both, "COMMANDER").put("defaultUserId", this.leader.id());
		MockHttpServletResponse twice = this.plans.create(both);
		assertThat(twice.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(twice), "$.errors[*].field"))
			.containsExactly("roles[0].postId");
		assertThat(content(twice)).contains("角色只能指定人员或岗位之一");

		Map<String, Object> unknown = withPost(PlanFixtures.body(PlanFixtures.unique("预案"), roles(), Map.of()),
				"COMMANDER", Long.MAX_VALUE);
		unknown.put("contacts", List.of(Map.of("name", "值班员", "phone", "0730-8000120", "userId", 987_654_321L)));
		MockHttpServletResponse bad = this.plans.create(unknown);
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(bad), "$.errors[*].field"))
			.containsExactlyInAnyOrder("roles[0].postId", "contacts[0].userId");
		assertThat(content(bad)).contains("找不到岗位 " + Long.MAX_VALUE).contains("用户 987654321 不是在用的工作人员账号");
	}

	@Test
	void aPlanWhoseRolesOrContactsPointToDepartedPeopleIsACoverageGapUntilItNamesSomeoneElse() {
		long post = newPost(PlanFixtures.unique("后勤岗"));
		UserAccount keeper = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "GENERAL_OFFICE", null);
		hold(post, keeper.id());
		UserAccount medic = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "GENERAL_OFFICE", null);
		UserAccount contact = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "GENERAL_OFFICE", null);
		Map<String, @Nullable Long> roles = roles();
		roles.put("MEDICAL", medic.id());
		roles.put("LOGISTICS", null);
		Map<String, Object> body = withPost(PlanFixtures.body(PlanFixtures.unique("预案"), roles, Map.of()), "LOGISTICS",
				post);
		body.put("contacts", List.of(Map.of("name", "卫生站值班", "phone", "0730-8000140", "userId", contact.id())));
		long plan = this.plans.approvedPlan(body);
		assertThat(items(plan)).as("every role naming someone and the contacts, all reached")
			.containsExactlyInAnyOrder("COMMANDER null", "REPORTING null", "MEDICAL null", "LOGISTICS null",
					"CONTACT null");

		disable(medic);
		disable(contact);
		assertThat(items(plan)).contains("MEDICAL HOLDER_DISABLED", "CONTACT HOLDER_DISABLED");
		String gaps = content(this.callers.perform(bearer(get("/api/v1/plans/role-gaps"), this.admin)));
		assertThat((List<String>) JsonPath.read(gaps, "$[?(@.planId == " + plan + ")].reason"))
			.containsExactly("HOLDER_DISABLED", "HOLDER_DISABLED");
		assertThat((List<Integer>) JsonPath.read(gaps, "$[?(@.planId == " + plan + " && @.contact == 0)].userId"))
			.containsExactly((int) contact.id());

		hold(post, null);
		// emptying the post is a change of duty's, so the check runs on its own and finds
		// all three
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(coverageGaps(plan)).containsExactlyInAnyOrder(
					"PLAN " + plan + " MEDICAL HOLDER_DISABLED", "PLAN " + plan + " LOGISTICS POST_EMPTY",
					"PLAN " + plan + " CONTACT HOLDER_DISABLED"));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					select count(*) from notification where community_id = 1 and recipient_id = :r
					  and kind = 'COVERAGE_GAP' and subject_number = :number
					""").param("r", this.leader.id()).param("number", "PLAN " + plan).query(Integer.class).single())
				.as("each gap is a task for the leaders")
				.isEqualTo(3));

		Map<String, @Nullable Long> fixed = roles();
		fixed.put("MEDICAL", this.reporter.id());
		Map<String, Object> again = PlanFixtures.body(PlanFixtures.unique("预案"), fixed, Map.of());
		MockHttpServletResponse edited = this.plans.edit(plan, header(plan), again);
		assertThat(edited.getStatus()).as(content(edited)).isEqualTo(200);
		assertThat(this.plans.approve(plan, edited.getHeader("ETag")).getStatus()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(coverageGaps(plan)).as("the approved version names people still here").isEmpty());
	}

	private List<String> items(long plan) {
		return this.coverage.items(COMMUNITY)
			.stream()
			.filter((item) -> item.subjectKey().equals(Long.toString(plan)))
			.peek((item) -> assertThat(item.subjectType()).isEqualTo("PLAN"))
			.map((item) -> item.level() + " " + item.reason())
			.toList();
	}

	private List<String> coverageGaps(long plan) {
		String report = content(this.callers.perform(bearer(get("/api/v1/coverage"), this.admin)));
		List<Map<String, Object>> gaps = JsonPath.read(report,
				"$.gaps[?(@.subjectType == 'PLAN' && @.subjectId == " + plan + ")]");
		return gaps.stream()
			.map((gap) -> gap.get("subjectType") + " " + gap.get("subjectId") + " " + gap.get("level") + " "
					+ gap.get("reason"))
			.toList();
	}

	private String consolePage(long plan) {
		try {
			MockHttpServletResponse response = this.mvc.perform(get("/plans/{id}", plan)
				.with(authentication(
						ConsoleFixtures.signedIn(ConsoleFixtures.user(this.users.get(COMMUNITY, this.leader.id())))))
				.locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(200);
			return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return a new post of the Party committee, without a holder
	 */
	private long newPost(String name) {
		long unit = this.jdbc.sql("select id from duty_unit where community_id = 1 and kind = 'PARTY_COMMITTEE'")
			.query(Long.class)
			.single();
		MockHttpServletResponse created = this.callers.perform(bearer(post("/api/v1/posts"), this.admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(
					Map.of("unitId", unit, "name", name, "businessDuties", "值班", "stabilityDuties", "突发事件第一时间到场指挥"))));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		return ((Number) JsonPath.read(content(created), "$.id")).longValue();
	}

	private void hold(long post, @Nullable Long userId) {
		String etag = this.callers.perform(bearer(get("/api/v1/posts/{id}", post), this.admin)).getHeader("ETag");
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("userId", userId);
		MockHttpServletResponse held = this.callers
			.perform(bearer(put("/api/v1/posts/{id}/holder", post), this.admin).header("If-Match", String.valueOf(etag))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
		assertThat(held.getStatus()).as(content(held)).isEqualTo(200);
	}

	private String header(long plan) {
		return String.valueOf(this.plans.plan(plan).getHeader("ETag"));
	}

	private void disable(UserAccount account) {
		UserAccount now = this.users.get(COMMUNITY, account.id());
		this.users.update(COMMUNITY, now.id(), now.version(),
				new UserChange(now.displayName(), now.role(), now.gridIds(), now.departmentCode(), null, false));
	}

	private Map<String, @Nullable Long> roles() {
		Map<String, @Nullable Long> roles = new LinkedHashMap<>();
		roles.put("COMMANDER", this.leader.id());
		roles.put("REPORTING", this.reporter.id());
		return roles;
	}

	/**
	 * @return the body with the role naming the post instead of a person
	 */
	private static Map<String, Object> withPost(Map<String, Object> body, String role, long post) {
		Map<String, Object> entry = roleOf(body, role);
		entry.remove("defaultUserId");
		entry.put("postId", post);
		return body;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> roleOf(Map<String, Object> body, String role) {
		List<Map<String, Object>> roles = new ArrayList<>((List<Map<String, Object>>) body.get("roles"));
		body.put("roles", roles);
		for (int i = 0; i < roles.size(); i++) {
			if (role.equals(roles.get(i).get("role"))) {
				roles.set(i, new LinkedHashMap<>(roles.get(i)));
				return roles.get(i);
			}
		}
		throw new IllegalArgumentException(role);
	}

	private static long number(String json, String path) {
		return ((Number) ((List<?>) JsonPath.read(json, path)).get(0)).longValue();
	}

	private static long holder(String incident, String role) {
		return number(incident, "$.roles[?(@.role == '" + role + "')].userId");
	}

	private long incidents() {
		return this.jdbc.sql("select count(*) from incident").query(Long.class).single();
	}

}
