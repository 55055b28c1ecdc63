package org.anju.open311;

import org.anju.identity.CurrentUser;
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
 * The console page where an administrator issues Open311 keys to outside bodies and
 * revokes them. A new key is shown on the page that answers the issue, never again: it is
 * not put in the session, which is stored in the database.
 */
@Controller
@PreAuthorize("hasAuthority('USERS_MANAGE')")
class KeyConsole {

	static final String PAGE = "open311/keys";

	private final Open311Keys keys;

	private final MessageSource messages;

	KeyConsole(Open311Keys keys, MessageSource messages) {
		this.keys = keys;
		this.messages = messages;
	}

	@GetMapping("/open311")
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("keys", this.keys.all(user.community()));
		model.addAttribute("endpoint", GeoReportApi.BASE);
		return PAGE;
	}

	@PostMapping("/open311")
	String issue(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String name, Model model) {
		try {
			model.addAttribute("issued", this.keys.issue(user, name));
		}
		catch (InvalidInput ex) {
			model.addAttribute("error", text(ex.violations().get(0).code(), ex.violations().get(0).args()));
			model.addAttribute("name", name);
		}
		catch (Refused ex) {
			model.addAttribute("error", text(ex.code(), ex.args()));
			model.addAttribute("name", name);
		}
		return page(user, model);
	}

	@PostMapping("/open311/{id}/revoke")
	String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		@Nullable String problem = null;
		try {
			this.keys.revoke(user, id);
		}
		catch (Refused ex) {
			problem = text(ex.code(), ex.args());
		}
		catch (NotFound ex) {
			problem = text("problem.notFound");
		}
		if (problem == null) {
			return "redirect:/open311?revoked";
		}
		model.addAttribute("error", problem);
		return page(user, model);
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
