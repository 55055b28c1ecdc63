package org.anju.duty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.PreconditionRequired;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The responsibility system in the console: the unit tree with its posts, a post's page
 * with both duties and its holder, the matrix and the coverage check's gaps.
 */
@Controller
@PreAuthorize("hasAuthority('DUTY_READ')")
class DutyConsole {

	static final String UNITS = "duty/units";

	static final String POST = "duty/post";

	static final String MATRIX = "duty/matrix";

	static final String COVERAGE = "duty/coverage";

	private final Units units;

	private final Posts posts;

	private final Responsibilities responsibilities;

	private final Coverage coverage;

	private final UserManagement users;

	private final MessageSource messages;

	DutyConsole(Units units, Posts posts, Responsibilities responsibilities, Coverage coverage, UserManagement users,
			MessageSource messages) {
		this.units = units;
		this.posts = posts;
		this.responsibilities = responsibilities;
		this.coverage = coverage;
		this.users = users;
		this.messages = messages;
	}

	@GetMapping("/duty")
	String units(@AuthenticationPrincipal CurrentUser user, Model model) {
		List<Unit> tree = this.units.tree(user.community());
		Map<Long, List<Post>> byUnit = new LinkedHashMap<>();
		this.posts.list(user.community(), null)
			.forEach((post) -> byUnit.computeIfAbsent(post.unitId(), (id) -> new java.util.ArrayList<>()).add(post));
		model.addAttribute("units", tree);
		model.addAttribute("postsByUnit", byUnit);
		model.addAttribute("storedUnits", tree.stream().filter((unit) -> !unit.kind().place()).toList());
		return UNITS;
	}

	@PostMapping("/duty/units")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	String createUnit(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable Long parentId,
			@RequestParam(required = false) @Nullable String nameZh,
			@RequestParam(required = false) @Nullable String nameEn, Model model, Locale locale,
			HttpServletResponse response) {
		return attempt(() -> {
			this.units.create(user, parentId, nameZh, nameEn);
			return "redirect:/duty?created";
		}, () -> units(user, model), model, locale, response);
	}

	@PostMapping("/duty/posts")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	String createPost(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String businessDuties,
			@RequestParam(required = false) @Nullable String stabilityDuties, Model model, Locale locale,
			HttpServletResponse response) {
		return attempt(() -> {
			Post post = this.posts.create(user, new Posts.PostForm(unitId, name, businessDuties, stabilityDuties));
			return "redirect:/duty/posts/" + post.id();
		}, () -> units(user, model), model, locale, response);
	}

	@GetMapping("/duty/posts/{id}")
	String post(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("post", this.posts.get(user.community(), id));
		model.addAttribute("staff", staff(user));
		return POST;
	}

	@PostMapping("/duty/posts/{id}")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	String updatePost(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String businessDuties,
			@RequestParam(required = false) @Nullable String stabilityDuties, Model model, Locale locale,
			HttpServletResponse response) {
		return attempt(() -> {
			this.posts.update(user, id, version, new Posts.PostForm(null, name, businessDuties, stabilityDuties));
			return "redirect:/duty/posts/" + id + "?saved";
		}, () -> post(user, id, model), model, locale, response);
	}

	@PostMapping("/duty/posts/{id}/holder")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	String holder(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long userId, Model model, Locale locale,
			HttpServletResponse response) {
		return attempt(() -> {
			this.posts.assignHolder(user, id, version, userId);
			return "redirect:/duty/posts/" + id + "?saved";
		}, () -> post(user, id, model), model, locale, response);
	}

	@GetMapping("/duty/matrix")
	String matrix(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(defaultValue = "false") boolean gapsOnly, Model model, Locale locale) {
		String type = (subjectType == null || subjectType.isBlank()) ? "GRID" : subjectType;
		model.addAttribute("subjectType", type);
		model.addAttribute("gapsOnly", gapsOnly);
		model.addAttribute("types", this.responsibilities.types());
		model.addAttribute("rows",
				this.responsibilities.matrix(user, type)
					.stream()
					.filter((row) -> !gapsOnly || row.gap() != null)
					.toList());
		Map<String, String> levels = new LinkedHashMap<>();
		this.responsibilities.levels(user.community()).forEach((level) -> levels.put(level.code(), level.name(locale)));
		model.addAttribute("levels", levels);
		model.addAttribute("staff", staff(user));
		return MATRIX;
	}

	@PostMapping("/duty/matrix")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	String assign(@AuthenticationPrincipal CurrentUser user, @RequestParam String subjectType,
			@RequestParam String subjectId, @RequestParam String level, @RequestParam long version,
			@RequestParam(required = false) @Nullable Long userId, Model model, Locale locale,
			HttpServletResponse response) {
		return attempt(() -> {
			if (userId == null && version > 0) {
				this.responsibilities.remove(user, subjectType, subjectId, level, version);
			}
			else {
				this.responsibilities.assign(user, subjectType, subjectId, level, (version > 0) ? version : null,
						userId);
			}
			return "redirect:/duty/matrix?subjectType=" + subjectType + "&saved";
		}, () -> matrix(user, subjectType, false, model, locale), model, locale, response);
	}

	@GetMapping("/duty/coverage")
	String coverage(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("report", this.coverage.report(user));
		return COVERAGE;
	}

	private Map<Long, String> staff(CurrentUser user) {
		Map<Long, String> staff = new LinkedHashMap<>();
		this.users.all(user.community())
			.stream()
			.filter((account) -> account.role() != Role.RESIDENT && account.enabled())
			.forEach((account) -> staff.put(account.id(), label(account)));
		return staff;
	}

	private static String label(UserAccount account) {
		return account.displayName() + " (" + account.username() + ")";
	}

	/**
	 * Runs a change, and on bad input shows the page again with the reason, with the
	 * status a program would get.
	 */
	private String attempt(Change change, Page page, Model model, Locale locale, HttpServletResponse response) {
		String failure;
		HttpStatus status;
		try {
			return change.run();
		}
		catch (InvalidInput ex) {
			status = HttpStatus.UNPROCESSABLE_CONTENT;
			failure = String.join(" ",
					ex.violations()
						.stream()
						.map((v) -> this.messages.getMessage(v.code(), v.args(), v.code(), locale))
						.toList());
		}
		catch (Refused ex) {
			status = HttpStatus.CONFLICT;
			failure = this.messages.getMessage(ex.code(), ex.args(), ex.code(), locale);
		}
		catch (StaleVersion | PreconditionRequired ex) {
			status = HttpStatus.PRECONDITION_FAILED;
			failure = this.messages.getMessage("duty.stale", null, locale);
		}
		catch (NotFound ex) {
			status = HttpStatus.NOT_FOUND;
			failure = this.messages.getMessage("duty.notFound", null, locale);
		}
		response.setStatus(status.value());
		String view = page.show();
		model.addAttribute("failure", failure);
		return view;
	}

	@FunctionalInterface
	private interface Change {

		String run();

	}

	@FunctionalInterface
	private interface Page {

		String show();

	}

}
