package org.anju.appeals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anju.AnjuSpringTest;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.anju.appeals.AppealFixtures.code;
import static org.anju.appeals.AppealFixtures.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The category tree: seeded from the article's matters, edited under its rules, and
 * audited.
 */
@AnjuSpringTest
class AppealCategoriesTests {

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	JdbcClient jdbc;

	AppealFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new AppealFixtures(this.categories, this.rules);
	}

	@Test
	void theSeededTreeHoldsTheArticlesMattersWithTheirSubCategories() {
		Map<String, AppealCategory> tree = this.categories.tree(COMMUNITY)
			.stream()
			.collect(Collectors.toMap(AppealCategory::code, Function.identity()));

		assertThat(tree.values()).filteredOn((category) -> category.parentCode() == null)
			.extracting(AppealCategory::nameZh)
			.contains("工资福利待遇", "就业/工作", "住房", "物业维修", "交通/班车", "水电气暖", "子女教育/幼教", "食堂", "宾馆", "环境卫生", "治安", "计划生育",
					"邻里纠纷", "政策咨询", "其他");
		assertThat(childrenOf(tree, "WAGES_BENEFITS")).containsExactlyInAnyOrder("养老金", "补贴", "医疗报销");
		assertThat(childrenOf(tree, "SANITATION")).containsExactlyInAnyOrder("牛皮癣/乱张贴", "乱堆放");
		assertThat(childrenOf(tree, "NEIGHBOUR_DISPUTE")).containsExactlyInAnyOrder("养鸡", "养狗", "种菜", "噪音");
		assertThat(tree.get("PENSION").departmentCode()).isEqualTo("RETIREE_AFFAIRS");
		assertThat(tree.get("PROPERTY_REPAIR").departmentCode()).isEqualTo("PROPERTY");
		assertThat(tree.get("UTILITIES").departmentCode()).isEqualTo("ENERGY");
		assertThat(tree.get("HOUSING").limitDays()).isEqualTo(15);
		assertThat(tree.get("POLICY_ENQUIRY").limitDays()).isEqualTo(3);
		assertThat(tree.get("POLICY_ENQUIRY").callbackRequired()).isFalse();
		assertThat(tree.get("DOGS").callbackRequired()).isTrue();
		assertThat(tree.get("DOGS").warningPercent()).isEqualTo(75);
	}

	@Test
	void theTreeListsEveryParentBeforeItsChildrenAndChildrenInTheOrderTheyWereAdded() {
		AppealCategory parent = this.fixtures.category("PROPERTY");
		AppealCategory first = this.fixtures.subCategory(parent, "PROPERTY");
		AppealCategory second = this.fixtures.subCategory(parent, "SANITATION");
		AppealCategory grandchild = this.fixtures.subCategory(first, "PROPERTY");

		List<String> codes = this.categories.tree(COMMUNITY).stream().map(AppealCategory::code).toList();

		assertThat(codes.subList(codes.indexOf(parent.code()), codes.indexOf(parent.code()) + 4))
			.containsExactly(parent.code(), first.code(), grandchild.code(), second.code());
	}

	@Test
	void everyBrokenRuleIsReportedForItsField() {
		CategoryForm broken = new CategoryForm(null, "", "Broken", "NO_SUCH_DEPARTMENT", 0, 100, true, true);

		assertThatThrownBy(() -> this.categories.create(COMMUNITY, "bad code!", broken)).isInstanceOfSatisfying(
				InvalidInput.class,
				(ex) -> assertThat(ex.violations())
					.extracting(InvalidInput.Violation::field, InvalidInput.Violation::code)
					.containsExactlyInAnyOrder(tuple("code", "category.code.format"),
							tuple("nameZh", "category.nameZh.length"),
							tuple("departmentCode", "category.department.unknown"),
							tuple("limitDays", "category.limitDays.range"),
							tuple("warningPercent", "category.warningPercent.range")));
		assertThat(violation(form(null, "PROPERTY"), 61, 75)).isEqualTo("category.limitDays.range");
		assertThat(violation(form(null, "PROPERTY"), 60, 99)).isNull();
		assertThat(violation(form(null, "PROPERTY"), 5, 0)).isEqualTo("category.warningPercent.range");
	}

	@Test
	void aCategoryCannotGoUnderItselfOrUnderItsOwnDescendants() {
		AppealCategory top = this.fixtures.category("PROPERTY");
		AppealCategory child = this.fixtures.subCategory(top, "PROPERTY");
		AppealCategory grandchild = this.fixtures.subCategory(child, "PROPERTY");

		assertThat(moveProblem(top, grandchild.code())).isEqualTo("category.parent.cycle");
		assertThat(moveProblem(top, top.code())).isEqualTo("category.parent.cycle");
		assertThat(moveProblem(top, "NO_SUCH_PARENT")).isEqualTo("category.parent.unknown");
		AppealCategory moved = this.categories.update(COMMUNITY, grandchild.code(), grandchild.version(),
				withParent(grandchild, top.code()));
		assertThat(moved.parentCode()).isEqualTo(top.code());
	}

	@Test
	void aChangeBasedOnAnOldVersionIsRefusedAndAllChangesAreAudited() {
		AppealCategory category = this.fixtures.category("PROPERTY");
		AppealCategory deactivated = this.categories.update(COMMUNITY, category.code(), category.version(),
				new CategoryForm(null, category.nameZh(), category.nameEn(), "SANITATION", 10, 80, false, false));

		assertThat(deactivated)
			.extracting(AppealCategory::departmentCode, AppealCategory::limitDays, AppealCategory::warningPercent,
					AppealCategory::callbackRequired, AppealCategory::active, AppealCategory::version)
			.containsExactly("SANITATION", 10, 80, false, false, category.version() + 1);
		assertThatThrownBy(
				() -> this.categories.update(COMMUNITY, category.code(), category.version(), form(null, "PROPERTY")))
			.isInstanceOfSatisfying(StaleVersion.class,
					(ex) -> assertThat(ex.currentVersion()).isEqualTo(deactivated.version()));
		assertThat(this.jdbc.sql("""
				select action from audit_event
				where community_id = :c and subject_type = 'APPEAL_CATEGORY' and subject_id = :code order by id
				""").param("c", COMMUNITY.value()).param("code", category.code()).query(String.class).list())
			.containsExactly("CATEGORY_CREATED", "CATEGORY_UPDATED");
	}

	@Test
	void aTakenCodeOrASiblingsNameIsRefused() {
		AppealCategory parent = this.fixtures.category("PROPERTY");
		AppealCategory child = this.fixtures.subCategory(parent, "PROPERTY");
		CategoryForm sameName = new CategoryForm(parent.code(), child.nameZh(), "Twin", "PROPERTY", 5, 75, true, true);

		assertThatThrownBy(() -> this.categories.create(COMMUNITY, parent.code(), form(null, "PROPERTY")))
			.isInstanceOf(Refused.class);
		assertThatThrownBy(() -> this.categories.create(COMMUNITY, code(), sameName)).isInstanceOf(Refused.class);
		assertThat(
				this.categories
					.create(COMMUNITY, code(),
							new CategoryForm(null, child.nameZh(), "Same name, other level", "PROPERTY", 5, 75, true,
									true))
					.nameZh())
			.isEqualTo(child.nameZh());
	}

	@Test
	void nothingGoesUnderADeactivatedParent() {
		AppealCategory parent = this.fixtures.category("PROPERTY");
		this.categories.update(COMMUNITY, parent.code(), parent.version(),
				new CategoryForm(null, parent.nameZh(), parent.nameEn(), "PROPERTY", 5, 75, true, false));

		assertThatThrownBy(() -> this.fixtures.subCategory(parent, "PROPERTY")).isInstanceOfSatisfying(
				InvalidInput.class,
				(ex) -> assertThat(ex.violations().get(0).code()).isEqualTo("category.parent.inactive"));
	}

	private String moveProblem(AppealCategory category, String parentCode) {
		try {
			this.categories.update(COMMUNITY, category.code(), category.version(), withParent(category, parentCode));
			return "moved";
		}
		catch (InvalidInput ex) {
			return ex.violations().get(0).code();
		}
	}

	private @Nullable String violation(CategoryForm valid, int limitDays, int warningPercent) {
		CategoryForm form = new CategoryForm(valid.parentCode(), valid.nameZh(), valid.nameEn(), valid.departmentCode(),
				limitDays, warningPercent, true, true);
		try {
			this.categories.create(COMMUNITY, code(), form);
			return null;
		}
		catch (InvalidInput ex) {
			return ex.violations().get(0).code();
		}
	}

	private static CategoryForm withParent(AppealCategory category, String parentCode) {
		return new CategoryForm(parentCode, category.nameZh(), category.nameEn(), category.departmentCode(),
				category.limitDays(), category.warningPercent(), category.callbackRequired(), category.active());
	}

	private static List<String> childrenOf(Map<String, AppealCategory> tree, String parentCode) {
		return tree.values()
			.stream()
			.filter((category) -> parentCode.equals(category.parentCode()))
			.map(AppealCategory::nameZh)
			.toList();
	}

}
