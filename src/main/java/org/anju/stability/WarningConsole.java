package org.anju.stability;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.identity.CurrentUser;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
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
 * close forms, and the risk model's page, where a draft of the weights is backtested side
 * by side with the current model before it is saved.
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

	private final Backtest backtest;

	WarningConsole(Warnings warnings, RiskModels models, MessageSource messages, Backtest backtest) {
		this.backtest = backtest;
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
		return riskModel(user, Map.of(), model);
	}

	/**
	 * Shows the model's form, with what the user typed in place of the saved values.
	 */
	private String riskModel(CurrentUser user, Map<String, String> typed, Model model) {
		ConflictManagement.requireRead(user);
		RiskModel current = this.models.current(user.community());
		model.addAttribute("model", current);
		Map<String, Double> weights = new LinkedHashMap<>();
		this.models.signals().forEach((signal) -> weights.put(signal.code(), current.weight(signal)));
		model.addAttribute("weights", weights);
		Map<String, Object> fields = new LinkedHashMap<>();
		weights.forEach((code, weight) -> fields.put("weight." + code, weight));
		current.thresholds()
			.forEach((type, levels) -> levels
				.forEach((level, value) -> fields.put("threshold." + type.name() + "." + level.name(), value)));
		current.ackHours().forEach((level, hours) -> fields.put("ack." + level.name(), hours));
		fields.putAll(typed);
		model.addAttribute("fields", fields);
		model.addAttribute("subjectTypes", RiskSubject.Type.values());
		model.addAttribute("levels", WarningLevel.values());
		return MODEL;
	}

	@PostMapping("/risk-model")
	@PreAuthorize("hasAuthority('RISK_MODEL')")
	String changeRiskModel(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form,
			Model model, Locale locale, HttpServletResponse response) {
		try {
			this.models.change(user, Long.parseLong(form.getOrDefault("version", "-1")), change(form));
			return "redirect:/risk-model?saved";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("failure", describe(ex, locale));
		}
		catch (StaleVersion ex) {
			response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
			model.addAttribute("failure", this.messages.getMessage("risk.model.stale", null, locale));
		}
		return riskModel(user, form, model);
	}

	/**
	 * Backtests the current model and the form's draft side by side, and shows the form
	 * again as typed: nothing is saved.
	 */
	@PostMapping("/risk-model/backtest")
	@PreAuthorize("hasAuthority('RISK_MODEL')")
	String backtest(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> form, Model model,
			Locale locale, HttpServletResponse response) {
		List<Violation> problems = new ArrayList<>();
		LocalDate from = day(form, "from", problems);
		LocalDate to = day(form, "to", problems);
		Double lookback = number(form.get("lookbackDays"));
		if (lookback != null && lookback != Math.rint(lookback)) {
			problems.add(new Violation("lookbackDays", "backtest.lookback.range", Backtest.MAX_LOOKBACK));
		}
		RiskModelChange draft = change(form);
		try {
			if (!problems.isEmpty()) {
				// the draft's own problems too, without running a backtest
				this.models.draft(user.community(), draft, problems);
				throw new InvalidInput(problems);
			}
			Backtest.Comparison comparison = this.backtest.compare(user, from, to,
					(lookback != null) ? lookback.intValue() : null, draft);
			model.addAttribute("comparison", comparison);
			model.addAttribute("links", links(comparison));
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("failure", describe(ex, locale));
		}
		return riskModel(user, form, model);
	}

	/**
	 * @return the change the risk model's form asks for
	 */
	private static RiskModelChange change(Map<String, String> form) {
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
		return new RiskModelChange(weights, thresholds, ackHours, form.get("note"));
	}

	private String describe(InvalidInput ex, Locale locale) {
		return String.join(" ",
				ex.violations()
					.stream()
					.map((v) -> v.field() + ": " + this.messages.getMessage(v.code(), v.args(), v.code(), locale))
					.toList());
	}

	private static @Nullable LocalDate day(Map<String, String> form, String field, List<Violation> problems) {
		String text = form.get(field);
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new Violation(field, "stability.date.format", text));
			return null;
		}
	}

	/**
	 * @return where the console shows each subject either report names, by its key
	 */
	private static Map<String, String> links(Backtest.Comparison comparison) {
		Map<String, String> links = new LinkedHashMap<>();
		for (BacktestReport report : List.of(comparison.current(), comparison.draft())) {
			report.incidents()
				.forEach((incident) -> incident.subjects()
					.forEach((key) -> link(RiskSubject.parse(key)).ifPresent((href) -> links.put(key, href))));
			report.falseAlarmSubjects().forEach((alarm) -> {
				String key = alarm.subjectType() + ":" + alarm.subjectId();
				link(RiskSubject.parse(key)).ifPresent((href) -> links.put(key, href));
			});
		}
		return links;
	}

	/**
	 * @return the console page of a subject; the community has none
	 */
	private static Optional<String> link(RiskSubject subject) {
		return switch (subject.type()) {
			case PERSON -> Optional.of("/people/" + subject.id());
			case GROUP -> Optional.of("/mood-notes/analysis?groupCode=" + subject.id());
			case GRID, AREA -> Optional.of("/places/" + subject.id());
			case COMMUNITY -> Optional.empty();
		};
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
		RiskSubject subject = RiskSubject.parse(warning.subjectType() + ":" + id);
		link(subject).ifPresent((href) -> links.put("subject", href));
		links.put("MOOD_NOTE", switch (subject.type()) {
			case PERSON -> "/mood-notes?personId=" + id;
			case GROUP -> "/mood-notes?groupCode=" + id;
			case GRID -> "/mood-notes?gridId=" + id;
			case AREA, COMMUNITY -> "/mood-notes";
		});
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
