package org.anju.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.anju.letters.Scoreboard;
import org.anju.letters.Scoreboard.Standing;
import org.anju.shared.CommunityId;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The responsibility letters of the span's year: the units and posts that score best and
 * worst, the vetoed ones with the worst, each linked to its letter, whose assessment
 * drills down to the rows behind it.
 */
@Component
@Order(60)
class ScoreboardSection implements DashboardSection<ScoreboardSection.Figures> {

	/** How many standings each end of the board shows. */
	static final int ENDS = 3;

	private final Scoreboard scoreboard;

	private final ReportTexts texts;

	ScoreboardSection(Scoreboard scoreboard, ReportTexts texts) {
		this.scoreboard = scoreboard;
		this.texts = texts;
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
		List<Standing> standings = this.scoreboard.standings(community, year);
		int top = Math.min(ENDS, standings.size());
		int bottom = Math.min(ENDS, standings.size() - top);
		List<Standing> worst = new ArrayList<>(standings.subList(standings.size() - bottom, standings.size()));
		Collections.reverse(worst);
		return new Figures(year, standings.size(), (int) standings.stream().filter(Standing::vetoed).count(),
				standings.subList(0, top), worst);
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
