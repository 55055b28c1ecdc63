package org.anju.reporting;

import java.util.Locale;

import org.anju.shared.CommunityId;

/**
 * One section of the leader dashboard and of the monthly report, such as the appeals or
 * the conflict cases. Adding a section is adding one bean of this type: its figures
 * appear under {@link #key()} in {@code GET /api/v1/dashboard}, its view on the console
 * page and in the chapter {@link #chapter()} of the PDF and the xlsx. Sections come in
 * their {@link org.springframework.core.annotation.Order}.
 *
 * @param <F> the figures, serialised as the section's part of the dashboard body
 */
interface DashboardSection<F> {

	/**
	 * @return the section's name in the dashboard body, such as {@code appeals}
	 */
	String key();

	Chapter chapter();

	/**
	 * @return the figures of the whole community over the span; read from rollups or from
	 * another module's aggregate query, never by scanning the appeals; names in the
	 * locale's language
	 */
	F figures(CommunityId community, Span span, Locale locale);

	/**
	 * @return the figures as headlines and tables, in the locale's language, each figure
	 * with the console link to the list behind it
	 */
	SectionView view(F figures, Span span, Locale locale);

}
