package org.anju.care;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
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
 * The retiree services in the console, phone first: the special lists and the
 * qualification check, where a grid worker ticks off retirees one tap each. A refused
 * form comes back with what was typed and each reason in the caller's language.
 */
@Controller
@PreAuthorize("hasAuthority('PEOPLE_READ')")
class CareConsole {

	static final String HOME = "care/home";

	static final String SPECIAL = "care/special";

	static final String CAMPAIGNS = "care/campaigns";

	static final String UNCHECKED = "care/unchecked";

	static final String DEATHS = "care/deaths";

	private static final int PAGE_SIZE = 50;

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final SpecialLists lists;

	private final QualificationChecks checks;

	private final Deaths deaths;

	private final PlaceManagement places;

	private final MessageSource messages;

	CareConsole(SpecialLists lists, QualificationChecks checks, Deaths deaths, PlaceManagement places,
			MessageSource messages) {
		this.lists = lists;
		this.checks = checks;
		this.deaths = deaths;
		this.places = places;
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
		model.addAttribute("today", LocalDate.now(SHANGHAI));
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

	@GetMapping("/care/qualification")
	String campaigns(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("campaigns", this.checks.campaigns(user));
		model.addAttribute("mayOpen", user.may(Permission.PEOPLE_WRITE) && user.scope().wholeCommunity());
		model.addAttribute("today", LocalDate.now(SHANGHAI));
		return CAMPAIGNS;
	}

	@PostMapping("/care/qualification")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String open(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate deadline,
			@RequestParam(required = false) @Nullable String title, Model model) {
		try {
			QualificationCampaign campaign = this.checks.open(user, year, deadline, title);
			return "redirect:/care/qualification/" + campaign.id();
		}
		catch (InvalidInput | Refused ex) {
			model.addAttribute("errors", reasons(ex));
			return campaigns(user, model);
		}
	}

	@GetMapping("/care/qualification/{id}")
	String unchecked(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("campaign", this.checks.get(user, id));
		model.addAttribute("page", this.checks.unchecked(user, id, gridId, cursor, PAGE_SIZE));
		model.addAttribute("grids", this.places.list(user.scope(), PlaceKind.GRID, null));
		model.addAttribute("gridId", gridId);
		model.addAttribute("methods", QualificationMethod.values());
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		model.addAttribute("today", LocalDate.now(SHANGHAI));
		return UNCHECKED;
	}

	@PostMapping("/care/qualification/{id}/checks")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String check(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate checkedOn,
			@RequestParam(required = false) @Nullable QualificationMethod method,
			@RequestParam(required = false) @Nullable Long gridId, Model model, RedirectAttributes redirect) {
		try {
			QualificationSubject subject = this.checks.record(user, id, personId, checkedOn, method, null);
			redirect.addAttribute("checked", subject.personName());
			if (gridId != null) {
				redirect.addAttribute("gridId", gridId);
			}
			return "redirect:/care/qualification/" + id;
		}
		catch (InvalidInput | Refused | NotFound ex) {
			model.addAttribute("errors", reasons(ex));
			return unchecked(user, id, gridId, null, model);
		}
	}

	@GetMapping("/care/deaths")
	String deaths(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean open,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page", this.deaths.list(user, open, cursor, PAGE_SIZE));
		model.addAttribute("open", open);
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		model.addAttribute("today", LocalDate.now(SHANGHAI));
		return DEATHS;
	}

	@PostMapping("/care/deaths")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String register(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate diedOn,
			@RequestParam(required = false) @Nullable String informant,
			@RequestParam(required = false) @Nullable String informantRelation,
			@RequestParam(required = false) @Nullable String note, Model model) {
		NewDeath form = new NewDeath(personId, diedOn, informant, informantRelation, note);
		try {
			this.deaths.register(user, form);
			return "redirect:/care/deaths?registered=true";
		}
		catch (InvalidInput | Refused | NotFound | StaleVersion ex) {
			model.addAttribute("errors", reasons(ex));
			model.addAttribute("draft", form);
			return deaths(user, false, null, model);
		}
	}

	@PostMapping("/care/deaths/{id}/checklist/{item}")
	@PreAuthorize("hasAuthority('PEOPLE_WRITE')")
	String tick(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable SurvivorItem item,
			@RequestParam long version, Model model) {
		try {
			this.deaths.tick(user, id, version, item, null);
			return "redirect:/care/deaths?saved=true#death-" + id;
		}
		catch (InvalidInput | Refused | StaleVersion ex) {
			model.addAttribute("errors", reasons(ex));
			return deaths(user, false, null, model);
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
