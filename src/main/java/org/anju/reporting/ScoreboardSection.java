package org.anju.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.anju.calendar.WorkingCalendar;
import org.anju.letters.Scoreboard;
import org.anju.letters.Scoreboard.Standing;
import org.anju.shared.CommunityId;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The responsibility letters of the span's year: the units and posts that score best and
 * worst, the vetoed ones with the worst, each linked to its letter, whose assessment
 * drills down to the rows behind it.
 * <p>
 * Scoring a letter reads its scope's appeals, cases and visits of the whole year, about
 * nine queries per letter, far beyond the dashboard's budget over a million appeals. So
 * the dashboard shows the board of each community and year as scored in the background: a
 * board once shown is scored again every {@link #FRESH} for as long as it is asked for
 * within {@link #KEPT}, so that a load never waits for the scoring but the first of a
 * board (after a start, or after a quiet hour). A board is at most {@link #FRESH} plus
 * one scoring old. The letters' own scoreboard page is live.
 */
@Component
@Order(60)
class ScoreboardSection implements DashboardSection<ScoreboardSection.Figures> {

	/** How many standings each end of the board shows. */
	static final int ENDS = 3;

	/** How old a scored board the dashboard may show. */
	static final Duration FRESH = Duration.ofMinutes(5);

	/** How long a board not asked for is kept scored. */
	static final Duration KEPT = Duration.ofHours(1);

	private final Scoreboard scoreboard;

	private final ReportTexts texts;

	private final Clock clock;

	private final Map<Board, Scored> scored = new ConcurrentHashMap<>();

	private final Map<Board, Instant> asked = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final TaskExecutor background;

	ScoreboardSection(Scoreboard scoreboard, ReportTexts texts, Clock clock, JdbcClient jdbc,
			TaskExecutor applicationTaskExecutor) {
		this.scoreboard = scoreboard;
		this.texts = texts;
		this.clock = clock;
		this.jdbc = jdbc;
		this.background = applicationTaskExecutor;
	}

	@Override
	public String key() {
		return "scoreboard";
	}

	@Override
	public Chapter chapter() {
		return Chapter.RESPONSIBILITY;
	}

	@Override
	public Figures figures(CommunityId community, Span span, Locale locale) {
		int year = span.to().getYear();
		List<Standing> standings = standings(community, year);
		int top = Math.min(ENDS, standings.size());
		int bottom = Math.min(ENDS, standings.size() - top);
		List<Standing> worst = new ArrayList<>(standings.subList(standings.size() - bottom, standings.size()));
		Collections.reverse(worst);
		return new Figures(year, standings.size(), (int) standings.stream().filter(Standing::vetoed).count(),
				standings.subList(0, top), worst);
	}

	private List<Standing> standings(CommunityId community, int year) {
		Board board = new Board(community, year);
		this.asked.put(board, this.clock.instant());
		return this.scored.computeIfAbsent(board, this::score).standings();
	}

	/**
	 * Scores the current year's board of every community in the background, so that the
	 * first dashboard after a start does not wait for it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warm() {
		int year = LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE)).getYear();
		List<Long> communities = this.jdbc.sql("select id from community order by id").query(Long.class).list();
		this.background.execute(() -> communities
			.forEach((id) -> this.scored.computeIfAbsent(new Board(new CommunityId(id), year), this::score)));
	}

	/**
	 * Scores again the boards due, and forgets those of other years than the current one
	 * not asked for within {@link #KEPT}; runs every minute, so that no board is shown
	 * older than {@link #FRESH} plus one scoring.
	 */
	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void rescore() {
		Instant now = this.clock.instant();
		int year = LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE)).getYear();
		for (Board board : List.copyOf(this.scored.keySet())) {
			Instant asked = this.asked.getOrDefault(board, Instant.MIN);
			if (board.year() != year && asked.plus(KEPT).isBefore(now)) {
				this.scored.remove(board);
				this.asked.remove(board, asked);
			}
			else if (!this.scored.get(board).at().plus(FRESH).minus(Duration.ofMinutes(1)).isAfter(now)) {
				this.scored.put(board, score(board));
			}
		}
	}

	private Scored score(Board board) {
		return new Scored(this.scoreboard.standings(board.community(), board.year()), this.clock.instant());
	}

	private record Board(CommunityId community, int year) {
	}

	private record Scored(List<Standing> standings, Instant at) {
	}

	@Override
	public SectionView view(Figures f, Span span, Locale locale) {
		String page = "/letters/scoreboard?year=" + f.year();
		return new SectionView(key(), chapter(), this.texts.text("dashboard.scoreboard.title", locale),
				List.of(new SectionView.Headline(this.texts.text("dashboard.scoreboard.letters", locale),
						String.valueOf(f.letters()), page),
						new SectionView.Headline(this.texts.text("dashboard.scoreboard.vetoed", locale),
								String.valueOf(f.vetoed()), page)),
				List.of(table(this.texts.text("dashboard.scoreboard.top", locale), f.top(), locale),
						table(this.texts.text("dashboard.scoreboard.bottom", locale), f.bottom(), locale)));
	}

	private SectionView.Table table(String title, List<Standing> standings, Locale locale) {
		return new SectionView.Table(title, SectionView.Chart.BAR,
				List.of(this.texts.text("dashboard.scoreboard.total", locale),
						this.texts.text("dashboard.scoreboard.max", locale)),
				standings.stream()
					.map((s) -> new SectionView.Row(s.recipient(),
							List.of(s.total().doubleValue(), s.max().doubleValue()), s.link()))
					.toList());
	}

	/**
	 * @param top the best standings, best first
	 * @param bottom the worst standings, worst first (vetoed ones before all others)
	 */
	record Figures(int year, int letters, int vetoed, List<Standing> top, List<Standing> bottom) {
	}

}
