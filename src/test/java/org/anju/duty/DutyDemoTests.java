package org.anju.duty;

import java.util.List;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.InterestGroups;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo fills posts and the matrix the way an office would, and leaves exactly the
 * gaps it plants: a grid without a grid worker (and so its buildings) and the 协解 group
 * without a liaison.
 */
@AnjuSpringTest
class DutyDemoTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Autowired
	InterestGroups groups;

	@Autowired
	Units units;

	@Autowired
	Posts posts;

	@Autowired
	Responsibilities responsibilities;

	@Autowired
	Coverage coverage;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theDemoLeavesItsPlantedGapsAndCoversEverythingElse() {
		DutyCommunity town = new DutyCommunity(this.jdbc, this.places, this.users);
		this.jdbc.sql("""
				insert into interest_group (community_id, code, name_zh, name_en, sort)
				select :c, code, name_zh, name_en, sort from interest_group where community_id = 1
				""").param("c", town.community.value()).update();
		for (int a = 0; a < 2; a++) {
			Place area = town.area();
			for (int g = 0; g < 3; g++) {
				town.building(town.grid(area));
			}
		}
		Place staffed = this.places.list(PlaceSubjects.wholeCommunity(town.community), null, null)
			.stream()
			.filter((place) -> place.kind().name().equals("GRID"))
			.findFirst()
			.orElseThrow();
		town.account(Role.GRID_WORKER, Set.of(staffed.id()));
		town.departmentStaff("RETIREE_AFFAIRS");
		DutyDemo demo = new DutyDemo(this.units, this.posts, this.responsibilities, this.coverage, this.places,
				this.users, this.groups, this.transaction, town.community.value());

		demo.fill(town.admin, RegistryFixtures.unique("demo").replace("-", "."));
		CoverageReport report = this.coverage.check(town.community);

		List<String> gaps = report.gaps()
			.stream()
			.map((gap) -> gap.subjectType() + " " + gap.level() + " " + gap.reason())
			.toList();
		assertThat(gaps).containsExactlyInAnyOrder("GRID GRID_WORKER NO_RESPONSIBLE",
				"BUILDING GRID_WORKER NO_RESPONSIBLE", "GROUP LIAISON NO_RESPONSIBLE");
		assertThat(report.gaps()).filteredOn((gap) -> gap.subjectType().equals("GROUP"))
			.extracting(CoverageReport.Gap::subjectId)
			.containsExactly(DutyDemo.GROUP_WITHOUT_LIAISON);
		assertThat(this.posts.list(town.community, null))
			.as("every body, the department with staff, " + "two areas and five grids have a post")
			.hasSize(4 + 1 + 2 + 5)
			.allSatisfy((post) -> {
				assertThat(post.holderId()).isNotNull();
				assertThat(post.stabilityDuties()).isNotBlank();
			});
	}

}
