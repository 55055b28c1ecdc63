package org.anju.reporting;

import java.sql.Date;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.anju.appeals.AppealCallbacks;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.Satisfaction;
import org.anju.shared.CommunityId;
import org.anju.surveys.SatisfactionIndex;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service satisfaction index per service line (服务满意度指数, 0 to 100) over the span: the
 * appeals' callbacks of the line's categories with the survey ratings, weighted as
 * docs/SATISFACTION.md says. The callbacks come from the rollup
 * ({@code report_callback_day}, kept by {@link AppealRollup}), a few thousand rows for a
 * year instead of the year's callbacks in the appeal timeline.
 */
@Component
@Order(15)
class SatisfactionSection implements DashboardSection<List<SatisfactionSection.Line>> {

	private final SatisfactionIndex index;

	private final AppealCategories categories;

	private final JdbcClient jdbc;

	private final ReportTexts texts;

	SatisfactionSection(SatisfactionIndex index, AppealCategories categories, JdbcClient jdbc, ReportTexts texts) {
		this.index = index;
		this.categories = categories;
		this.jdbc = jdbc;
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
		return this.index.forCommunity(community, span.from(), span.to(), callbacks(community, span))
			.stream()
			.map((score) -> new Line(score.key(), score.name(),
					(score.index() != null) ? Math.round(score.index() * 10) / 10.0 : null, score.callbacks(),
					score.responses()))
			.toList();
	}

	/**
	 * @return the span's callbacks by category (with its parent now, as the live count
	 * has it) and answer
	 */
	private List<AppealCallbacks.Count> callbacks(CommunityId community, Span span) {
		Map<String, @Nullable String> parents = new HashMap<>();
		this.categories.tree(community).forEach((c) -> parents.put(c.code(), c.parentCode()));
		return this.jdbc.sql("""
				select category_code, satisfaction, sum(callbacks) as n from report_callback_day
				where community_id = :c and day between :from and :to
				group by category_code, satisfaction
				""")
			.param("c", community.value())
			.param("from", Date.valueOf(span.from()))
			.param("to", Date.valueOf(span.to()))
			.query((rs, row) -> new AppealCallbacks.Count(rs.getString("category_code"),
					parents.get(rs.getString("category_code")), Satisfaction.valueOf(rs.getString("satisfaction")),
					rs.getLong("n")))
			.list();
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
