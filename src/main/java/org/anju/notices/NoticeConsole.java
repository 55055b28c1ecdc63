package org.anju.notices;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.identity.CurrentUser;
import org.anju.people.Homes;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
 * Outage notices in the console: the list (active ones first in mind for staff on the
 * phone), the form, and a notice's page with its talking points and linked appeals. Times
 * are typed and shown in Asia/Shanghai.
 */
@Controller
@PreAuthorize("hasAuthority('APPEALS_READ')")
class NoticeConsole {

	static final String LIST = "notices/list";

	static final String FORM = "notices/form";

	static final String PAGE = "notices/page";

	static final String AT_INTAKE = "notices/at-intake :: outages";

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final Notices notices;

	private final PlaceManagement places;

	private final MessageSource messages;

	private final Homes homes;

	NoticeConsole(Notices notices, PlaceManagement places, MessageSource messages, Homes homes) {
		this.homes = homes;
		this.notices = notices;
		this.places = places;
		this.messages = messages;
	}

	@GetMapping("/notices")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean active,
			Model model) {
		model.addAttribute("notices", this.notices.list(user, active, null));
		model.addAttribute("active", active);
		return LIST;
	}

	@GetMapping("/notices/new")
	@PreAuthorize("hasAuthority('NOTICES_MANAGE')")
	String form(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("utilities", Utility.values());
		model.addAttribute("buildings", this.places.list(user.scope(), PlaceKind.BUILDING, null));
		return FORM;
	}

	@PostMapping("/notices")
	@PreAuthorize("hasAuthority('NOTICES_MANAGE')")
	String create(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Utility utility,
			@RequestParam(required = false) @Nullable String title,
			@RequestParam(required = false) @Nullable String body,
			@RequestParam(required = false) @Nullable String talkingPoints,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime startsAt,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime endsAt,
			@RequestParam(required = false) @Nullable List<Long> buildingIds, Model model,
			HttpServletResponse response) {
		try {
			Notice notice = this.notices.create(user,
					new NoticeForm(utility, title, body, talkingPoints,
							(startsAt != null) ? startsAt.atZone(SHANGHAI).toInstant() : null,
							(endsAt != null) ? endsAt.atZone(SHANGHAI).toInstant() : null, buildingIds));
			return "redirect:/notices/" + notice.id();
		}
		catch (InvalidInput ex) {
			Locale locale = LocaleContextHolder.getLocale();
			List<String> errors = new ArrayList<>();
			ex.violations()
				.forEach((v) -> errors
					.add(this.messages.getMessage("notices.field." + v.field(), null, v.field(), locale) + "："
							+ this.messages.getMessage(v.code(), v.args(), v.code(), locale)));
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, model);
		}
	}

	/**
	 * The outages on now that an intake clerk should know of: those of the caller's room
	 * (or the chosen person's home) when one is chosen, else every active one in reach.
	 */
	@GetMapping("/notices/at-intake")
	String atIntake(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long personId,
			@RequestParam(required = false) @Nullable Long roomId, Model model) {
		Long place = (roomId != null) ? roomId
				: (personId != null) ? this.homes.roomOf(user.community(), personId).orElse(null) : null;
		model.addAttribute("notices", this.notices.list(user, true, place));
		return AT_INTAKE;
	}

	@GetMapping("/notices/{id}")
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		model.addAttribute("notice", this.notices.get(user, id));
		model.addAttribute("appeals", this.notices.linkedAppeals(user, id));
		return PAGE;
	}

}
