package org.anju.surveys;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.anju.appeals.AppealCallbacks;
import org.anju.appeals.Satisfaction;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.anju.surveys.SurveyCampaigns.SHANGHAI;
import static org.anju.surveys.Surveys.require;

/**
 * The service satisfaction index (服务满意度指数) of each service line, from 0 to 100: the mean
 * callback score of the line's appeal categories weighted {@value #CALLBACK_WEIGHT}, and
 * the mean survey score of its campaigns weighted {@value #SURVEY_WEIGHT}; when only one
 * of the two was measured, that one alone. docs/SATISFACTION.md explains the choice.
 * Periods are days in Asia/Shanghai; callbacks count by when they were given, survey
 * answers by when they were taken.
 */
@Service
@Transactional(readOnly = true)
public class SatisfactionIndex {

	/** The weight of the appeals' callbacks when both sources were measured. */
	public static final double CALLBACK_WEIGHT = 0.4;

	/** The weight of the survey ratings when both sources were measured. */
	public static final double SURVEY_WEIGHT = 0.6;

	/** The longest period the index covers at once. */
	public static final int MAX_YEARS = 2;

	private final AppealCallbacks callbacks;

	private final Surveys surveys;

	private final InterestGroups groups;

	private final PlaceManagement places;

	private final JdbcClient jdbc;

	SatisfactionIndex(AppealCallbacks callbacks, Surveys surveys, InterestGroups groups, PlaceManagement places,
			JdbcClient jdbc) {
		this.callbacks = callbacks;
		this.surveys = surveys;
		this.groups = groups;
		this.places = places;
		this.jdbc = jdbc;
	}

	/**
	 * @return a callback's score: 非常满意 100, 满意 80, 基本满意 60, 不满意 0
	 */
	public static int points(Satisfaction satisfaction) {
		return switch (satisfaction) {
			case VERY_SATISFIED -> 100;
			case SATISFIED -> 80;
			case BASICALLY_SATISFIED -> 60;
			case DISSATISFIED -> 0;
		};
	}

	/**
	 * The index of every service line over a period, within the caller's grids.
	 * @param to the last day, inclusive
	 * @return one score per service line, in the order of {@link ServiceLine}
	 * @throws BadParameter when the period is reversed or longer than two years
	 */
	public List<SatisfactionScore> forPeriod(CurrentUser user, LocalDate from, LocalDate to) {
		require(user, Permission.APPEALS_READ);
		Long[] grids = user.scope().gridFilter();
		return lines(user.community(), grids, from, to,
				this.callbacks.counted(user.community(), categoryCodes(), start(from, to), until(to), grids));
	}

	/**
	 * The index of every service line over a period for the whole community: for the
	 * leaders' dashboard and the monthly report, which keep the callbacks counted in
	 * their own rollup (a year holds hundreds of thousands of them).
	 * @param callbacks the callbacks given within the period, counted by category and
	 * answer as {@link AppealCallbacks#counted} counts them
	 * @return one score per service line, in the order of {@link ServiceLine}
	 * @throws BadParameter when the period is reversed or longer than two years
	 */
	public List<SatisfactionScore> forCommunity(CommunityId community, LocalDate from, LocalDate to,
			List<AppealCallbacks.Count> callbacks) {
		return lines(community, null, from, to, callbacks);
	}

	/**
	 * @return the categories whose callbacks count in some service line, each with its
	 * sub-categories
	 */
	private static Set<String> categoryCodes() {
		Set<String> codes = new HashSet<>();
		for (ServiceLine line : ServiceLine.values()) {
			codes.addAll(line.categoryCodes());
		}
		return codes;
	}

	/**
	 * @return a service line's index month by month (key {@code 2026-11}), every month of
	 * the period listed
	 */
	public List<SatisfactionScore> trend(CurrentUser user, ServiceLine line, LocalDate from, LocalDate to) {
		require(user, Permission.APPEALS_READ);
		Measures measures = measure(user.community(), user.scope().gridFilter(), line, from, to);
		Map<String, Tally> months = new TreeMap<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			months.put(m.toString(), new Tally());
		}
		Function<Instant, String> month = (at) -> YearMonth.from(at.atZone(SHANGHAI)).toString();
		measures.callbacks().forEach((c) -> months.get(month.apply(c.at())).callback(c.satisfaction()));
		measures.answers().forEach((a) -> months.get(month.apply(a.at())).answer(a.score()));
		List<SatisfactionScore> trend = new ArrayList<>();
		months.forEach((key, tally) -> trend.add(tally.score(key, key)));
		return trend;
	}

	/**
	 * @return a service line's index per interest group (a person in two groups counts in
	 * both) or per area, the best measured first
	 */
	public List<SatisfactionScore> breakdown(CurrentUser user, ServiceLine line, LocalDate from, LocalDate to,
			Breakdown by) {
		require(user, Permission.APPEALS_READ);
		Measures measures = measure(user.community(), user.scope().gridFilter(), line, from, to);
		Map<String, Tally> buckets = new TreeMap<>();
		for (AppealCallbacks.Callback c : measures.callbacks()) {
			for (String key : keys(by, c.areaId(), c.groups())) {
				buckets.computeIfAbsent(key, (k) -> new Tally()).callback(c.satisfaction());
			}
		}
		for (Answer a : measures.answers()) {
			for (String key : keys(by, a.areaId(), a.groups())) {
				buckets.computeIfAbsent(key, (k) -> new Tally()).answer(a.score());
			}
		}
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, InterestGroup> groupNames = this.groups.byCode(user.community());
		List<SatisfactionScore> scores = new ArrayList<>();
		buckets.forEach((key, tally) -> {
			String name = switch (by) {
				case GROUP -> (groupNames.containsKey(key)) ? groupNames.get(key).name(locale) : key;
				case AREA -> this.places.find(user.community(), Long.parseLong(key)).map(Place::name).orElse(key);
			};
			scores.add(tally.score(key, name));
		});
		scores
			.sort((a, b) -> Double.compare((b.index() != null) ? b.index() : -1, (a.index() != null) ? a.index() : -1));
		return scores;
	}

	/**
	 * Counts in the database, not row by row, and in one pass for all lines, from the
	 * callbacks counted by category and answer.
	 */
	private List<SatisfactionScore> lines(CommunityId community, Long @Nullable [] grids, LocalDate from, LocalDate to,
			List<AppealCallbacks.Count> callbacks) {
		Instant start = start(from, to);
		Instant until = until(to);
		Map<String, Tally> tallies = new HashMap<>();
		for (ServiceLine line : ServiceLine.values()) {
			Tally tally = new Tally();
			callbacks.stream()
				.filter((count) -> count.within(line.categoryCodes()))
				.forEach((count) -> tally.callbacks(count.satisfaction(), count.count()));
			tallies.put(line.name(), tally);
		}
		this.jdbc.sql("""
				select service_line, count(*) as n, sum(score) as points from survey_response
				where community_id = :c and score is not null and answered_at >= :from and answered_at < :until
				  and (cast(:grids as bigint[]) is null or grid_id = any(:grids))
				group by service_line
				""")
			.param("c", community.value())
			.param("from", Timestamp.from(start))
			.param("until", Timestamp.from(until))
			.param("grids", grids)
			.query((rs) -> {
				Tally tally = tallies.get(rs.getString("service_line"));
				if (tally != null) {
					tally.answers(rs.getLong("n"), rs.getBigDecimal("points").doubleValue());
				}
			});
		List<SatisfactionScore> scores = new ArrayList<>();
		for (ServiceLine line : ServiceLine.values()) {
			scores.add(tallies.get(line.name()).score(line.name(), this.surveys.lineName(line)));
		}
		return scores;
	}

	/**
	 * @return the period's first moment
	 * @throws BadParameter when the period is reversed or too long
	 */
	private static Instant start(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new BadParameter("to", "stats.period.order", from, to);
		}
		if (!to.isBefore(from.plusYears(MAX_YEARS))) {
			throw new BadParameter("to", "stats.period.tooLong", MAX_YEARS);
		}
		return from.atStartOfDay(SHANGHAI).toInstant();
	}

	private static Instant until(LocalDate to) {
		return to.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
	}

	private Measures measure(CommunityId community, Long @Nullable [] grids, ServiceLine line, LocalDate from,
			LocalDate to) {
		Instant start = start(from, to);
		Instant until = until(to);
		List<Answer> answers = this.jdbc.sql("""
				select score, answered_at, area_id, groups from survey_response
				where community_id = :c and service_line = :line and score is not null
				  and answered_at >= :from and answered_at < :until
				  and (cast(:grids as bigint[]) is null or grid_id = any(:grids))
				""")
			.param("c", community.value())
			.param("line", line.name())
			.param("from", Timestamp.from(start))
			.param("until", Timestamp.from(until))
			.param("grids", grids)
			.query((rs, row) -> new Answer(rs.getBigDecimal("score").doubleValue(),
					rs.getTimestamp("answered_at").toInstant(), rs.getObject("area_id", Long.class),
					List.of((String[]) rs.getArray("groups").getArray())))
			.list();
		return new Measures(this.callbacks.between(community, line.categoryCodes(), start, until, grids), answers);
	}

	private static List<String> keys(Breakdown by, @Nullable Long areaId, List<String> groups) {
		return switch (by) {
			case GROUP -> groups;
			case AREA -> (areaId != null) ? List.of(areaId.toString()) : List.of();
		};
	}

	/**
	 * What a breakdown buckets by.
	 */
	public enum Breakdown {

		GROUP, AREA

	}

	private record Measures(List<AppealCallbacks.Callback> callbacks, List<Answer> answers) {
	}

	private record Answer(double score, Instant at, @Nullable Long areaId, List<String> groups) {
	}

	private static final class Tally {

		private double callbackPoints;

		private long callbacks;

		private double surveyPoints;

		private long responses;

		void callback(Satisfaction satisfaction) {
			callbacks(satisfaction, 1);
		}

		void callbacks(Satisfaction satisfaction, long count) {
			this.callbackPoints += points(satisfaction) * (double) count;
			this.callbacks += count;
		}

		void answer(double score) {
			answers(1, score);
		}

		void answers(long count, double points) {
			this.surveyPoints += points;
			this.responses += count;
		}

		SatisfactionScore score(String key, String name) {
			Double callbackScore = (this.callbacks > 0) ? this.callbackPoints / this.callbacks : null;
			Double surveyScore = (this.responses > 0) ? this.surveyPoints / this.responses : null;
			Double index;
			if (callbackScore != null && surveyScore != null) {
				index = CALLBACK_WEIGHT * callbackScore + SURVEY_WEIGHT * surveyScore;
			}
			else {
				index = (callbackScore != null) ? callbackScore : surveyScore;
			}
			return new SatisfactionScore(key, name, tenth(index), tenth(callbackScore), Math.toIntExact(this.callbacks),
					tenth(surveyScore), Math.toIntExact(this.responses));
		}

		private static @Nullable Double tenth(@Nullable Double value) {
			return (value != null) ? Math.round(value * 10) / 10.0 : null;
		}

	}

}
