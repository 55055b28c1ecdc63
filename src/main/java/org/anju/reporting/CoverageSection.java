package org.anju.reporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.anju.duty.CoverageFacts;
import org.anju.shared.CommunityId;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The coverage of the responsibility matrix (横向到边，纵向到底) as the last check left it: the
 * share of subjects and posts with a responsible person, and the gaps still open.
 */
@Component
@Order(50)
class CoverageSection implements DashboardSection<CoverageFacts.Figures> {

	private final CoverageFacts coverage;

	private final ReportTexts texts;

	CoverageSection(CoverageFacts coverage, ReportTexts texts) {
		this.coverage = coverage;
		this.texts = texts;
	}

	@Override
	public String key() {
		return "coverage";
	}

	@Override
	public Chapter chapter() {
		return Chapter.RESPONSIBILITY;
	}

	@Override
	public CoverageFacts.Figures figures(CommunityId community, Span span, Locale locale) {
		return this.coverage.of(community);
	}

	@Override
	public SectionView view(CoverageFacts.Figures f, Span span, Locale locale) {
		String page = "/duty/coverage";
		return new SectionView(key(), chapter(), this.texts.text("dashboard.coverage.title", locale),
				List.of(new SectionView.Headline(this.texts.text("dashboard.coverage.percent", locale),
						SectionView.percent(BigDecimal.valueOf(f.percent()).movePointLeft(2)), page),
						new SectionView.Headline(this.texts.text("dashboard.coverage.gaps", locale),
								String.valueOf(f.gaps()), page)),
				List.of());
	}

}
