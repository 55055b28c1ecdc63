package org.anju.reporting;

import java.sql.Date;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.reporting.SectionView.Chart;
import org.anju.reporting.SectionView.Headline;
import org.anju.reporting.SectionView.Row;
import org.anju.reporting.SectionView.Table;
import org.anju.shared.CommunityId;
import org.anju.stability.ConflictState;
import org.anju.stability.RiskLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Conflict cases registered in the span, by level and by where they stand now.
 */
@Component
@Order(20)
class ConflictSection implements DashboardSection<ConflictSection.Figures> {

	private final JdbcClient jdbc;

	private final ReportTexts texts;

	ConflictSection(JdbcClient jdbc, ReportTexts texts) {
		this.jdbc = jdbc;
		this.texts = texts;
	}

	@Override
	public String key() {
		return "conflicts";
	}

	@Override
	public Chapter chapter() {
		return Chapter.STABILITY;
	}

	@Override
	public Figures figures(CommunityId community, Span span, Locale locale) {
		Map<RiskLevel, Long> byLevel = new LinkedHashMap<>();
		Arrays.stream(RiskLevel.values()).forEach((level) -> byLevel.put(level, 0L));
		Map<ConflictState, Long> byState = new LinkedHashMap<>();
		Arrays.stream(ConflictState.values()).forEach((state) -> byState.put(state, 0L));
		this.jdbc.sql("""
				select level, state, count(*) as n from report_conflict
				where community_id = :c and registered_day between :from and :to
				group by level, state
				""")
			.param("c", community.value())
			.param("from", Date.valueOf(span.from()))
			.param("to", Date.valueOf(span.to()))
			.query((rs, row) -> {
				long n = rs.getLong("n");
				byLevel.merge(RiskLevel.valueOf(rs.getString("level")), n, Long::sum);
				byState.merge(ConflictState.valueOf(rs.getString("state")), n, Long::sum);
				return n;
			})
			.list();
		long total = byLevel.values().stream().mapToLong(Long::longValue).sum();
		long open = byState.entrySet().stream().filter((e) -> e.getKey().open()).mapToLong(Map.Entry::getValue).sum();
		return new Figures(total, open, byLevel, byState);
	}

	@Override
	public SectionView view(Figures f, Span span, Locale locale) {
		List<String> columns = List.of(this.texts.text("dashboard.column.cases", locale));
		return new SectionView(key(), chapter(), this.texts.text("dashboard.conflicts.title", locale),
				List.of(new Headline(this.texts.text("dashboard.conflicts.total", locale), Long.toString(f.total()),
						"/conflicts"),
						new Headline(this.texts.text("dashboard.conflicts.open", locale), Long.toString(f.open()),
								"/conflicts?open=true")),
				List.of(new Table(this.texts.text("dashboard.conflicts.byLevel", locale), Chart.PIE, columns,
						f.byLevel()
							.entrySet()
							.stream()
							.map((e) -> new Row(this.texts.text("dashboard.level." + e.getKey(), locale),
									List.<@Nullable Number>of(e.getValue()), "/conflicts?level=" + e.getKey()))
							.toList()),
						new Table(this.texts.text("dashboard.conflicts.byState", locale), Chart.BAR, columns,
								f.byState()
									.entrySet()
									.stream()
									.map((e) -> new Row(this.texts.text("dashboard.state." + e.getKey(), locale),
											List.<@Nullable Number>of(e.getValue()), "/conflicts?state=" + e.getKey()))
									.toList())));
	}

	/**
	 * @param open the cases still registered or being resolved
	 * @param byLevel every level, with 0 where there is none
	 * @param byState every state, with 0 where there is none
	 */
	record Figures(long total, long open, Map<RiskLevel, Long> byLevel, Map<ConflictState, Long> byState) {
	}

}
