package org.anju.stability;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.appeals.AppealSignals;
import org.anju.people.PersonManagement;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The early-warning engine: runs every {@link Signal} over the subjects asked about,
 * weighs each value with the current {@link RiskModel}, stores every subject's score with
 * its contributions, and hands each subject whose level rose to {@link Warnings}. An
 * interest group with a collective-incident early sign (群体性苗头) is at least orange. A full
 * run takes every subject of a community at once; an event's run takes only the subjects
 * it touched.
 */
@Service
@Transactional
public class RiskEngine {

	private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

	private final List<Signal> signals;

	private final RiskModels models;

	private final RiskScores scores;

	private final Warnings warnings;

	private final KeyPersonGrading grading;

	private final AppealSignals appeals;

	private final PersonManagement people;

	private final JdbcClient jdbc;

	private final Clock clock;

	RiskEngine(List<Signal> signals, RiskModels models, RiskScores scores, Warnings warnings, KeyPersonGrading grading,
			AppealSignals appeals, PersonManagement people, JdbcClient jdbc, Clock clock) {
		this.signals = signals;
		this.grading = grading;
		this.models = models;
		this.scores = scores;
		this.warnings = warnings;
		this.appeals = appeals;
		this.people = people;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Recomputes every subject of the community, unless another full run of it is going
	 * on (on this node or another).
	 * @return how many subjects have a score, or -1 when another run holds the community
	 */
	public int recomputeAll(CommunityId community) {
		boolean mine = this.jdbc.sql("select pg_try_advisory_xact_lock(hashtext('anju.risk.recompute'), :c)")
			.param("c", (int) community.value())
			.query(Boolean.class)
			.single();
		if (!mine) {
			return -1;
		}
		long started = System.nanoTime();
		int scored = run(community, null);
		log.info("Full risk recompute of community {}: {} subjects in {} ms", community.value(), scored,
				(System.nanoTime() - started) / 1_000_000);
		return scored;
	}

	/**
	 * Recomputes only the subjects named by their keys, such as {@code PERSON:42}.
	 * @return how many of them have a score
	 */
	int recompute(CommunityId community, Set<String> subjectKeys) {
		return run(community, subjectKeys);
	}

	/**
	 * Recomputes the subjects that events marked, claiming them so that another node
	 * takes others ({@code SKIP LOCKED}); the marks go with the run's commit.
	 * @return how many marked subjects were recomputed
	 */
	int recomputeMarked(CommunityId community, int limit) {
		List<String> marked = this.jdbc.sql("""
				delete from risk_dirty d
				using (select community_id, subject from risk_dirty where community_id = :c
				       order by marked_at limit :limit for update skip locked) claimed
				where d.community_id = claimed.community_id and d.subject = claimed.subject
				returning d.subject
				""").param("c", community.value()).param("limit", limit).query(String.class).list();
		Set<String> subjects = subjects(community, marked);
		if (!subjects.isEmpty()) {
			run(community, subjects);
		}
		return marked.size();
	}

	/**
	 * @return the subjects marked, with those of the marked appeals looked up, but not
	 * the community itself
	 */
	private Set<String> subjects(CommunityId community, List<String> marked) {
		Set<String> subjects = new LinkedHashSet<>();
		List<Long> appeals = new ArrayList<>();
		for (String mark : marked) {
			if (mark.startsWith(RiskTriggers.APPEAL)) {
				appeals.add(Long.valueOf(mark.substring(RiskTriggers.APPEAL.length())));
			}
			else {
				subjects.add(mark);
			}
		}
		if (!appeals.isEmpty()) {
			subjects.addAll(this.appeals.subjectsOf(community, appeals));
		}
		// the community's own score reads every appeal: RiskClocks follows it every 15
		// minutes
		subjects.removeIf((key) -> RiskSubject.parse(key).type() == RiskSubject.Type.COMMUNITY);
		return subjects;
	}

	/**
	 * Scores the subjects as they stood at a past moment, from what was known by then,
	 * without storing anything or raising a warning: a backtest. The signals measure once
	 * and each model weighs what they measured, so that a draft is compared with the
	 * current model at the cost of one.
	 * @param models the models to weigh with, such as the current one and a draft
	 * @param subjects the subject keys to score, or {@literal null} for every subject
	 * @return for each model in turn, the scores of the subjects with any signal
	 */
	@Transactional(readOnly = true)
	List<List<RiskScore>> scoreAsOf(CommunityId community, Instant at, List<RiskModel> models,
			@Nullable Set<String> subjects) {
		RiskRun run = measure(new RiskRun(community, at, subjects, this.appeals, true));
		Map<Long, Long> personGrids = personGrids(run);
		return models.stream().map((model) -> weigh(model, run, personGrids)).toList();
	}

	private int run(CommunityId community, @Nullable Set<String> subjects) {
		Instant now = this.clock.instant();
		RiskModel model = this.models.current(community);
		List<RiskScore> computed = score(model, new RiskRun(community, now, subjects, this.appeals, false));
		// one order for every run, so that runs on overlapping subjects lock rows alike
		computed.sort(Comparator.comparing((RiskScore score) -> score.subject().key()));
		Map<String, WarningLevel> before = this.scores.levels(community, subjects);
		this.scores.replace(community, computed, subjects, now);
		this.grading.regrade(community, computed, subjects);
		for (RiskScore score : computed) {
			if (score.level() != null && score.level().above(before.get(score.subject().key()))) {
				this.warnings.raise(community, score, model, now);
			}
		}
		return computed.size();
	}

	/**
	 * Runs every signal and weighs what they measured with the model.
	 */
	private List<RiskScore> score(RiskModel model, RiskRun run) {
		measure(run);
		return weigh(model, run, personGrids(run));
	}

	private RiskRun measure(RiskRun run) {
		for (Signal signal : this.signals) {
			signal.measure(run);
		}
		return run;
	}

	/**
	 * @return the grid of each person the run measured
	 */
	private Map<Long, Long> personGrids(RiskRun run) {
		List<Long> personIds = new ArrayList<>();
		run.values().keySet().stream().map(RiskSubject::parse).forEach((subject) -> {
			if (subject.type() == RiskSubject.Type.PERSON) {
				personIds.add(Long.valueOf(subject.id()));
			}
		});
		return this.people.gridsOf(run.community(), personIds);
	}

	private List<RiskScore> weigh(RiskModel model, RiskRun run, Map<Long, Long> personGrids) {
		Instant now = run.now();
		Map<String, Signal> byCode = new HashMap<>();
		this.signals.forEach((signal) -> byCode.put(signal.code(), signal));
		List<RiskScore> computed = new ArrayList<>(run.values().size());
		run.values().forEach((key, measured) -> {
			RiskSubject subject = RiskSubject.parse(key);
			List<Contribution> contributions = new ArrayList<>();
			boolean collective = false;
			for (Map.Entry<String, RiskRun.Measured> entry : measured.entrySet()) {
				Signal signal = byCode.get(entry.getKey());
				RiskRun.Measured value = entry.getValue();
				contributions.add(Contribution.of(signal.code(), value.value(), model.weight(signal), value.evidence(),
						value.detail()));
				collective |= signal.collective();
			}
			contributions.sort(Comparator.comparing(Contribution::points).reversed());
			BigDecimal score = contributions.stream()
				.map(Contribution::points)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			WarningLevel level = model.level(subject.type(), score);
			if (collective && subject.type() == RiskSubject.Type.GROUP && WarningLevel.ORANGE.above(level)) {
				level = WarningLevel.ORANGE;
			}
			Long gridId = switch (subject.type()) {
				case PERSON -> personGrids.get(Long.valueOf(subject.id()));
				case GRID -> Long.valueOf(subject.id());
				default -> null;
			};
			computed
				.add(new RiskScore(subject, gridId, score, level, List.copyOf(contributions), model.version(), now));
		});
		return computed;
	}

}
