package org.anju.identity.web;

import org.anju.identity.CurrentUser;
import org.anju.identity.TwoFactor;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The caller's two-step verification in the console: scan the code, confirm with the
 * first number, write the recovery codes down; or switch it off with a code.
 */
@Controller
@RequestMapping("/account/two-factor")
class TwoFactorConsole {

	private static final String PAGE = "account/two-factor";

	private final TwoFactor twoFactor;

	TwoFactorConsole(TwoFactor twoFactor) {
		this.twoFactor = twoFactor;
	}

	@GetMapping
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		boolean enabled = this.twoFactor.enabled(user.community(), user.userId());
		model.addAttribute("enabled", enabled);
		model.addAttribute("required", this.twoFactor.missing(user));
		if (!enabled) {
			this.twoFactor.pending(user).ifPresent((setup) -> {
				model.addAttribute("setup", setup);
				model.addAttribute("qr", QrCode.svg(setup.otpauthUri()));
			});
		}
		return PAGE;
	}

	@PostMapping("/setup")
	String setUp(@AuthenticationPrincipal CurrentUser user) {
		try {
			this.twoFactor.setUp(user);
		}
		catch (Refused ex) {
			// already on: the page says so
		}
		return "redirect:/account/two-factor";
	}

	@PostMapping("/confirm")
	String confirm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String code,
			Model model) {
		try {
			model.addAttribute("recoveryCodes", this.twoFactor.confirm(user, code));
		}
		catch (InvalidInput ex) {
			model.addAttribute("codeError", ex.violations().get(0).code());
		}
		catch (Refused ex) {
			model.addAttribute("codeError", ex.code());
		}
		return page(user, model);
	}

	@PostMapping("/disable")
	String disable(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String code,
			Model model) {
		try {
			this.twoFactor.disable(user, code);
			return "redirect:/account/two-factor?disabled";
		}
		catch (InvalidInput ex) {
			model.addAttribute("codeError", ex.violations().get(0).code());
		}
		catch (Refused ex) {
			model.addAttribute("codeError", ex.code());
		}
		return page(user, model);
	}

}
