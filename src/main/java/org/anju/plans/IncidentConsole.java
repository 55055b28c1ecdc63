package org.anju.plans;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's incidents and drills: the list, and one incident with its role holders,
 * task timers counting down, information reports, closing review and timeline. A role
 * holder who may not read plans still reaches the incidents they hold a role in.
 */
@Controller
class IncidentConsole {

	static final String LIST = "plans/incidents";

	static final String PAGE = "plans/incident";

	private final IncidentManagement incidents;

	private final MessageSource messages;

	IncidentConsole(IncidentManagement incidents, MessageSource messages) {
		this.incidents = incidents;
		this.messages = messages;
	}

	@GetMapping("/incidents")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String state,
			@RequestParam(required = false) @Nullable Boolean drill,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAttribute("page",
				this.incidents.list(user, (state != null && state.isBlank()) ? null : state, drill, cursor, 25));
		model.addAttribute("state", state);
		model.addAttribute("drill", drill);
		return LIST;
	}

	@GetMapping("/incidents/{id}")
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		IncidentView incident = this.incidents.get(user, id);
		model.addAttribute("incident", incident);
		model.addAttribute("runs", user.may(Permission.INCIDENTS_RUN));
		model.addAttribute("reports",
				user.may(Permission.INCIDENTS_RUN) || incident.holds(user.userId(), PlanRole.REPORTING)
						|| incident.holds(user.userId(), PlanRole.COMMANDER));
		model.addAttribute("closes",
				user.may(Permission.INCIDENTS_RUN) || incident.holds(user.userId(), PlanRole.COMMANDER));
		model.addAttribute("kinds", ReportKind.values());
		return PAGE;
	}

	@PostMapping("/incidents/{id}/tasks/{taskId}/done")
	String done(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable long taskId,
			@RequestParam long version, Model model, Locale locale, HttpServletResponse response) {
		try {
			this.incidents.doneTask(user, id, taskId, version);
			return "redirect:/incidents/" + id + "?done=task#tasks";
		}
		catch (Refused | StaleVersion ex) {
			return failed(user, id, "task", ex, model, locale, response);
		}
	}

	@PostMapping("/incidents/{id}/reports")
	String file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable String text, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			this.incidents.file(user, id, version, kind, text);
			return "redirect:/incidents/" + id + "?done=report#reports";
		}
		catch (InvalidInput | Refused | StaleVersion ex) {
			model.addAttribute("draftText", text);
			return failed(user, id, "report", ex, model, locale, response);
		}
	}

	@PostMapping("/incidents/{id}/close")
	String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String review, Model model, Locale locale,
			HttpServletResponse response) {
		try {
			this.incidents.close(user, id, version, review);
			return "redirect:/incidents/" + id + "?done=close";
		}
		catch (InvalidInput | Refused | StaleVersion ex) {
			model.addAttribute("draftReview", review);
			return failed(user, id, "close", ex, model, locale, response);
		}
	}

	private String failed(CurrentUser user, long id, String form, RuntimeException ex, Model model, Locale locale,
			HttpServletResponse response) {
		response.setStatus(PlanConsole.status(ex).value());
		model.addAttribute("failed", form);
		model.addAttribute("failure", PlanConsole.explain(this.messages, ex, locale));
		return page(user, id, model);
	}

}
