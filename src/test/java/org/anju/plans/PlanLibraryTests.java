package org.anju.plans;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserChange;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The plan library: seeded templates, versions frozen once approved, a leader's approval
 * superseding the version before, bad plans refused field by field, and roles whose
 * default holder left found for the coverage check.
 */
@AnjuSpringTest
class PlanLibraryTests {

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
	PlanRoleGaps gaps;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	RegistryFixtures registry;

	UserAccount leader;

	PlanFixtures plans;

	@BeforeEach
	void aLeader() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.leader = this.registry.user(Role.LEADER, Set.of(), null, null);
		this.plans = new PlanFixtures(this.callers,
				this.callers.firstLogin(this.leader, RegistryFixtures.FIRST_PASSWORD));
	}

	@Test
	void everyCommunityStartsWithTheTenTemplatesAsDraftsWithEveryRoleAndATimedChecklist() {
		long community = this.jdbc
			.sql("insert into community (id, name) select coalesce(max(id), 0) + 1, :name from community returning id")
			.param("name", PlanFixtures.unique("预案社区"))
			.query(Long.class)
			.single();
		for (long c : List.of(COMMUNITY.value(), community)) {
			List<String> codes = this.jdbc
				.sql("select code from contingency_plan where community_id = :c and code is not null order by sort")
				.param("c", c)
				.query(String.class)
				.list();
			assertThat(codes).containsExactly("PETITION_GATHERING", "ESCALATED_PETITION", "CANTEEN_FOOD_POISONING",
					"GAS_LEAK", "FIRE", "FLOOD", "HEATING_OUTAGE", "WATER_POWER_OUTAGE", "KINDERGARTEN_SAFETY",
					"PUBLIC_HEALTH");
		}
		List<Map<String, Object>> perPlan = this.jdbc.sql("""
				select p.code, count(distinct r.role) as roles, count(s.*) as steps, min(s.minutes) as fastest
				from contingency_plan p
				join plan_role r on r.community_id = p.community_id and r.plan_id = p.id and r.number = 1
				join plan_step s on s.community_id = r.community_id and s.plan_id = r.plan_id and s.number = 1
				                and s.role = r.role
				where p.community_id = :c and p.code is not null group by p.code
				""").param("c", community).query().listOfRows();
		assertThat(perPlan).hasSize(10).allSatisfy((plan) -> {
			assertThat(((Number) plan.get("roles")).intValue()).as("roles of %s", plan.get("code")).isEqualTo(6);
			assertThat(((Number) plan.get("steps")).intValue()).as("steps of %s", plan.get("code")).isGreaterThan(6);
		});
		long petition = this.jdbc
			.sql("select id from contingency_plan where community_id = 1 and code = 'PETITION_GATHERING'")
			.query(Long.class)
			.single();
		String read = content(this.plans.plan(petition));
		assertThat((String) JsonPath.read(read, "$.name")).isEqualTo("群体上访/聚集");
		assertThat((List<String>) JsonPath.read(read, "$.content.warningLevels")).contains("RED");
		assertThat((List<String>) JsonPath.read(read, "$.content.roles[*].role")).containsExactly("COMMANDER",
				"ON_SITE", "REPORTING", "LOGISTICS", "MEDICAL", "COMMUNICATION");
		assertThat((List<Integer>) JsonPath.read(read, "$.content.roles[?(@.role == 'REPORTING')].steps[0].minutes"))
			.containsExactly(60);
	}

	@Test
	void editingAnApprovedPlanStartsANewDraftAndTheLeadersApprovalSupersedesTheOldVersion() {
		Map<String, Object> body = PlanFixtures.body(PlanFixtures.unique("预案"),
				roles(this.leader.id(), this.leader.id()), Map.of());
		MockHttpServletResponse created = this.plans.create(body);
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		long id = ((Number) JsonPath.read(content(created), "$.id")).longValue();
		assertThat((String) JsonPath.read(content(created), "$.content.state")).isEqualTo("DRAFT");
		assertThat((String) JsonPath.read(content(created), "$.content.contacts[1].phone"))
			.as("a contact's mobile reads masked")
			.doesNotContain("13912345678");
		String etag = created.getHeader("ETag");

		MockHttpServletResponse approved = this.plans.approve(id, etag);
		assertThat(approved.getStatus()).as(content(approved)).isEqualTo(200);
		assertThat((Integer) JsonPath.read(content(approved), "$.approvedNumber")).isEqualTo(1);
		assertThat(this.plans.approve(id, approved.getHeader("ETag")).getStatus()).as("nothing left to approve")
			.isEqualTo(409);
		assertThat(this.plans.approve(id, etag).getStatus()).as("a stale If-Match").isEqualTo(412);

		Map<String, Object> changed = new HashMap<>(body);
		changed.put("trigger", "10 人以上聚集");
		MockHttpServletResponse edited = this.plans.edit(id, approved.getHeader("ETag"), changed);
		assertThat(edited.getStatus()).as(content(edited)).isEqualTo(200);
		assertThat((Integer) JsonPath.read(content(edited), "$.draftNumber")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(content(edited), "$.approvedNumber")).isEqualTo(1);
		MockHttpServletResponse again = this.plans.edit(id, edited.getHeader("ETag"), changed);
		assertThat((Integer) JsonPath.read(content(again), "$.draftNumber")).as("a draft is rewritten in place")
			.isEqualTo(2);
		String first = content(this.callers
			.perform(bearer(get("/api/v1/plans/{id}", id).param("number", "1"), this.callers.adminToken())));
		assertThat((String) JsonPath.read(first, "$.content.trigger")).as("an approved version never changes")
			.isEqualTo("5 人以上聚集");

		MockHttpServletResponse second = this.plans.approve(id, again.getHeader("ETag"));
		assertThat(second.getStatus()).as(content(second)).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(content(second), "$.versions[*].state")).containsExactly("APPROVED",
				"SUPERSEDED");
		assertThat(audits(id)).containsExactly("PLAN_CREATED", "PLAN_APPROVED", "PLAN_DRAFT_STARTED",
				"PLAN_DRAFT_EDITED", "PLAN_APPROVED");
	}

	@Test
	void staffReadPlansButOnlyLeadersWriteAndApproveThem() {
		UserAccount staff = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "GENERAL_OFFICE", null);
		PlanFixtures asStaff = new PlanFixtures(this.callers,
				this.callers.firstLogin(staff, RegistryFixtures.FIRST_PASSWORD));
		MockHttpServletResponse created = this.plans
			.create(PlanFixtures.body(PlanFixtures.unique("预案"), roles(null, null), Map.of()));
		long id = ((Number) JsonPath.read(content(created), "$.id")).longValue();
		assertThat(asStaff.plan(id).getStatus()).isEqualTo(200);
		assertThat(asStaff.approve(id, created.getHeader("ETag")).getStatus()).isEqualTo(403);
		assertThat(
				asStaff.create(PlanFixtures.body(PlanFixtures.unique("预案"), roles(null, null), Map.of())).getStatus())
			.isEqualTo(403);
	}

	@Test
	void aBadPlanIsRefusedFieldByFieldInChineseOrEnglishWithNothingWritten() {
		Map<String, Object> body = PlanFixtures.body(PlanFixtures.unique("预案"), roles(null, null),
				Map.of("COMMANDER", List.of(0)));
		body.put("trigger", " ");
		body.put("warningLevels", List.of("PURPLE"));
		body.put("roles", List.of(((List<?>) body.get("roles")).get(0), Map.of("role", "CHEF", "steps", List.of())));
		long before = plans();
		MockHttpServletResponse zh = this.plans.create(body);
		assertThat(zh.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(zh), "$.errors[*].field")).contains("trigger", "warningLevels",
				"roles[0].steps[0].minutes", "roles[1].role", "roles[1].steps", "roles");
		assertThat(content(zh)).contains("时限须在 1 到 43200 分钟之间").contains("没有这个指挥角色：CHEF");

		MockHttpServletResponse en = this.callers
			.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/plans"),
					this.callers.adminToken())
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
				.header("Accept-Language", "en")
				.content(this.callers.body(body)));
		assertThat(en.getStatus()).isEqualTo(422);
		assertThat(content(en)).contains("There is no command role CHEF")
			.contains("A plan must have the role REPORTING");
		assertThat(plans()).isEqualTo(before);
	}

	@Test
	void aRoleWhoseDefaultHolderWasDisabledIsACoverageGap() {
		UserAccount holder = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "GENERAL_OFFICE", null);
		long id = this.plans
			.approvedPlan(PlanFixtures.body(PlanFixtures.unique("预案"), roles(this.leader.id(), holder.id()), Map.of()));
		assertThat(this.gaps.of(COMMUNITY)).noneMatch((gap) -> gap.planId() == id);

		this.users.update(COMMUNITY, holder.id(), holder.version(), new UserChange(holder.displayName(), holder.role(),
				holder.gridIds(), holder.departmentCode(), null, false));

		assertThat(this.gaps.of(COMMUNITY)).filteredOn((gap) -> gap.planId() == id).singleElement().satisfies((gap) -> {
			assertThat(gap.role()).isEqualTo(PlanRole.REPORTING);
			assertThat(gap.userId()).isEqualTo(holder.id());
			assertThat(gap.number()).isEqualTo(1);
		});
		assertThat(this.gaps.of(new CommunityId(COMMUNITY.value() + 100_000))).isEmpty();
		String page = content(this.callers.perform(bearer(get("/api/v1/plans/role-gaps"), this.callers.adminToken())));
		assertThat((List<Integer>) JsonPath.read(page, "$[?(@.planId == " + id + ")].userId"))
			.containsExactly((int) holder.id());
	}

	private List<String> audits(long planId) {
		return this.jdbc.sql("""
				select action from audit_event where community_id = 1 and subject_type = 'CONTINGENCY_PLAN'
				and subject_id = :id order by id
				""").param("id", String.valueOf(planId)).query(String.class).list();
	}

	private long plans() {
		return this.jdbc.sql("select count(*) from contingency_plan").query(Long.class).single();
	}

	/**
	 * The two roles a plan must have, held by default as given.
	 */
	static Map<String, @org.jspecify.annotations.Nullable Long> roles(@org.jspecify.annotations.Nullable Long commander,
			@org.jspecify.annotations.Nullable Long reporting) {
		Map<String, @org.jspecify.annotations.Nullable Long> roles = new LinkedHashMap<>();
		roles.put("COMMANDER", commander);
		roles.put("REPORTING", reporting);
		return roles;
	}

}
