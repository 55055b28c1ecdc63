package org.anju.stability;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The versions of each community's risk model. A community that has none starts with
 * {@link RiskModel#seed} as version 1. A change checks every weight, threshold and
 * acknowledgement limit, writes the next version and its audit row together, and is
 * refused when the caller saw an older version.
 */
@Service
@Transactional
class RiskModels {

	static final double MAX_WEIGHT = 1000;

	private final JdbcClient jdbc;

	private final List<Signal> signals;

	private final AuditTrail audit;

	private final ObjectMapper json;

	private final TransactionTemplate alone;

	RiskModels(JdbcClient jdbc, List<Signal> signals, AuditTrail audit, ObjectMapper json,
			PlatformTransactionManager transactions) {
		this.alone = new TransactionTemplate(transactions);
		this.alone.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.jdbc = jdbc;
		this.signals = signals;
		this.audit = audit;
		this.json = json;
	}

	/**
	 * @return the community's newest version, seeding version 1 on first use
	 */
	RiskModel current(CommunityId community) {
		return latest(community).orElseGet(() -> {
			// seeded in a transaction of its own: inside a long run the uncommitted row
			// would
			// hold up every other reader of the model until the run commits
			this.alone.executeWithoutResult((status) -> insert(community, RiskModel.seed(this.signals)));
			return latest(community).orElseThrow();
		});
	}

	List<Signal> signals() {
		return this.signals;
	}

	/**
	 * Writes the next version: what the change leaves out stays as it was.
	 * @throws StaleVersion when {@code expectedVersion} is not the newest
	 * @throws InvalidInput naming every weight, threshold or limit that breaks a rule
	 */
	RiskModel change(CurrentUser user, long expectedVersion, RiskModelChange change) {
		if (!user.may(Permission.RISK_MODEL)) {
			throw new AccessDeniedException("needs RISK_MODEL");
		}
		RiskModel current = current(user.community());
		if (current.version() != expectedVersion) {
			throw new StaleVersion(current.version());
		}
		List<Violation> problems = new ArrayList<>();
		RiskModel revised = revise(current, change, problems);
		String note = (change.note() != null && !change.note().isBlank()) ? change.note().strip() : null;
		if (note != null && note.length() > 500) {
			problems.add(new Violation("note", "conflict.text.length", 500));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<String, Double> weights = revised.weights();
		Map<RiskSubject.Type, Map<WarningLevel, Double>> thresholds = revised.thresholds();
		Map<WarningLevel, Integer> ackHours = revised.ackHours();
		RiskModel next = new RiskModel(current.version() + 1, weights, thresholds, ackHours, note, user.actor(), null);
		if (insert(user.community(), next) == 0) {
			// another change took this version number first
			throw new StaleVersion(current.version() + 1);
		}
		this.audit.record(user.community(), "RISK_MODEL_CHANGED", "RISK_MODEL", next.version(),
				Map.of("from", current.version(), "weights", weights, "thresholds", thresholds, "ackHours", ackHours));
		return latest(user.community()).orElseThrow();
	}

	/**
	 * The model a change would make, weighed by a backtest before it is saved; nothing is
	 * written.
	 * @param problems gets every weight, threshold or limit that breaks a rule
	 * @return the current version with the valid parts of the change in place (its
	 * version number stays)
	 */
	RiskModel draft(CommunityId community, RiskModelChange change, List<Violation> problems) {
		return revise(current(community), change, problems);
	}

	/**
	 * @return the model with the change's weights, thresholds and limits in place of the
	 * current ones, those that break a rule left as they were and named in
	 * {@code problems}
	 */
	private RiskModel revise(RiskModel current, RiskModelChange change, List<Violation> problems) {
		Map<String, Double> weights = new LinkedHashMap<>(current.weights());
		Set<String> known = this.signals.stream().map(Signal::code).collect(Collectors.toSet());
		if (change.weights() != null) {
			change.weights().forEach((code, weight) -> {
				if (!known.contains(code)) {
					problems.add(new Violation("weights." + code, "risk.signal.unknown", code));
				}
				else if (weight == null || weight < 0 || weight > MAX_WEIGHT) {
					problems.add(new Violation("weights." + code, "risk.weight.range", MAX_WEIGHT));
				}
				else {
					weights.put(code, weight);
				}
			});
		}
		Map<RiskSubject.Type, Map<WarningLevel, Double>> thresholds = new EnumMap<>(current.thresholds());
		if (change.thresholds() != null) {
			change.thresholds().forEach((typeName, levels) -> {
				RiskSubject.Type type = ConflictManagement.code(RiskSubject.Type.class, typeName,
						"thresholds." + typeName, "risk.subjectType.unknown", problems);
				Map<WarningLevel, Double> parsed = levels(levels, "thresholds." + typeName, problems);
				if (type != null && parsed != null) {
					thresholds.put(type, parsed);
				}
			});
		}
		Map<WarningLevel, Integer> ackHours = new EnumMap<>(current.ackHours());
		if (change.ackHours() != null) {
			change.ackHours().forEach((levelName, hours) -> {
				WarningLevel level = ConflictManagement.code(WarningLevel.class, levelName, "ackHours." + levelName,
						"warning.level.unknown", problems);
				if (hours == null || hours < 1 || hours > 720) {
					problems.add(new Violation("ackHours." + levelName, "risk.ackHours.range"));
				}
				else if (level != null) {
					ackHours.put(level, hours);
				}
			});
		}
		return new RiskModel(current.version(), weights, thresholds, ackHours, current.note(), current.createdBy(),
				current.createdAt());
	}

	/**
	 * @return the four levels' thresholds, rising from blue to red, or {@literal null}
	 * when they break a rule
	 */
	private static @Nullable Map<WarningLevel, Double> levels(@Nullable Map<String, Double> given, String field,
			List<Violation> problems) {
		if (given == null || given.size() != WarningLevel.values().length) {
			problems.add(new Violation(field, "risk.thresholds.allLevels"));
			return null;
		}
		Map<WarningLevel, Double> levels = new EnumMap<>(WarningLevel.class);
		int before = problems.size();
		given.forEach((name, value) -> {
			WarningLevel level = ConflictManagement.code(WarningLevel.class, name, field + "." + name,
					"warning.level.unknown", problems);
			if (value == null || value <= 0 || value > 1_000_000) {
				problems.add(new Violation(field + "." + name, "risk.threshold.range"));
			}
			else if (level != null) {
				levels.put(level, value);
			}
		});
		if (problems.size() > before) {
			return null;
		}
		double previous = 0;
		for (WarningLevel level : WarningLevel.values()) {
			Double value = levels.get(level);
			if (value == null || value <= previous) {
				problems.add(new Violation(field, "risk.thresholds.rising"));
				return null;
			}
			previous = value;
		}
		return levels;
	}

	private java.util.Optional<RiskModel> latest(CommunityId community) {
		return this.jdbc.sql("""
				select version, weights, thresholds, ack_hours, note, created_by, created_at from risk_model
				where community_id = :c order by version desc limit 1
				""").param("c", community.value()).query((rs, row) -> {
			Map<String, Double> weights = this.json.readValue(rs.getString("weights"), new TypeReference<>() {
			});
			Map<RiskSubject.Type, Map<WarningLevel, Double>> thresholds = this.json
				.readValue(rs.getString("thresholds"), new TypeReference<>() {
				});
			Map<WarningLevel, Integer> ackHours = this.json.readValue(rs.getString("ack_hours"), new TypeReference<>() {
			});
			return new RiskModel(rs.getInt("version"), weights, thresholds, ackHours, rs.getString("note"),
					rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
		}).optional();
	}

	private int insert(CommunityId community, RiskModel model) {
		return this.jdbc
			.sql("""
					insert into risk_model (community_id, version, weights, thresholds, ack_hours, note, created_by, created_at)
					values (:c, :version, cast(:weights as jsonb), cast(:thresholds as jsonb), cast(:ack as jsonb), :note,
					        :by, :at)
					on conflict (community_id, version) do nothing
					""")
			.param("c", community.value())
			.param("version", model.version())
			.param("weights", this.json.writeValueAsString(model.weights()))
			.param("thresholds", this.json.writeValueAsString(model.thresholds()))
			.param("ack", this.json.writeValueAsString(model.ackHours()))
			.param("note", model.note())
			.param("by", model.createdBy())
			.param("at", Timestamp.from(java.time.Instant.now()))
			.update();
	}

}
