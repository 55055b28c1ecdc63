package org.anju.appeals;

import org.anju.RegistryFixtures;
import org.jspecify.annotations.Nullable;

/**
 * Categories and routing rules for tests, with codes and names unique in the JVM's shared
 * database, made through the module's public services.
 */
public final class AppealFixtures {

	private final AppealCategories categories;

	private final RoutingRules rules;

	public AppealFixtures(AppealCategories categories, RoutingRules rules) {
		this.categories = categories;
		this.rules = rules;
	}

	/**
	 * @return a code that no other test uses, such as {@code T_K3ZQ_17}
	 */
	public static String code() {
		return RegistryFixtures.unique("T").toUpperCase().replace('-', '_');
	}

	/**
	 * @return a valid form: five working days, warning at 75 %, callback required
	 */
	public static CategoryForm form(@Nullable String parentCode, String departmentCode) {
		return new CategoryForm(parentCode, RegistryFixtures.unique("分类"), RegistryFixtures.unique("Category"),
				departmentCode, 5, 75, true, true);
	}

	public AppealCategory category(String departmentCode) {
		return this.categories.create(RegistryFixtures.COMMUNITY, code(), form(null, departmentCode));
	}

	public AppealCategory subCategory(AppealCategory parent, String departmentCode) {
		return this.categories.create(RegistryFixtures.COMMUNITY, code(), form(parent.code(), departmentCode));
	}

	public RoutingRule toDepartment(AppealCategory category, @Nullable Long areaId, @Nullable Long gridId,
			String departmentCode, int priority) {
		return this.rules.create(RegistryFixtures.COMMUNITY,
				new RoutingRuleForm(category.code(), areaId, gridId, departmentCode, null, priority, true));
	}

}
