package org.anju.appeals.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.CategoryForm;
import org.anju.appeals.RoutingRuleForm;
import org.anju.appeals.RoutingRules;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.organisation.Department;
import org.anju.organisation.Departments;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The appeal categories as a tree to edit in place (names, department, time limit,
 * warning point, callback, active), with a form to add a category or sub-category, and
 * the routing rules beneath. Categories are deactivated, never deleted; rules are
 * removed.
 */
@Controller
@PreAuthorize("hasAuthority('REFERENCE_DATA')")
class CategoryConsole {

	static final String PAGE = "appeals/categories";

	private static final String SAVED = "redirect:/appeal-categories?saved";

	private final AppealCategories categories;

	private final RoutingRules rules;

	private final Departments departments;

	private final PlaceManagement places;

	private final UserManagement users;

	private final MessageSource messages;

	CategoryConsole(AppealCategories categories, RoutingRules rules, Departments departments, PlaceManagement places,
			UserManagement users, MessageSource messages) {
		this.categories = categories;
		this.rules = rules;
		this.departments = departments;
		this.places = places;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/appeal-categories")
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<AppealCategory> tree = this.categories.tree(user.community());
		Map<String, AppealCategory> byCode = tree.stream()
			.collect(Collectors.toMap(AppealCategory::code, Function.identity()));
		Map<String, Integer> depth = new HashMap<>();
		// the tree lists every parent before its children
		tree.forEach((category) -> depth.put(category.code(),
				(category.parentCode() == null) ? 0 : depth.getOrDefault(category.parentCode(), 0) + 1));
		model.addAttribute("rows",
				tree.stream().map((category) -> new Row(category, depth.get(category.code()))).toList());
		model.addAttribute("categories", byCode);
		model.addAttribute("departments",
				this.departments.all(user.community())
					.stream()
					.collect(Collectors.toMap(Department::code, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("areas", byId(this.places.list(user.scope(), PlaceKind.AREA, null)));
		model.addAttribute("grids", byId(this.places.list(user.scope(), PlaceKind.GRID, null)));
		model.addAttribute("staff",
				this.users.all(user.community())
					.stream()
					.filter((account) -> account.role() != Role.RESIDENT && account.enabled())
					.collect(Collectors.toMap(UserAccount::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
		model.addAttribute("rules", this.rules.all(user.community()));
		return PAGE;
	}

	@PostMapping("/appeal-categories")
	String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code,
			CategoryFields fields, Model model) {
		return attempt(user, model, () -> this.categories.create(user.community(), code, fields.form(true)),
				"categoryDraft", new CategoryDraft(code, fields));
	}

	@PostMapping("/appeal-categories/{code}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code, @RequestParam long version,
			CategoryFields fields, @RequestParam(defaultValue = "false") boolean active, Model model) {
		return attempt(user, model, () -> this.categories.update(user.community(), code, version, fields.form(active)),
				null, null);
	}

	@PostMapping("/appeal-categories/rules")
	String addRule(@AuthenticationPrincipal CurrentUser user, RuleFields fields, Model model) {
		return attempt(user, model, () -> this.rules.create(user.community(), fields.form()), "ruleDraft", fields);
	}

	@PostMapping("/appeal-categories/rules/{id}/delete")
	String removeRule(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			Model model) {
		return attempt(user, model, () -> this.rules.delete(user.community(), id, version), null, null);
	}

	/**
	 * Saves and goes back to the page, or shows the page again with the first problem and
	 * what was typed into the add form.
	 */
	private String attempt(CurrentUser user, Model model, Runnable change, @Nullable String draftName,
			@Nullable Object draft) {
		try {
			change.run();
			return SAVED;
		}
		catch (InvalidInput ex) {
			model.addAttribute("error",
					String.join(" ", ex.violations().stream().map((v) -> text(v.code(), v.args())).toList()));
		}
		catch (Refused ex) {
			model.addAttribute("error", text(ex.code(), ex.args()));
		}
		catch (StaleVersion ex) {
			model.addAttribute("error", text("problem.staleVersion"));
		}
		catch (NotFound ex) {
			model.addAttribute("error", text("problem.notFound"));
		}
		if (draftName != null) {
			model.addAttribute(draftName, draft);
		}
		return page(user, model);
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	private static Map<Long, Place> byId(List<Place> places) {
		return places.stream()
			.collect(Collectors.toMap(Place::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A category in the tree, with how deep it hangs.
	 */
	record Row(AppealCategory category, int depth) {
	}

	/**
	 * The fields of a category's row or of the add form. A checkbox left unticked is not
	 * sent, so {@code callbackRequired} is false unless it comes.
	 */
	record CategoryFields(@Nullable String parentCode, @Nullable String nameZh, @Nullable String nameEn,
			@Nullable String departmentCode, @Nullable Integer limitDays, @Nullable Integer warningPercent,
			boolean callbackRequired) {

		CategoryForm form(boolean active) {
			return new CategoryForm(blankToNull(this.parentCode), this.nameZh, this.nameEn, this.departmentCode,
					this.limitDays, this.warningPercent, this.callbackRequired, active);
		}

	}

	/**
	 * What was typed into the add-category form, shown again after a refusal.
	 */
	record CategoryDraft(String code, CategoryFields fields) {
	}

	/**
	 * The add-rule form; an empty choice means any area, any grid, or no department or
	 * person.
	 */
	record RuleFields(@Nullable String categoryCode, @Nullable Long areaId, @Nullable Long gridId,
			@Nullable String departmentCode, @Nullable Long assigneeUserId, @Nullable Integer priority) {

		RoutingRuleForm form() {
			return new RoutingRuleForm(blankToNull(this.categoryCode), this.areaId, this.gridId,
					blankToNull(this.departmentCode), this.assigneeUserId, this.priority, true);
		}

	}

}
