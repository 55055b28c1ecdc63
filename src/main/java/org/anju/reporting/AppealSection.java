package org.anju.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.anju.reporting.AppealFigures.Bucket;
import org.anju.reporting.AppealFigures.Day;
import org.anju.reporting.SectionView.Chart;
import org.anju.reporting.SectionView.Headline;
import org.anju.reporting.SectionView.Row;
import org.anju.reporting.SectionView.Table;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appeals received, resolved on time and rated satisfied over the span, today and this
 * month, their daily trend, and their breakdown by category, department, interest group,
 * area and grid: sums over the day rollup, a few rows per day and key.
 */
@Component
@Order(10)
class AppealSection implements DashboardSection<AppealFigures> {

	private static final String SUMS = """
			select dimension, key, sum(received) as received, sum(resolved) as resolved,
			       sum(resolved_on_time) as resolved_on_time, sum(rated) as rated, sum(satisfied) as satisfied,
			       sum(overdue) as overdue
			from report_appeal_day
			where community_id = :c and day between :from and :to
			group by dimension, key
			""";

	private final JdbcClient jdbc;

	private final Names names;

	private final ReportTexts texts;

	AppealSection(JdbcClient jdbc, Names names, ReportTexts texts) {
		this.jdbc = jdbc;
		this.names = names;
		this.texts = texts;
	}

	@Override
	public String key() {
		return "appeals";
	}

	@Override
	public Chapter chapter() {
		return Chapter.SERVICE;
	}

	@Override
	public AppealFigures figures(CommunityId community, Span span, Locale locale) {
		Map<String, List<Sum>> sums = new HashMap<>();
		this.jdbc.sql(SUMS)
			.param("c", community.value())
			.param("from", Date.valueOf(span.from()))
			.param("to", Date.valueOf(span.to()))
			.query((rs, row) -> new Sum(rs.getString("dimension"), rs.getString("key"), rs.getLong("received"),
					rs.getLong("resolved"), rs.getLong("resolved_on_time"), rs.getLong("rated"),
					rs.getLong("satisfied"), rs.getLong("overdue")))
			.list()
			.forEach((sum) -> sums.computeIfAbsent(sum.dimension(), (d) -> new ArrayList<>()).add(sum));
		Map<LocalDate, Day> days = new HashMap<>();
		this.jdbc.sql("""
				select day, received, resolved from report_appeal_day
				where community_id = :c and day between :from and :to and dimension = 'TOTAL' and key = ''
				""")
			.param("c", community.value())
			.param("from", Date.valueOf(span.from()))
			.param("to", Date.valueOf(span.to()))
			.query((rs, row) -> new Day(rs.getObject("day", LocalDate.class), rs.getLong("received"),
					rs.getLong("resolved")))
			.list()
			.forEach((day) -> days.put(day.day(), day));
		List<Day> trend = new ArrayList<>();
		for (LocalDate day = span.from(); !day.isAfter(span.to()); day = day.plusDays(1)) {
			trend.add(days.getOrDefault(day, new Day(day, 0, 0)));
		}
		long[] recent = this.jdbc.sql("""
				select coalesce(sum(received) filter (where day = :today), 0) as today,
				       coalesce(sum(received), 0) as month
				from report_appeal_day
				where community_id = :c and day between :first and :today and dimension = 'TOTAL' and key = ''
				""")
			.param("c", community.value())
			.param("today", Date.valueOf(span.today()))
			.param("first", Date.valueOf(span.today().withDayOfMonth(1)))
			.query((rs, row) -> new long[] { rs.getLong("today"), rs.getLong("month") })
			.single();
		Sum total = sums.getOrDefault("TOTAL", List.of())
			.stream()
			.findFirst()
			.orElse(new Sum("TOTAL", "", 0, 0, 0, 0, 0, 0));
		Map<String, Map<String, String>> named = this.names.of(community, locale);
		Function<String, List<Bucket>> buckets = (dimension) -> buckets(sums.getOrDefault(dimension, List.of()),
				named.getOrDefault(dimension, Map.of()), locale);
		return new AppealFigures(total.received(), total.resolved(), total.resolvedOnTime(),
				AppealFigures.rate(total.resolvedOnTime(), total.resolved()), total.rated(), total.satisfied(),
				AppealFigures.rate(total.satisfied(), total.rated()), total.overdue(), recent[0], recent[1], trend,
				buckets.apply("CATEGORY"), buckets.apply("DEPARTMENT"), buckets.apply("GROUP"), buckets.apply("AREA"),
				buckets.apply("GRID"));
	}

	private List<Bucket> buckets(List<Sum> sums, Map<String, String> names, Locale locale) {
		String none = this.texts.textOr("dashboard.none", AppealFigures.NONE, locale);
		return sums.stream()
			.map((s) -> new Bucket(s.key(),
					AppealFigures.NONE.equals(s.key()) ? none : names.getOrDefault(s.key(), s.key()), s.received(),
					s.resolved(), s.resolvedOnTime(), AppealFigures.rate(s.resolvedOnTime(), s.resolved()), s.rated(),
					s.satisfied(), AppealFigures.rate(s.satisfied(), s.rated()), s.overdue()))
			.sorted(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::code))
			.toList();
	}

	@Override
	public SectionView view(AppealFigures f, Span span, Locale locale) {
		String stats = "/appeals/stats?from=" + span.from() + "&to=" + span.to() + "&by=";
		List<Headline> headlines = List.of(
				new Headline(this.texts.text("dashboard.appeals.received", locale), Long.toString(f.received()),
						stats + "category"),
				new Headline(this.texts.text("dashboard.appeals.resolvedOnTime", locale),
						Long.toString(f.resolvedOnTime()), stats + "department"),
				new Headline(this.texts.text("dashboard.appeals.onTimeRate", locale),
						SectionView.percent(f.onTimeRate()), stats + "department"),
				new Headline(this.texts.text("dashboard.appeals.satisfactionRate", locale),
						SectionView.percent(f.satisfactionRate()), stats + "category"),
				new Headline(this.texts.text("dashboard.appeals.overdue", locale), Long.toString(f.overdue()),
						"/appeals?tab=all&overdue=true"),
				new Headline(this.texts.text("dashboard.appeals.today", locale), Long.toString(f.today()),
						"/appeals?tab=all"),
				new Headline(this.texts.text("dashboard.appeals.thisMonth", locale), Long.toString(f.thisMonth()),
						"/appeals/stats?by=category"));
		List<String> columns = List.of(this.texts.text("dashboard.column.received", locale),
				this.texts.text("dashboard.column.resolvedOnTime", locale),
				this.texts.text("dashboard.column.onTimeRate", locale),
				this.texts.text("dashboard.column.satisfactionRate", locale));
		List<Table> tables = List.of(
				new Table(this.texts.text("dashboard.appeals.trend", locale), Chart.LINE,
						List.of(this.texts.text("dashboard.column.received", locale),
								this.texts.text("dashboard.column.resolved", locale)),
						f.trend()
							.stream()
							.map((d) -> new Row(d.day().toString(), List.of(d.received(), d.resolved()),
									"/appeals/stats?from=" + d.day() + "&to=" + d.day() + "&by=category"))
							.toList()),
				table(this.texts.text("dashboard.appeals.byCategory", locale), Chart.PIE, columns, f.byCategory(),
						(b) -> "/appeals?tab=all&categoryCode=" + b.code()),
				table(this.texts.text("dashboard.appeals.byDepartment", locale), Chart.BAR, columns, f.byDepartment(),
						(b) -> stats + "department"),
				table(this.texts.text("dashboard.appeals.byInterestGroup", locale), Chart.BAR, columns,
						f.byInterestGroup(), (b) -> "/appeals?tab=all&group=" + b.code()),
				table(this.texts.text("dashboard.appeals.byArea", locale), Chart.BAR, columns, f.byArea(),
						(b) -> "/appeals?tab=all&areaId=" + b.code()),
				table(this.texts.text("dashboard.appeals.byGrid", locale), Chart.BAR, columns, f.byGrid(),
						(b) -> "/appeals?tab=all&gridId=" + b.code()));
		return new SectionView(key(), chapter(), this.texts.text("dashboard.appeals.title", locale), headlines, tables);
	}

	private static Table table(String title, Chart chart, List<String> columns, List<Bucket> buckets,
			Function<Bucket, String> link) {
		return new Table(title, chart, columns,
				buckets.stream()
					.map((b) -> new Row(b.name(),
							Arrays.<@Nullable Number>asList(b.count(), b.resolvedOnTime(), b.onTimeRate(),
									b.satisfactionRate()),
							AppealFigures.NONE.equals(b.code()) ? null : link.apply(b)))
					.toList());
	}

	private record Sum(String dimension, String key, long received, long resolved, long resolvedOnTime, long rated,
			long satisfied, long overdue) {
	}

}
