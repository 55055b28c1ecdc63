package org.anju.plans;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.duty.CoverageChanges;
import org.anju.duty.PostHolders;
import org.anju.identity.CurrentUser;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo readies 群体上访/聚集 with a post in every role, so that it activates with every
 * role filled, and 防汛 with a logistics holder who has left, which the coverage check
 * reports as a plan gap. Run in a community of its own, with the posts duty's demo makes.
 */
@AnjuSpringTest
class PlanDemoTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserManagement users;

	@Autowired
	PlanManagement library;

	@Autowired
	Plans plans;

	@Autowired
	PostHolders posts;

	@Autowired
	IncidentManagement incidents;

	@Autowired
	PlanCoverage coverage;

	@Autowired
	CoverageChanges changes;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theDemoApprovesAPlanWhosePostsFillEveryRoleAndLeavesAPlanPointingToSomeoneWhoLeft() {
		CommunityId town = community();
		UserAccount administrator = account(town, Role.ADMIN, null);
		CurrentUser admin = new CurrentUser(town.value(), administrator.id(), administrator.username(),
				administrator.displayName(), Role.ADMIN, Set.of(), null, null, false);
		UserAccount secretary = account(town, Role.LEADER, null);
		UserAccount director = account(town, Role.LEADER, null);
		UserAccount clerk = account(town, Role.DEPARTMENT_STAFF, "GENERAL_OFFICE");
		long party = unit(town, "PARTY_COMMITTEE");
		long administration = unit(town, "ADMINISTRATION");
		post(town, party, "党委书记", secretary);
		post(town, administration, "社区主任", director);
		post(town, unit(town, "DEPARTMENT"), "综合办负责人", clerk);
		PlanDemo demo = new PlanDemo(this.library, this.plans, this.posts, this.users, this.changes, this.transaction,
				town.value());

		demo.fill(admin, RegistryFixtures.unique("demo").replace("-", "."));

		Plans.PlanRow gathering = template(town, PlanDemo.READY);
		assertThat(gathering.approvedNumber()).isNotNull();
		PlanView.VersionContent runs = this.plans.content(town, gathering.id(), gathering.approvedNumber())
			.orElseThrow();
		assertThat(runs.roles()).hasSize(6).allSatisfy((role) -> assertThat(role.postId()).isNotNull());
		assertThat(runs.role(PlanRole.COMMANDER).holderId()).isEqualTo(secretary.id());
		assertThat(runs.role(PlanRole.ON_SITE).holderId()).as("no area head here: the director stands in")
			.isEqualTo(director.id());
		IncidentView incident = this.incidents.activate(admin,
				new NewIncident(gathering.id(), "II", null, true, Map.of()));
		assertThat(incident.roles()).hasSize(6);
		assertThat(runs.role(PlanRole.COMMANDER).steps()).as("the template's checklist is kept").hasSizeGreaterThan(1);

		List<String> gaps = this.coverage.items(town)
			.stream()
			.filter((item) -> item.reason() != null)
			.map((item) -> item.subjectName() + " " + item.level() + " " + item.reason())
			.toList();
		assertThat(gaps).containsExactly("防汛 LOGISTICS HOLDER_DISABLED");
	}

	private CommunityId community() {
		long id = this.jdbc
			.sql("insert into community (id, name) select coalesce(max(id), 0) + 1, :name from community returning id")
			.param("name", RegistryFixtures.unique("预案演示社区"))
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into department (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from department where community_id = 1
				""").param("c", id).update();
		this.jdbc.sql("select duty_seed(:c)").param("c", id).query((rs) -> {
		});
		return new CommunityId(id);
	}

	private UserAccount account(CommunityId town, Role role, @Nullable String department) {
		return this.users.create(town, new NewUser(RegistryFixtures.unique(role.name().toLowerCase()),
				RegistryFixtures.FIRST_PASSWORD, "演示" + role.name(), role, Set.of(), department, null));
	}

	private long unit(CommunityId town, String kind) {
		return this.jdbc.sql("""
				select id from duty_unit where community_id = :c and kind = :kind
				  and (kind <> 'DEPARTMENT' or department_code = 'GENERAL_OFFICE')
				""").param("c", town.value()).param("kind", kind).query(Long.class).single();
	}

	/**
	 * A post as duty's demo makes it, written straight into duty's table: duty's own
	 * services are its business.
	 */
	private void post(CommunityId town, long unit, String name, UserAccount holder) {
		this.jdbc.sql("""
				insert into duty_post (community_id, unit_id, name, stability_duties, holder_id)
				values (:c, :unit, :name, '突发事件到场', :holder)
				""")
			.param("c", town.value())
			.param("unit", unit)
			.param("name", name)
			.param("holder", holder.id())
			.update();
	}

	private Plans.PlanRow template(CommunityId town, String code) {
		return this.plans.all(town).stream().filter((plan) -> code.equals(plan.code())).findFirst().orElseThrow();
	}

}
