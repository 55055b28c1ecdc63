package org.anju.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.anju.care.VisitCoverage;
import org.anju.care.VisitLists;
import org.anju.identity.DataScope;
import org.anju.identity.Role;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Care-visit coverage (走访慰问): of the people on the visit lists due within the span, the
 * share visited.
 */
@Component
@Order(40)
class VisitSection implements DashboardSection<VisitSection.Figures> {

	private final VisitLists visits;

	private final ReportTexts texts;

	VisitSection(VisitLists visits, ReportTexts texts) {
		this.visits = visits;
		this.texts = texts;
	}

	@Override
	public String key() {
		return "visits";
	}

	@Override
	public Chapter chapter() {
		return Chapter.CARE;
	}

	@Override
	public Figures figures(CommunityId community, Span span, Locale locale) {
		VisitCoverage coverage = this.visits
			.coverage(new DataScope(community.value(), Role.LEADER, Set.of(), null, null), span.from(), span.to());
		return new Figures(AppealFigures.rate(coverage.visited(), coverage.entries()), coverage.lists(),
				coverage.entries(), coverage.visited());
	}

	@Override
	public SectionView view(Figures f, Span span, Locale locale) {
		// the lists due within the period, whose entries the figures count
		String page = "/care/visits?dueFrom=" + span.from() + "&dueTo=" + span.to();
		return new SectionView(key(), chapter(), this.texts.text("dashboard.visits.title", locale),
				List.of(new SectionView.Headline(this.texts.text("dashboard.visits.coverage", locale),
						SectionView.percent(f.coverage()), page),
						new SectionView.Headline(this.texts.text("dashboard.visits.visited", locale),
								f.visited() + " / " + f.entries(), page)),
				List.of());
	}

	/**
	 * @param coverage visited / entries, 0 to 1, {@literal null} when no list was due
	 */
	record Figures(@Nullable BigDecimal coverage, long lists, long entries, long visited) {
	}

}
