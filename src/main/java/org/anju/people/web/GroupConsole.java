package org.anju.people.web;

import org.anju.identity.CurrentUser;
import org.anju.people.InterestGroups;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
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
 * The interest groups (人员类别) as editable reference data: rename, deactivate, add. A group
 * is never deleted, because people and rosters name it.
 */
@Controller
@PreAuthorize("hasAuthority('REFERENCE_DATA')")
class GroupConsole {

	static final String LIST = "groups/list";

	private final InterestGroups groups;

	private final MessageSource messages;

	GroupConsole(InterestGroups groups, MessageSource messages) {
		this.groups = groups;
		this.messages = messages;
	}

	@GetMapping("/groups")
	String list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("groups", this.groups.all(user.community()));
		return LIST;
	}

	@PostMapping("/groups")
	String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String nameZh, @RequestParam(defaultValue = "") String nameEn,
			Model model) {
		return attempt(user, model, () -> this.groups.create(user.community(), code, nameZh, nameEn),
				new Draft(code, nameZh, nameEn));
	}

	@PostMapping("/groups/{code}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
			@RequestParam(defaultValue = "") String nameZh, @RequestParam(defaultValue = "") String nameEn,
			@RequestParam(defaultValue = "false") boolean active, Model model) {
		return attempt(user, model, () -> this.groups.update(user.community(), code, nameZh, nameEn, active), null);
	}

	private String attempt(CurrentUser user, Model model, Runnable change, @Nullable Draft draft) {
		try {
			change.run();
			return "redirect:/groups?saved";
		}
		catch (InvalidInput ex) {
			InvalidInput.Violation first = ex.violations().get(0);
			model.addAttribute("error", text(first.code(), first.args()));
		}
		catch (Refused ex) {
			model.addAttribute("error", text(ex.code(), ex.args()));
		}
		catch (NotFound ex) {
			model.addAttribute("error", text("problem.notFound"));
		}
		model.addAttribute("draft", draft);
		return list(user, model);
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/**
	 * What was typed into the add form, shown again after a refusal.
	 */
	record Draft(String code, String nameZh, String nameEn) {
	}

}
