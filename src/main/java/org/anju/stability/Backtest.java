package org.anju.stability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.appeals.AppealSignals;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.people.PersonManagement;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks whether the current risk model, or a draft of a change to it, would have foreseen
 * the incidents of a period. The incidents are the collective (集体访) and level-skipping
 * (越级访) appeals received in it. The engine scores every subject as of the end of each
 * day, from what was known by then, storing nothing. An incident is a <b>hit</b> when a
 * subject it concerns (the groups of a collective appeal's appellant, the appellant of a
 * level-skipping one, or its grid when neither is known) stood at {@link #LEVEL} or above
 * on one of the days before it; its lead time is the days from the first such day to the
 * incident. It is a <b>miss</b> otherwise. A <b>false alarm</b> is a person or group at
 * {@link #LEVEL} or above in the period with no incident concerning it (or, for a person,
 * their group) in the days after, nor in the {@link RiskRun#APPEAL_WINDOW} before, in
 * which an incident's own appeal keeps counting.
 */
@Service
@Transactional(readOnly = true)
class Backtest {

	/** The level that counts as flagged. */
	static final WarningLevel LEVEL = WarningLevel.YELLOW;

	static final int DEFAULT_DAYS = 60;

	static final int MAX_DAYS = 120;

	static final int DEFAULT_LOOKBACK = 14;

	static final int MAX_LOOKBACK = 30;

	private final RiskEngine engine;

	private final RiskModels models;

	private final AppealSignals appeals;

	private final PersonManagement people;

	private final Clock clock;

	Backtest(RiskEngine engine, RiskModels models, AppealSignals appeals, PersonManagement people, Clock clock) {
		this.engine = engine;
		this.models = models;
		this.appeals = appeals;
		this.people = people;
		this.clock = clock;
	}

	/**
	 * Backtests the current model, or a draft of a change to it.
	 * @param from the first day of the period; {@value #DEFAULT_DAYS} days before
	 * {@code to} when left out
	 * @param to its last day, not after today; today when left out
	 * @param lookbackDays how many days before an incident a flag counts, and how long
	 * after a flag an incident explains it
	 * @param draft weights and thresholds to weigh with in place of the current ones,
	 * written nowhere; {@literal null} for the current model
	 * @throws InvalidInput for a period that is reversed, longer than {@value #MAX_DAYS}
	 * days or in the future, a look-back outside 1 to {@value #MAX_LOOKBACK}, or a draft
	 * weight or threshold that the model would refuse
	 */
	BacktestReport run(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable Integer lookbackDays, @Nullable RiskModelChange draft) {
		List<BacktestReport> reports = run(user, from, to, lookbackDays, draft, draft == null);
		return reports.get(reports.size() - 1);
	}

	/**
	 * Backtests the current model and a draft of a change to it on the same period, side
	 * by side; the signals measure once for both.
	 * @throws InvalidInput as {@link #run} does
	 */
	Comparison compare(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable Integer lookbackDays, RiskModelChange draft) {
		List<BacktestReport> reports = run(user, from, to, lookbackDays, draft, true);
		return new Comparison(reports.get(0), reports.get(1));
	}

	/**
	 * The current model's backtest and a draft's on the same period and incidents.
	 */
	record Comparison(BacktestReport current, BacktestReport draft) {
	}

	/**
	 * @return the current model's report when {@code withCurrent}, then the draft's when
	 * there is one
	 */
	private List<BacktestReport> run(CurrentUser user, @Nullable LocalDate from, @Nullable LocalDate to,
			@Nullable Integer lookbackDays, @Nullable RiskModelChange draft, boolean withCurrent) {
		if (!user.may(Permission.RISK_MODEL) || !user.scope().wholeCommunity()) {
			throw new AccessDeniedException("needs RISK_MODEL over the whole community");
		}
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE));
		LocalDate last = (to != null) ? to : today;
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		int lookback = (lookbackDays != null) ? lookbackDays : DEFAULT_LOOKBACK;
		List<Violation> problems = new ArrayList<>();
		if (last.isAfter(today)) {
			problems.add(new Violation("to", "backtest.to.future", last));
		}
		if (first.isAfter(last)) {
			problems.add(new Violation("from", "backtest.from.afterTo", first, last));
		}
		else if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
			problems.add(new Violation("from", "backtest.period.tooLong", MAX_DAYS));
		}
		if (lookback < 1 || lookback > MAX_LOOKBACK) {
			problems.add(new Violation("lookbackDays", "backtest.lookback.range", MAX_LOOKBACK));
		}
		List<RiskModel> models = new ArrayList<>();
		if (withCurrent) {
			models.add(this.models.current(user.community()));
		}
		if (draft != null) {
			models.add(this.models.draft(user.community(), draft, problems));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long started = System.nanoTime();
		// for each model: day → subject key → its score at the day's end, for the flagged
		// ones
		List<Map<LocalDate, Map<String, RiskScore>>> flagged = new ArrayList<>();
		models.forEach((model) -> flagged.add(new LinkedHashMap<>()));
		for (LocalDate day = first.minusDays(lookback); !day.isAfter(last); day = day.plusDays(1)) {
			List<List<RiskScore>> scored = this.engine.scoreAsOf(user.community(), endOf(day), models, null);
			for (int m = 0; m < models.size(); m++) {
				Map<String, RiskScore> high = new LinkedHashMap<>();
				for (RiskScore score : scored.get(m)) {
					if (score.level() != null && !LEVEL.above(score.level())) {
						high.put(score.subject().key(), score);
					}
				}
				flagged.get(m).put(day, high);
			}
		}
		List<AppealSignals.Incident> known = this.appeals.incidents(user.community(),
				startOf(first).minus(RiskRun.APPEAL_WINDOW), endOf(last.plusDays(lookback)));
		List<BacktestReport> reports = new ArrayList<>();
		for (int m = 0; m < models.size(); m++) {
			Map<LocalDate, Map<String, RiskScore>> high = flagged.get(m);
			List<BacktestReport.Outcome> outcomes = new ArrayList<>();
			for (AppealSignals.Incident incident : known) {
				LocalDate day = day(incident.receivedAt());
				if (!day.isBefore(first) && !day.isAfter(last)) {
					outcomes.add(outcome(incident, day, lookback, high));
				}
			}
			List<BacktestReport.FalseAlarm> falseAlarms = falseAlarms(user, first, lookback, high, known);
			int hits = (int) outcomes.stream().filter(BacktestReport.Outcome::hit).count();
			reports.add(new BacktestReport(first, last, lookback, LEVEL, models.get(m).version(),
					draft != null && (m > 0 || !withCurrent), hits, outcomes.size() - hits, falseAlarms.size(),
					outcomes, falseAlarms, (System.nanoTime() - started) / 1_000_000));
		}
		return reports;
	}

	private static BacktestReport.Outcome outcome(AppealSignals.Incident incident, LocalDate day, int lookback,
			Map<LocalDate, Map<String, RiskScore>> flagged) {
		List<String> concerned = concerned(incident);
		for (LocalDate check = day.minusDays(lookback); check.isBefore(day); check = check.plusDays(1)) {
			Map<String, RiskScore> high = flagged.get(check);
			for (String subject : concerned) {
				RiskScore score = high.get(subject);
				if (score != null) {
					WarningLevel highest = score.level();
					for (LocalDate later = check; later.isBefore(day); later = later.plusDays(1)) {
						RiskScore then = flagged.get(later).get(subject);
						if (then != null && then.level().above(highest)) {
							highest = then.level();
						}
					}
					return new BacktestReport.Outcome(incident.appealId(), incident.number(), incident.kind().name(),
							incident.receivedAt(), concerned, true, subject, check,
							(int) ChronoUnit.DAYS.between(check, day), highest, signals(score));
				}
			}
		}
		return new BacktestReport.Outcome(incident.appealId(), incident.number(), incident.kind().name(),
				incident.receivedAt(), concerned, false, null, null, null, null, List.of());
	}

	private List<BacktestReport.FalseAlarm> falseAlarms(CurrentUser user, LocalDate first, int lookback,
			Map<LocalDate, Map<String, RiskScore>> flagged, List<AppealSignals.Incident> incidents) {
		Set<Long> persons = new HashSet<>();
		flagged.values().forEach((high) -> high.values().forEach((score) -> {
			if (score.subject().type() == RiskSubject.Type.PERSON) {
				persons.add(Long.valueOf(score.subject().id()));
			}
		}));
		Map<Long, List<String>> groups = this.people.groupsOf(user.community(), persons);
		Map<String, BacktestReport.FalseAlarm> alarms = new LinkedHashMap<>();
		flagged.forEach((day, high) -> {
			if (day.isBefore(first)) {
				return;
			}
			for (RiskScore score : high.values()) {
				RiskSubject subject = score.subject();
				if (subject.type() != RiskSubject.Type.PERSON && subject.type() != RiskSubject.Type.GROUP) {
					continue;
				}
				Set<String> keys = new HashSet<>(List.of(subject.key()));
				if (subject.type() == RiskSubject.Type.PERSON) {
					groups.getOrDefault(Long.valueOf(subject.id()), List.of())
						.forEach((group) -> keys.add("GROUP:" + group));
				}
				if (explained(keys, day, lookback, incidents)) {
					continue;
				}
				alarms.merge(subject.key(),
						new BacktestReport.FalseAlarm(subject.type().name(), subject.apiId(), day, 1, score.level(),
								signals(score)),
						(before, now) -> new BacktestReport.FalseAlarm(before.subjectType(), before.subjectId(),
								before.firstFlaggedOn(), before.daysFlagged() + 1,
								now.level().above(before.level()) ? now.level() : before.level(), before.signals()));
			}
		});
		List<BacktestReport.FalseAlarm> list = new ArrayList<>(alarms.values());
		list.sort(Comparator.comparing(BacktestReport.FalseAlarm::firstFlaggedOn));
		return list;
	}

	/**
	 * @return whether an incident concerning one of the keys followed the day within the
	 * look-back, or came before it within the time its appeal still counts
	 */
	private static boolean explained(Set<String> keys, LocalDate day, int lookback,
			List<AppealSignals.Incident> incidents) {
		for (AppealSignals.Incident incident : incidents) {
			LocalDate on = day(incident.receivedAt());
			boolean after = on.isAfter(day) && !on.isAfter(day.plusDays(lookback));
			boolean before = !on.isAfter(day) && !on.isBefore(day.minusDays(RiskRun.APPEAL_WINDOW.toDays()));
			if ((after || before) && concerned(incident).stream().anyMatch(keys::contains)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return the subject keys an incident concerns
	 */
	private static List<String> concerned(AppealSignals.Incident incident) {
		List<String> keys = new ArrayList<>();
		if (incident.kind() == AppealSignals.Measure.COLLECTIVE) {
			incident.groupCodes().forEach((group) -> keys.add("GROUP:" + group));
		}
		else if (incident.personId() != null) {
			keys.add("PERSON:" + incident.personId());
		}
		if (keys.isEmpty() && incident.gridId() != null) {
			keys.add("GRID:" + incident.gridId());
		}
		return keys;
	}

	private static List<String> signals(RiskScore score) {
		return score.contributions().stream().limit(3).map(Contribution::signal).toList();
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(WorkingCalendar.ZONE).toInstant();
	}

	private static Instant endOf(LocalDate day) {
		return startOf(day.plusDays(1)).minus(Duration.ofMillis(1));
	}

	private static LocalDate day(Instant moment) {
		return LocalDate.ofInstant(moment, WorkingCalendar.ZONE);
	}

}
