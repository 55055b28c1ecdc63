package org.anju.people.web;

import org.anju.identity.CurrentUser;
import org.anju.people.Households;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The household panel of a person's page: found a household with this person as its head,
 * add a member who lives in the same room, take a member out. Every action returns to the
 * person's page, with the refusal shown there when the domain says no.
 */
@Controller
@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
class HouseholdConsole {

	private final Households households;

	private final MessageSource messages;

	HouseholdConsole(Households households, MessageSource messages) {
		this.households = households;
		this.messages = messages;
	}

	@PostMapping("/people/{id}/household")
	String found(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
		attempt(redirect, () -> this.households.found(user, id));
		return back(id);
	}

	@PostMapping("/households/{household}/members")
	String join(@AuthenticationPrincipal CurrentUser user, @PathVariable long household, @RequestParam long from,
			@RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable String relation, RedirectAttributes redirect) {
		if (personId == null) {
			redirect.addFlashAttribute("householdError", text("field.required"));
		}
		else {
			attempt(redirect, () -> this.households.join(user, household, personId, relation));
		}
		return back(from);
	}

	@PostMapping("/households/{household}/members/{personId}/leave")
	String leave(@AuthenticationPrincipal CurrentUser user, @PathVariable long household, @PathVariable long personId,
			@RequestParam long from, RedirectAttributes redirect) {
		attempt(redirect, () -> this.households.leave(user, household, personId));
		return back(from);
	}

	private void attempt(RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addAttribute("saved", "");
		}
		catch (Refused ex) {
			redirect.addFlashAttribute("householdError", text(ex.code(), ex.args()));
		}
		catch (InvalidInput ex) {
			InvalidInput.Violation first = ex.violations().get(0);
			redirect.addFlashAttribute("householdError", text(first.code(), first.args()));
		}
		catch (NotFound ex) {
			redirect.addFlashAttribute("householdError", text("problem.notFound"));
		}
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	private static String back(long personId) {
		return "redirect:/people/" + personId;
	}

}
