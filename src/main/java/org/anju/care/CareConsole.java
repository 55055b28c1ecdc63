package org.anju.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.anju.identity.CurrentUser;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The retiree services in the console, phone first: the special lists. A refused form
 * comes back with what was typed and each reason in the caller's language.
 */
@Controller
@PreAuthorize("hasAuthority('PEOPLE_READ')")
class CareConsole {

	static final String HOME = "care/home";

	static final String SPECIAL = "care/special";

	private static final int PAGE_SIZE = 50;

	private final SpecialLists lists;

	private final MessageSource messages;

	CareConsole(SpecialLists lists, MessageSource messages) {
		this.lists = lists;
		this.messages = messages;
	}

	@GetMapping("/care")
	String home() {
		return HOME;
	}

	@GetMapping("/care/special-lists")
	String special(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) @Nullable SpecialList flag,
			@RequestParam(defaultValue = "false") boolean ended,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", this.lists.list(user, flag, null, null, ended, cursor, PAGE_SIZE));
		model.addAttribute("flag", flag);
		model.addAttribute("ended", ended);
		model.addAttribute("flags", SpecialList.values());
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		model.addAttribute("today", LocalDate.now());
		return SPECIAL;
	}

	@PostMapping("/care/special-lists")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String add(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable SpecialList newFlag,
			@RequestParam(required = false) @Nullable String subCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate since,
			@RequestParam(required = false) @Nullable String source,
			@RequestParam(required = false) @Nullable String note, Model model, RedirectAttributes redirect) {
		NewSpecialFlag form = new NewSpecialFlag(personId, newFlag, subCode, since, source, note);
		try {
			this.lists.add(user, form);
		}
		catch (InvalidInput | Refused | NotFound ex) {
			model.addAttribute("errors", reasons(ex));
			model.addAttribute("draft", form);
			return special(user, newFlag, false, null, model);
		}
		redirect.addAttribute("flag", newFlag);
		redirect.addAttribute("saved", true);
		return "redirect:/care/special-lists";
	}

	@PostMapping("/care/special-lists/{id}/end")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String end(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endedOn,
			@RequestParam(required = false) @Nullable String reason, Model model) {
		try {
			SpecialFlag flag = this.lists.end(user, id, version, endedOn, reason);
			return "redirect:/care/special-lists?saved=true&flag=" + flag.flag().name();
		}
		catch (InvalidInput | Refused | StaleVersion ex) {
			model.addAttribute("errors", reasons(ex));
			return special(user, null, false, null, model);
		}
	}

	/**
	 * @return each reason the domain gave, in the caller's language
	 */
	List<String> reasons(RuntimeException problem) {
		Locale locale = LocaleContextHolder.getLocale();
		if (problem instanceof InvalidInput invalid) {
			return invalid.violations()
				.stream()
				.map((v) -> this.messages.getMessage("care.field." + v.field(), null, v.field(), locale) + "："
						+ this.messages.getMessage(v.code(), v.args(), v.code(), locale))
				.toList();
		}
		if (problem instanceof Refused refused) {
			return List.of(this.messages.getMessage(refused.code(), refused.args(), refused.code(), locale));
		}
		if (problem instanceof StaleVersion) {
			return List.of(this.messages.getMessage("care.stale", null, "care.stale", locale));
		}
		return List.of(this.messages.getMessage("care.notFound", null, "care.notFound", locale));
	}

}
