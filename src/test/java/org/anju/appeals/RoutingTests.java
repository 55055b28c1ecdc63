package org.anju.appeals;

import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserChange;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where a new appeal goes: the most specific matching rule, a parent's rules for a
 * sub-category without its own, and otherwise the general office's dispatch queue.
 */
@AnjuSpringTest
class RoutingTests {

	@Autowired
	Routing routing;

	@Autowired
	RoutingRules rules;

	@Autowired
	AppealCategories categories;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	AppealFixtures appeals;

	RegistryFixtures registry;

	Street street;

	@BeforeEach
	void fixtures() {
		this.appeals = new AppealFixtures(this.categories, this.rules);
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.registry.street();
	}

	@Test
	void aGridRuleBeatsAnAreaRuleWhichBeatsARuleForTheWholeCategory() {
		AppealCategory category = this.appeals.category("GENERAL_OFFICE");
		Place area = this.street.area();
		Place grid = this.street.grid();
		Place neighbouringGrid = this.registry.grid(area);
		Place otherArea = this.registry.area();
		this.appeals.toDepartment(category, null, null, "PROPERTY", 1);
		this.appeals.toDepartment(category, area.id(), null, "SANITATION", 500);
		RoutingRule gridRule = this.appeals.toDepartment(category, null, grid.id(), "SECURITY", 999);

		assertThat(departmentFor(category, area.id(), grid.id())).isEqualTo("SECURITY");
		assertThat(this.routing.route(COMMUNITY, category.code(), null, grid.id()))
			.as("the grid's area is found from the grid")
			.isEqualTo(new Route("SECURITY", null, gridRule.id(), false, "GENERAL_OFFICE"));
		assertThat(departmentFor(category, area.id(), neighbouringGrid.id())).isEqualTo("SANITATION");
		assertThat(departmentFor(category, otherArea.id(), null)).isEqualTo("PROPERTY");
		assertThat(departmentFor(category, null, null)).isEqualTo("PROPERTY");
	}

	@Test
	void amongEquallySpecificRulesTheLowerPriorityNumberWins() {
		AppealCategory category = this.appeals.category("GENERAL_OFFICE");
		this.appeals.toDepartment(category, null, null, "PROPERTY", 50);
		this.appeals.toDepartment(category, null, null, "CANTEEN", 10);
		this.appeals.toDepartment(category, null, null, "SANITATION", 30);

		assertThat(departmentFor(category, null, null)).isEqualTo("CANTEEN");
	}

	@Test
	void aSubCategoryWithoutAMatchingRuleOfItsOwnFollowsItsParentsRules() {
		AppealCategory parent = this.appeals.category("GENERAL_OFFICE");
		AppealCategory child = this.appeals.subCategory(parent, "PROPERTY");
		AppealCategory grandchild = this.appeals.subCategory(child, "PROPERTY");
		RoutingRule parentRule = this.appeals.toDepartment(parent, null, null, "SANITATION", 100);
		this.appeals.toDepartment(child, this.street.area().id(), null, "SECURITY", 100);

		assertThat(this.routing.route(COMMUNITY, grandchild.code(), null, null))
			.isEqualTo(new Route("SANITATION", null, parentRule.id(), false, "PROPERTY"));
		assertThat(departmentFor(grandchild, this.street.area().id(), null))
			.as("the child's own area rule comes before the parent's")
			.isEqualTo("SECURITY");
		assertThat(departmentFor(child, this.registry.area().id(), null)).isEqualTo("SANITATION");
	}

	@Test
	void inactiveRulesAreIgnored() {
		AppealCategory category = this.appeals.category("CANTEEN");
		RoutingRule rule = this.appeals.toDepartment(category, null, this.street.grid().id(), "PROPERTY", 1);
		this.rules.update(COMMUNITY, rule.id(), rule.version(),
				new RoutingRuleForm(category.code(), null, this.street.grid().id(), "PROPERTY", null, 1, false));

		assertThat(this.routing.route(COMMUNITY, category.code(), null, this.street.grid().id()).dispatch()).isTrue();
	}

	@Test
	void whatNoRuleClaimsWaitsForTheGeneralOfficeWithTheCategorysDepartmentSuggested() {
		AppealCategory category = this.appeals.category("CANTEEN");

		assertThat(this.routing.route(COMMUNITY, category.code(), this.street.area().id(), this.street.grid().id()))
			.isEqualTo(new Route("GENERAL_OFFICE", null, null, true, "CANTEEN"));
	}

	@Test
	void aRuleNamingAPersonAssignsThemInTheirDepartmentUntilTheirAccountIsDisabled() {
		AppealCategory category = this.appeals.category("GENERAL_OFFICE");
		UserAccount handler = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "ENERGY", null);
		RoutingRule toHandler = this.rules.create(COMMUNITY,
				new RoutingRuleForm(category.code(), null, null, null, handler.id(), 1, true));
		this.appeals.toDepartment(category, null, null, "PROPERTY", 2);

		assertThat(this.routing.route(COMMUNITY, category.code(), null, null))
			.isEqualTo(new Route("ENERGY", handler.id(), toHandler.id(), false, "GENERAL_OFFICE"));
		this.users.update(COMMUNITY, handler.id(), handler.version(),
				new UserChange(handler.displayName(), handler.role(), Set.of(), "ENERGY", null, false));
		assertThat(departmentFor(category, null, null)).isEqualTo("PROPERTY");
	}

	@Test
	void anUnknownOrDeactivatedCategoryOrAnUnknownPlaceCannotBeRouted() {
		AppealCategory category = this.appeals.category("CANTEEN");
		this.categories.update(COMMUNITY, category.code(), category.version(),
				new CategoryForm(null, category.nameZh(), category.nameEn(), "CANTEEN", 5, 75, true, false));

		assertThat(routeProblem("NO_SUCH_CATEGORY", null, null)).isEqualTo("routing.category.unknown");
		assertThat(routeProblem(category.code(), null, null)).isEqualTo("routing.category.inactive");
		assertThat(routeProblem("DOGS", this.street.grid().id(), null)).isEqualTo("routing.area.unknown");
		assertThat(routeProblem("DOGS", null, this.street.area().id())).isEqualTo("routing.grid.unknown");
	}

	@Test
	void aRuleMustNameAKnownCategoryPlaceAndExactlyOneOfDepartmentAndPerson() {
		AppealCategory category = this.appeals.category("CANTEEN");
		Place foreignGrid = this.registry.grid(this.registry.area());
		UserAccount resident = this.registry.user(Role.RESIDENT, Set.of(), null,
				this.registry.person(this.street.room().id()).id());

		assertThat(ruleProblems(new RoutingRuleForm("NO_SUCH_CATEGORY", null, null, "PROPERTY", null, 1, true)))
			.containsExactly("routing.category.unknown");
		assertThat(ruleProblems(new RoutingRuleForm(category.code(), this.street.area().id(), foreignGrid.id(),
				"PROPERTY", null, 1, true)))
			.containsExactly("routing.grid.outsideArea");
		assertThat(ruleProblems(new RoutingRuleForm(category.code(), this.street.grid().id(), this.street.area().id(),
				"NO_SUCH_DEPARTMENT", null, 1000, true)))
			.containsExactly("routing.area.unknown", "routing.grid.unknown", "routing.department.unknown",
					"routing.priority.range");
		assertThat(ruleProblems(new RoutingRuleForm(category.code(), null, null, "PROPERTY", resident.id(), 1, true)))
			.containsExactly("routing.target.exactlyOne");
		assertThat(ruleProblems(new RoutingRuleForm(category.code(), null, null, null, null, 1, true)))
			.containsExactly("routing.target.exactlyOne");
		assertThat(ruleProblems(new RoutingRuleForm(category.code(), null, null, null, resident.id(), 1, true)))
			.containsExactly("routing.assignee.notStaff");
		assertThat(ruleProblems(new RoutingRuleForm(category.code(), null, null, null, -1L, 1, true)))
			.containsExactly("routing.assignee.unknown");
	}

	private String departmentFor(AppealCategory category, @Nullable Long areaId, @Nullable Long gridId) {
		return String.valueOf(this.routing.route(COMMUNITY, category.code(), areaId, gridId).departmentCode());
	}

	private String routeProblem(String categoryCode, @Nullable Long areaId, @Nullable Long gridId) {
		try {
			return "routed to " + this.routing.route(COMMUNITY, categoryCode, areaId, gridId);
		}
		catch (InvalidInput ex) {
			return ex.violations().get(0).code();
		}
	}

	private java.util.List<String> ruleProblems(RoutingRuleForm form) {
		try {
			return java.util.List.of("created " + this.rules.create(COMMUNITY, form));
		}
		catch (InvalidInput ex) {
			return ex.violations().stream().map(InvalidInput.Violation::code).toList();
		}
	}

}
