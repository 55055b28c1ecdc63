package org.anju.stability;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.IfMatch;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk scores and the risk model over HTTP: one subject's explained score, a full
 * recompute on demand, and the versioned weights and thresholds.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "risk", description = "Explainable risk scores (风险评分) and the versioned risk model")
class RiskApi {

	private final RiskReadings readings;

	private final RiskEngine engine;

	private final RiskModels models;

	private final Backtest backtest;

	RiskApi(RiskReadings readings, RiskEngine engine, RiskModels models, Backtest backtest) {
		this.readings = readings;
		this.engine = engine;
		this.models = models;
		this.backtest = backtest;
	}

	@GetMapping("/risk/{subjectType}/{id}")
	@Operation(summary = "A subject's risk score with the contribution of each signal",
			description = "subjectType is PERSON, GROUP (id = the interest group's code), GRID, AREA or COMMUNITY. "
					+ "The points of the contributions add up to the score; each contribution lists typed evidence "
					+ "ids (APPEAL, CONFLICT, MOOD_NOTE). A subject without any signal scores 0 with no level.")
	RiskView risk(@AuthenticationPrincipal CurrentUser user, @PathVariable String subjectType,
			@PathVariable String id) {
		return this.readings.risk(user, subjectType, id);
	}

	@PostMapping("/risk/recompute")
	@Operation(summary = "Recompute every subject's score now (leaders and administrators)",
			description = "Answers 409 while another full recompute of the community runs.")
	Map<String, Object> recompute(@AuthenticationPrincipal CurrentUser user) {
		requireModel(user);
		int scored = this.engine.recomputeAll(user.community());
		if (scored < 0) {
			throw new Refused("risk.recompute.busy");
		}
		return Map.of("subjects", scored);
	}

	@GetMapping("/risk-model")
	@Operation(summary = "The current risk model: weights by signal, thresholds by subject type and level, "
			+ "acknowledgement hours by level")
	ResponseEntity<Map<String, Object>> model(@AuthenticationPrincipal CurrentUser user) {
		ConflictManagement.requireRead(user);
		RiskModel model = this.models.current(user.community());
		return ResponseEntity.ok().eTag(IfMatch.etag(model.version())).body(shape(model));
	}

	@PutMapping("/risk-model")
	@Operation(summary = "Change the risk model: writes the next version (needs If-Match with the current one)",
			description = "Body: {\"weights\":{code:number}?, \"thresholds\":{subjectType:{BLUE,YELLOW,ORANGE,RED}}?, "
					+ "\"ackHours\":{level:hours}?, \"note\"?}. What is left out stays as it was.")
	ResponseEntity<Map<String, Object>> change(@AuthenticationPrincipal CurrentUser user,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody RiskModelChange change) {
		requireModel(user);
		RiskModel model = this.models.change(user, IfMatch.parse(ifMatch).version(), change);
		return ResponseEntity.ok().eTag(IfMatch.etag(model.version())).body(shape(model));
	}

	@PostMapping("/risk-model/backtest")
	@Operation(
			summary = "Backtest the current model, or a draft of a change, on a past period (leaders and administrators)",
			description = "Body: {\"from\"?: date, \"to\"?: date (today), \"lookbackDays\"?: 1..30 (14), "
					+ "\"weights\"?: {code:number}, \"thresholds\"?: {subjectType:{BLUE,YELLOW,ORANGE,RED}}}; the period "
					+ "is at most 120 days (60 by default). With weights or thresholds it weighs a draft: the current model "
					+ "with them in place, checked as PUT /risk-model checks them (422 naming the field) and saved nowhere. "
					+ "Scores every subject as of the end of each day from what was known by then, stores nothing, and "
					+ "answers each collective or level-skipping appeal of the period as a hit (a subject it concerns at "
					+ "YELLOW or above on a day before it, with the lead time) or a miss, and the people and groups flagged "
					+ "with no incident to explain it (false alarms).")
	BacktestReport backtest(@AuthenticationPrincipal CurrentUser user,
			@RequestBody(required = false) @Nullable BacktestBody body) {
		BacktestBody asked = (body != null) ? body : new BacktestBody(null, null, null, null, null);
		RiskModelChange draft = (asked.weights() != null || asked.thresholds() != null)
				? new RiskModelChange(asked.weights(), asked.thresholds(), null, null) : null;
		return this.backtest.run(user, asked.from(), asked.to(), asked.lookbackDays(), draft);
	}

	/**
	 * What a backtest asks about; every part is optional.
	 *
	 * @param weights a draft's weights by signal code, in place of the current ones
	 * @param thresholds a draft's thresholds by subject type (all four levels each)
	 */
	record BacktestBody(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Integer lookbackDays,
			@Nullable Map<String, @Nullable Double> weights,
			@Nullable Map<String, @Nullable Map<String, @Nullable Double>> thresholds) {
	}

	private Map<String, Object> shape(RiskModel model) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", model.version());
		Map<String, Double> weights = new LinkedHashMap<>();
		List<Signal> signals = this.models.signals();
		signals.forEach((signal) -> weights.put(signal.code(), model.weight(signal)));
		body.put("weights", weights);
		body.put("thresholds", model.thresholds());
		body.put("ackHours", model.ackHours());
		body.put("note", model.note());
		body.put("createdBy", model.createdBy());
		body.put("createdAt", model.createdAt());
		return body;
	}

	private static void requireModel(CurrentUser user) {
		if (!user.may(Permission.RISK_MODEL)) {
			throw new AccessDeniedException("needs RISK_MODEL");
		}
	}

}
