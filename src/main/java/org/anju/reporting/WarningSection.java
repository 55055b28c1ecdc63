package org.anju.reporting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.shared.CommunityId;
import org.anju.stability.StabilityFacts;
import org.anju.stability.WarningLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Open warnings by level: the warnings raised and not yet closed, as they stand now. A
 * warning is a state to act on, not an event of the period, so the span does not narrow
 * it; the report of a past month shows the count on the day it was made.
 */
@Component
@Order(25)
class WarningSection implements DashboardSection<Map<WarningLevel, Long>> {

	private final StabilityFacts facts;

	private final ReportTexts texts;

	WarningSection(StabilityFacts facts, ReportTexts texts) {
		this.facts = facts;
		this.texts = texts;
	}

	@Override
	public String key() {
		return "warnings";
	}

	@Override
	public Chapter chapter() {
		return Chapter.STABILITY;
	}

	@Override
	public Map<WarningLevel, Long> figures(CommunityId community, Span span, Locale locale) {
		return this.facts.openWarnings(community);
	}

	@Override
	public SectionView view(Map<WarningLevel, Long> open, Span span, Locale locale) {
		List<SectionView.Headline> headlines = Arrays.stream(WarningLevel.values())
			.map((level) -> new SectionView.Headline(this.texts.text("dashboard.warnings." + level.name(), locale),
					String.valueOf(open.get(level)), "/warnings?level=" + level.name()))
			.toList();
		List<SectionView.Row> rows = Arrays.stream(WarningLevel.values())
			.map((level) -> new SectionView.Row(this.texts.text("dashboard.warnings." + level.name(), locale),
					Arrays.<@Nullable Number>asList(open.get(level)), "/warnings?level=" + level.name()))
			.toList();
		return new SectionView(key(), chapter(), this.texts.text("dashboard.warnings.title", locale), headlines,
				List.of(new SectionView.Table(this.texts.text("dashboard.warnings.byLevel", locale),
						SectionView.Chart.BAR, List.of(this.texts.text("dashboard.warnings.open", locale)), rows)));
	}

}
