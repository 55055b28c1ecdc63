package org.anju.identity.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.identity.CurrentUser;
import org.anju.identity.GridDirectory;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.platform.FormErrors;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The administrator's user pages: the list, opening an account, editing it, resetting its
 * password, and switching it off or on.
 */
@Controller
@PreAuthorize("hasAuthority('USERS_MANAGE')")
class UserConsole {

	static final String LIST = "users/list";

	static final String FORM = "users/form";

	static final String HEADS = "users/department-heads";

	private final UserManagement users;

	private final Departments departments;

	private final List<GridDirectory> grids;

	UserConsole(UserManagement users, Departments departments, List<GridDirectory> grids) {
		this.users = users;
		this.departments = departments;
		this.grids = grids;
	}

	@GetMapping("/users")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("users", this.users.all(user.community()));
		model.addAttribute("now", java.time.Instant.now());
		model.addAttribute("gridNames", gridNames(user));
		model.addAttribute("departments", departmentNames(user));
		return LIST;
	}

	/**
	 * Each department with its head (部门负责人), who hears of the department's appeals that
	 * are nearly due or overdue; any enabled staff account can be appointed.
	 */
	@GetMapping("/users/department-heads")
	String heads(@AuthenticationPrincipal CurrentUser user, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Head> heads = this.departments.all(user.community())
			.stream()
			.map((department) -> new Head(department.code(), department.name(locale),
					this.departments.head(user.community(), department.code()).orElse(null)))
			.toList();
		model.addAttribute("heads", heads);
		model.addAttribute("staff",
				this.users.all(user.community())
					.stream()
					.filter((account) -> account.enabled() && account.role() != Role.RESIDENT)
					.toList());
		return HEADS;
	}

	@PostMapping("/users/department-heads/{code}")
	String appointHead(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestParam(required = false) @Nullable Long userId) {
		this.departments.appointHead(user.community(), code, userId);
		return "redirect:/users/department-heads?saved";
	}

	@GetMapping("/users/new")
	String openForm(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("userForm", new UserForm());
		return form(user, null, model);
	}

	@PostMapping("/users/new")
	String open(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("userForm") UserForm form,
			BindingResult result, Model model) {
		if (!result.hasErrors()) {
			try {
				UserAccount created = this.users.create(user.community(), form.newUser());
				return "redirect:/users?created=" + created.username();
			}
			catch (InvalidInput | Refused ex) {
				FormErrors.reject(ex, result);
			}
		}
		form.setPassword("");
		return form(user, null, model);
	}

	@GetMapping("/users/{id}/edit")
	String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		UserAccount account = this.users.get(user.community(), id);
		model.addAttribute("userForm", UserForm.of(account));
		return form(user, account, model);
	}

	@PostMapping("/users/{id}/edit")
	String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@ModelAttribute("userForm") UserForm form, BindingResult result, Model model) {
		UserAccount account = this.users.get(user.community(), id);
		if (!result.hasErrors()) {
			try {
				this.users.update(user.community(), id, form.getVersion(), form.change());
				return "redirect:/users?saved";
			}
			catch (InvalidInput | Refused | StaleVersion ex) {
				FormErrors.reject(ex, result);
			}
		}
		return form(user, account, model);
	}

	@PostMapping("/users/{id}/password")
	String resetPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam String password, Model model) {
		UserAccount account = this.users.get(user.community(), id);
		try {
			this.users.resetPassword(user.community(), id, password);
			return "redirect:/users/" + id + "/edit?reset";
		}
		catch (InvalidInput ex) {
			model.addAttribute("passwordError", ex.violations().get(0));
		}
		model.addAttribute("userForm", UserForm.of(account));
		return form(user, account, model);
	}

	@PostMapping("/users/{id}/enabled")
	String enable(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam boolean enabled,
			@RequestParam long version) {
		UserForm form = UserForm.of(this.users.get(user.community(), id));
		form.setEnabled(enabled);
		this.users.update(user.community(), id, version, form.change());
		return "redirect:/users?saved";
	}

	private String form(CurrentUser user, UserAccount account, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("roles", Role.values());
		model.addAttribute("gridNames", gridNames(user));
		model.addAttribute("departments", departmentNames(user));
		return FORM;
	}

	private Map<Long, String> gridNames(CurrentUser user) {
		Map<Long, String> names = new LinkedHashMap<>();
		this.grids.forEach((directory) -> names.putAll(directory.gridNames(user.community())));
		return names;
	}

	/**
	 * A department and the account that heads it, if any.
	 */
	record Head(String code, String name, @Nullable Long userId) {
	}

	private Map<String, String> departmentNames(CurrentUser user) {
		Map<String, String> names = new LinkedHashMap<>();
		Locale locale = LocaleContextHolder.getLocale();
		this.departments.all(user.community()).forEach((d) -> names.put(d.code(), d.name(locale)));
		return names;
	}

}
