package org.anju.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.shared.InvalidInput;
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
 * The console's plan library: the list with this year's drills, one plan with its roles
 * and checklists per role, the leader's approval, and the activation form.
 */
@Controller
@PreAuthorize("hasAuthority('PLANS_READ')")
class PlanConsole {

	static final String LIBRARY = "plans/library";

	static final String PAGE = "plans/plan";

	private final PlanManagement plans;

	private final IncidentManagement incidents;

	private final UserManagement users;

	private final MessageSource messages;

	private final Clock clock;

	PlanConsole(PlanManagement plans, IncidentManagement incidents, UserManagement users, MessageSource messages,
			Clock clock) {
		this.plans = plans;
		this.incidents = incidents;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/plans")
	String library(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Long warningId, Model model) {
		// a plan chosen for a warning is activated with it
		model.addAttribute("warningId", warningId);
		int shown = (year != null) ? year : LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE).getYear();
		model.addAttribute("plans", this.plans.list(user));
		model.addAttribute("drills", this.plans.drillStatistics(user, shown));
		return LIBRARY;
	}

	@GetMapping("/plans/{id}")
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable Integer number,
			@RequestParam(required = false) @Nullable Long warningId, Model model) {
		model.addAttribute("warningId", warningId);
		PlanView plan = this.plans.get(user, id, number);
		model.addAttribute("plan", plan);
		Integer approved = plan.approvedNumber();
		if (approved != null) {
			model.addAttribute("runs", (approved == plan.content().number()) ? plan.content()
					: this.plans.get(user, id, approved).content());
		}
		model.addAttribute("levels", ResponseLevel.values());
		model.addAttribute("staff", staff(user));
		return PAGE;
	}

	@PostMapping("/plans/{id}/approve")
	@PreAuthorize("hasAuthority('PLANS_MANAGE')")
	String approve(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			PlanView approved = this.plans.approve(user, id, version);
			return "redirect:/plans/" + id + "?approved=" + approved.content().number();
		}
		catch (Refused | StaleVersion ex) {
			return failed(user, id, "approve", null, ex, model, locale, response);
		}
	}

	@PostMapping("/plans/{id}/activate")
	@PreAuthorize("hasAuthority('INCIDENTS_RUN')")
	String activate(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String level,
			@RequestParam(defaultValue = "false") boolean drill,
			@RequestParam(required = false) @Nullable Long warningId, @RequestParam Map<String, String> form,
			Model model, Locale locale, HttpServletResponse response) {
		Map<String, Long> holders = new LinkedHashMap<>();
		try {
			for (PlanRole role : PlanRole.values()) {
				String holder = form.get("holder." + role.name());
				if (holder != null && !holder.isBlank()) {
					holders.put(role.name(), parse(role, holder));
				}
			}
			IncidentView incident = this.incidents.activate(user,
					new NewIncident(id, level, warningId, drill, holders));
			return "redirect:/incidents/" + incident.id() + "?activated";
		}
		catch (InvalidInput | Refused ex) {
			return failed(user, id, "activate", warningId, ex, model, locale, response);
		}
	}

	/**
	 * @throws InvalidInput for a holder that is not an account number, which only an
	 * edited form sends
	 */
	private static Long parse(PlanRole role, String holder) {
		try {
			return Long.valueOf(holder.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput("holders." + role.name(), "plan.user.unknown", holder);
		}
	}

	private String failed(CurrentUser user, long id, String form, @Nullable Long warningId, RuntimeException ex,
			Model model, Locale locale, HttpServletResponse response) {
		response.setStatus(status(ex).value());
		model.addAttribute("failed", form);
		model.addAttribute("failure", explain(this.messages, ex, locale));
		return page(user, id, null, warningId, model);
	}

	/**
	 * @return the enabled staff accounts by id, for the role holder choices
	 */
	private Map<Long, String> staff(CurrentUser user) {
		Map<Long, String> staff = new LinkedHashMap<>();
		for (UserAccount account : this.users.all(user.community())) {
			if (account.enabled() && account.role() != Role.RESIDENT) {
				staff.put(account.id(), account.displayName());
			}
		}
		return staff;
	}

	static HttpStatus status(RuntimeException ex) {
		if (ex instanceof Refused) {
			return HttpStatus.CONFLICT;
		}
		return (ex instanceof StaleVersion) ? HttpStatus.PRECONDITION_FAILED : HttpStatus.UNPROCESSABLE_CONTENT;
	}

	/**
	 * @return what went wrong, in the caller's language
	 */
	static String explain(MessageSource messages, RuntimeException ex, Locale locale) {
		if (ex instanceof InvalidInput invalid) {
			return String.join(" ",
					invalid.violations()
						.stream()
						.map((v) -> messages.getMessage("plans.field." + v.field().replaceAll("\\[\\d+\\]", ""), null,
								v.field(), locale) + "：" + messages.getMessage(v.code(), v.args(), v.code(), locale))
						.toList());
		}
		if (ex instanceof Refused refused) {
			return messages.getMessage(refused.code(), refused.args(), refused.code(), locale);
		}
		return messages.getMessage("plans.stale", null, locale);
	}

}
