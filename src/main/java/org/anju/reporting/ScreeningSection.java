package org.anju.reporting;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
 * Screening completeness: of the grids owing a report in the rounds due within the span,
 * the share that reported (a zero report counts), with each round's figures.
 */
@Component
@Order(30)
class ScreeningSection implements DashboardSection<ScreeningSection.Figures> {

	private final JdbcClient jdbc;

	private final ReportTexts texts;

	ScreeningSection(JdbcClient jdbc, ReportTexts texts) {
		this.jdbc = jdbc;
		this.texts = texts;
	}

	@Override
	public String key() {
		return "screening";
	}

	@Override
	public Chapter chapter() {
		return Chapter.STABILITY;
	}

	@Override
	public Figures figures(CommunityId community, Span span, Locale locale) {
		List<Round> rounds = this.jdbc.sql("""
				select round_id, period, deadline, count(*) as grids, count(*) filter (where reported) as reported,
				       count(*) filter (where late or (not reported and deadline < :today)) as late
				from report_screening
				where community_id = :c and deadline between :from and :to
				group by round_id, period, deadline
				order by deadline, round_id
				""")
			.param("c", community.value())
			.param("from", Date.valueOf(span.from()))
			.param("to", Date.valueOf(span.to()))
			.param("today", Date.valueOf(span.today()))
			.query((rs, row) -> new Round(rs.getLong("round_id"), rs.getString("period"),
					rs.getObject("deadline", LocalDate.class), rs.getLong("grids"), rs.getLong("reported"),
					rs.getLong("late"), AppealFigures.rate(rs.getLong("reported"), rs.getLong("grids"))))
			.list();
		long grids = rounds.stream().mapToLong(Round::grids).sum();
		long reported = rounds.stream().mapToLong(Round::reported).sum();
		return new Figures(AppealFigures.rate(reported, grids), grids, reported, rounds);
	}

	@Override
	public SectionView view(Figures f, Span span, Locale locale) {
		String board = "/screening";
		return new SectionView(key(), chapter(), this.texts.text("dashboard.screening.title", locale), List.of(
				new Headline(this.texts.text("dashboard.screening.completeness", locale),
						SectionView.percent(f.completeness()), board),
				new Headline(this.texts.text("dashboard.screening.reported", locale), f.reported() + " / " + f.grids(),
						board)),
				List.of(new Table(this.texts.text("dashboard.screening.rounds", locale), Chart.BAR,
						List.of(this.texts.text("dashboard.column.completeness", locale),
								this.texts.text("dashboard.column.grids", locale),
								this.texts.text("dashboard.column.reported", locale),
								this.texts.text("dashboard.column.late", locale)),
						f.rounds()
							.stream()
							.map((r) -> new Row(r.period(),
									Arrays.<@Nullable Number>asList(r.completeness(), r.grids(), r.reported(),
											r.late()),
									board + "?roundId=" + r.roundId()))
							.toList())));
	}

	/**
	 * @param completeness reported / grids, 0 to 1, {@literal null} when no round was due
	 */
	record Figures(@Nullable BigDecimal completeness, long grids, long reported, List<Round> rounds) {
	}

	/**
	 * @param late grids that reported after the deadline or have not reported past it
	 */
	record Round(long roundId, String period, LocalDate deadline, long grids, long reported, long late,
			@Nullable BigDecimal completeness) {
	}

}
