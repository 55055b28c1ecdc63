package org.anju.reporting;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.anju.shared.CommunityId;
import org.anju.surveys.SatisfactionIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The service satisfaction index per service line (服务满意度指数, 0 to 100) over the span: the
 * appeals' callbacks of the line's categories with the survey ratings, weighted as
 * docs/SATISFACTION.md says.
 */
@Component
@Order(15)
class SatisfactionSection implements DashboardSection<List<SatisfactionSection.Line>> {

	private final SatisfactionIndex index;

	private final ReportTexts texts;

	SatisfactionSection(SatisfactionIndex index, ReportTexts texts) {
		this.index = index;
		this.texts = texts;
	}

	@Override
	public String key() {
		return "satisfactionIndex";
	}

	@Override
	public Chapter chapter() {
		return Chapter.SERVICE;
	}

	@Override
	public List<Line> figures(CommunityId community, Span span, Locale locale) {
		return this.index.forCommunity(community, span.from(), span.to())
			.stream()
			.map((score) -> new Line(score.key(), score.name(),
					(score.index() != null) ? Math.round(score.index() * 10) / 10.0 : null, score.callbacks(),
					score.responses()))
			.toList();
	}

	@Override
	public SectionView view(List<Line> lines, Span span, Locale locale) {
		String page = "/surveys/index";
		return new SectionView(
				key(), chapter(), this.texts.text("dashboard.satisfaction.title", locale), List.of(), List.of(
						new SectionView.Table(this.texts.text("dashboard.satisfaction.byLine", locale),
								SectionView.Chart.BAR,
								List.of(this.texts.text("dashboard.satisfaction.index", locale),
										this.texts.text("dashboard.satisfaction.callbacks", locale),
										this.texts.text("dashboard.satisfaction.responses", locale)),
								lines.stream()
									.map((line) -> new SectionView.Row(line.name(),
											Arrays.<@Nullable Number>asList(line.index(), line.callbacks(),
													line.responses()),
											page))
									.toList())));
	}

	/**
	 * @param index 0 to 100, {@literal null} when neither a callback nor an answer
	 * counted
	 */
	record Line(String serviceLine, String name, @Nullable Double index, int callbacks, int responses) {
	}

}
