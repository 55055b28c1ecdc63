package org.anju.appeals.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.people.PinyinIndex;
import org.anju.shared.CommunityId;
import org.anju.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the appeal pages show instead of codes and IDs: categories by their path in the
 * tree (邻里纠纷 / 养狗), departments, staff and people by name, in the reader's language.
 */
@Component
class AppealNames {

	private final AppealCategories categories;

	private final Departments departments;

	private final UserManagement users;

	private final PersonManagement people;

	AppealNames(AppealCategories categories, Departments departments, UserManagement users, PersonManagement people) {
		this.categories = categories;
		this.departments = departments;
		this.users = users;
		this.people = people;
	}

	/**
	 * @return the person as the user may see them (phone masked), or {@literal null} for
	 * none or one beyond the user's grids, whom the page names without a link
	 */
	@Nullable Person person(CurrentUser user, @Nullable Long personId) {
		if (personId == null) {
			return null;
		}
		try {
			return this.people.get(user, personId);
		}
		catch (NotFound ex) {
			return null;
		}
	}

	/**
	 * @return every category, active or not, each parent before its children
	 */
	List<CategoryOption> categories(CommunityId community, Locale locale) {
		List<AppealCategory> tree = this.categories.tree(community);
		Map<String, String> paths = new HashMap<>();
		Map<String, Integer> depths = new HashMap<>();
		// the tree lists every parent before its children
		return tree.stream().map((category) -> {
			String parent = category.parentCode();
			String path = ((parent != null) ? paths.get(parent) + " / " : "") + category.name(locale);
			int depth = (parent != null) ? depths.get(parent) + 1 : 0;
			paths.put(category.code(), path);
			depths.put(category.code(), depth);
			return new CategoryOption(category.code(), category.name(locale), path, depth,
					String.join(" ", PinyinIndex.of(category.nameZh()).keys()) + " " + category.nameZh() + " "
							+ category.nameEn().toLowerCase(Locale.ROOT) + " "
							+ category.code().toLowerCase(Locale.ROOT),
					category.departmentCode(), category.active());
		}).toList();
	}

	Map<String, String> categoryPaths(CommunityId community, Locale locale) {
		Map<String, String> paths = new LinkedHashMap<>();
		categories(community, locale).forEach((option) -> paths.put(option.code(), option.path()));
		return paths;
	}

	/**
	 * @return the department that usually handles the category, offered first when
	 * assigning
	 */
	@Nullable String usualDepartment(CommunityId community, String categoryCode) {
		return this.categories.find(community, categoryCode).map(AppealCategory::departmentCode).orElse(null);
	}

	Map<String, String> departments(CommunityId community, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		this.departments.all(community).forEach((department) -> names.put(department.code(), department.name(locale)));
		return names;
	}

	String department(CommunityId community, String code, Locale locale) {
		return this.departments.find(community, code).map((department) -> department.name(locale)).orElse(code);
	}

	/**
	 * @return the enabled staff accounts by ID, who may be given an appeal
	 */
	Map<Long, UserAccount> staff(CommunityId community) {
		Map<Long, UserAccount> staff = new LinkedHashMap<>();
		this.users.all(community)
			.stream()
			.filter((account) -> account.role() != Role.RESIDENT && account.enabled())
			.forEach((account) -> staff.put(account.id(), account));
		return staff;
	}

	String staffName(CommunityId community, long id) {
		return this.users.get(community, id).displayName();
	}

	/**
	 * A category to pick: its name, its path in the tree, how deep it hangs, and the
	 * words it is found by (pinyin in full and as initials, both names, the code).
	 */
	record CategoryOption(String code, String name, String path, int depth, String keys, String departmentCode,
			boolean active) {
	}

}
