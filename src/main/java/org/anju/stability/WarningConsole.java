package org.anju.stability;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.identity.CurrentUser;
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
 * The console's warnings: the list, one warning with the "why" of its score (each
 * contribution with links to the appeals, cases and notes behind it), the acknowledge and
 * close forms, and the risk model's page.
 */
@Controller
@PreAuthorize("hasAuthority('STABILITY_READ')")
class WarningConsole {

	static final String LIST = "stability/warnings";

	static final String PAGE = "stability/warning";

	static final String MODEL = "stability/risk-model";

	static final int PAGE_SIZE = 25;

	private final Warnings warnings;

	private final RiskModels models;

	private final MessageSource messages;

	WarningConsole(Warnings warnings, RiskModels models, MessageSource messages) {
		this.warnings = warnings;
		this.models = models;
		this.messages = messages;
	}

	@GetMapping("/warnings")
	String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable WarningLevel level,
			@RequestParam(required = false) @Nullable WarningState state,
			@RequestParam(required = false) @Nullable String subjectType,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		String type = (subjectType != null && !subjectType.isBlank()) ? subjectType : null;
		model.addAttribute("page", this.warnings.list(user, level, state, type, gridId, cursor, PAGE_SIZE));
		model.addAttribute("gridId", gridId);
		model.addAttribute("level", level);
		model.addAttribute("state", state);
		model.addAttribute("subjectType", type);
		model.addAttribute("levels", WarningLevel.values());
		model.addAttribute("states", WarningState.values());
		model.addAttribute("subjectTypes", RiskSubject.Type.values());
		model.addAttribute("showFirst", cursor != null && !cursor.isBlank());
		return LIST;
	}

	@GetMapping("/warnings/{id}")
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		WarningView warning = this.warnings.get(user, id);
		model.addAttribute("warning", warning);
		model.addAttribute("subjectLink", subjectLink(warning));
		model.addAttribute("dispositions", Disposition.values());
		model.addAttribute("ackOverdue", warning.ackOverdue(java.time.Instant.now()));
		return PAGE;
	}

	@PostMapping("/warnings/{id}/acknowledge")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String acknowledge(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String note, Model model, Locale locale,
			HttpServletResponse response) {
		return attempt(user, id, "acknowledge", model, locale, response,
				() -> this.warnings.acknowledge(user, id, version, note));
	}

	@PostMapping("/warnings/{id}/close")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) @Nullable String disposition,
			@RequestParam(required = false) @Nullable String note, Model model, Locale locale,
			HttpServletResponse response) {
		return attempt(user, id, "close", model, locale, response,
				() -> this.warnings.close(user, id, version, disposition, note));
	}

	@GetMapping("/risk-model")
	String riskModel(@AuthenticationPrincipal CurrentUser user, Model model) {
		ConflictManagement.requireRead(user);
		RiskModel current = this.models.current(user.community());
		model.addAttribute("model", current);
		Map<String, Double> weights = new LinkedHashMap<>();
		this.models.signals().forEach((signal) -> weights.put(signal.code(), current.weight(signal)));
		model.addAttribute("weights", weights);
		model.addAttribute("subjectTypes", RiskSubject.Type.values());
		model.addAttribute("levels", WarningLevel.values());
		return MODEL;
	}

	@PostMapping("/risk-model")
	@PreAuthorize("hasAuthority('RISK_MODEL')")
	String changeRiskModel(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
			Model model, Locale locale, HttpServletResponse response) {
		Map<String, @Nullable Double> weights = new LinkedHashMap<>();
		Map<String, @Nullable Map<String, @Nullable Double>> thresholds = new LinkedHashMap<>();
		Map<String, @Nullable Integer> ackHours = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			String[] parts = name.split("\\.");
			if (parts[0].equals("weight") && parts.length == 2) {
				weights.put(parts[1], number(value));
			}
			else if (parts[0].equals("threshold") && parts.length == 3) {
				thresholds.computeIfAbsent(parts[1], (type) -> new LinkedHashMap<>()).put(parts[2], number(value));
			}
			else if (parts[0].equals("ack") && parts.length == 2) {
				Double hours = number(value);
				ackHours.put(parts[1], (hours != null && hours == Math.rint(hours)) ? hours.intValue() : null);
			}
		});
		try {
			this.models.change(user, Long.parseLong(form.getOrDefault("version", "-1")),
					new RiskModelChange(weights, thresholds, ackHours, form.get("note")));
			return "redirect:/risk-model?saved";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("failure",
					String.join(" ", ex.violations()
						.stream()
						.map((v) -> v.field() + ": " + this.messages.getMessage(v.code(), v.args(), v.code(), locale))
						.toList()));
		}
		catch (StaleVersion ex) {
			response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
			model.addAttribute("failure", this.messages.getMessage("risk.model.stale", null, locale));
		}
		return riskModel(user, model);
	}

	private String attempt(CurrentUser user, long id, String action, Model model, Locale locale,
			HttpServletResponse response, Runnable step) {
		HttpStatus refusal = HttpStatus.UNPROCESSABLE_CONTENT;
		String message;
		try {
			step.run();
			return "redirect:/warnings/" + id + "?done=" + action;
		}
		catch (InvalidInput ex) {
			message = String.join(" ",
					ex.violations()
						.stream()
						.map((v) -> this.messages.getMessage(v.code(), v.args(), v.code(), locale))
						.toList());
		}
		catch (Refused ex) {
			refusal = HttpStatus.CONFLICT;
			message = this.messages.getMessage(ex.code(), ex.args(), ex.code(), locale);
		}
		catch (StaleVersion ex) {
			refusal = HttpStatus.PRECONDITION_FAILED;
			message = this.messages.getMessage("warning.stale", null, locale);
		}
		response.setStatus(refusal.value());
		model.addAttribute("failed", action);
		model.addAttribute("failure", message);
		return page(user, id, model);
	}

	/**
	 * @return where the console shows the subject, and the evidence link by type
	 */
	private static Map<String, String> subjectLink(WarningView warning) {
		Map<String, String> links = new LinkedHashMap<>();
		Object id = warning.subjectId();
		switch (RiskSubject.Type.valueOf(warning.subjectType())) {
			case PERSON -> {
				links.put("subject", "/people/" + id);
				links.put("MOOD_NOTE", "/mood-notes?personId=" + id);
			}
			case GROUP -> {
				links.put("subject", "/mood-notes/analysis?groupCode=" + id);
				links.put("MOOD_NOTE", "/mood-notes?groupCode=" + id);
			}
			case GRID -> {
				links.put("subject", "/places/" + id);
				links.put("MOOD_NOTE", "/mood-notes?gridId=" + id);
			}
			case AREA -> {
				links.put("subject", "/places/" + id);
				links.put("MOOD_NOTE", "/mood-notes");
			}
			case COMMUNITY -> links.put("MOOD_NOTE", "/mood-notes");
		}
		return links;
	}

	private static @Nullable Double number(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Double.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1.0;
		}
	}

}
