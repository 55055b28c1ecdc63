package org.anju.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.CommunityId;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leader dashboard: every {@link DashboardSection}'s figures over a span, for the
 * whole community. Only those who may see the whole community's figures
 * ({@link Permission#REPORTS_READ}: leaders and admins) get it; a grid worker's picture
 * is their own grids' lists, not a partial dashboard.
 */
@Service
@Transactional(readOnly = true)
class Dashboard {

	private final List<DashboardSection<?>> sections;

	Dashboard(List<DashboardSection<?>> sections) {
		this.sections = List.copyOf(sections);
	}

	Snapshot figures(CurrentUser user, Span span, Locale locale) {
		if (!user.may(Permission.REPORTS_READ)) {
			throw new AccessDeniedException("needs REPORTS_READ");
		}
		return figures(user.community(), span, locale);
	}

	/**
	 * For the scheduled report, which runs for no one in particular.
	 */
	Snapshot figures(CommunityId community, Span span, Locale locale) {
		return new Snapshot(span,
				this.sections.stream().<Part<?>>map((s) -> Part.of(s, community, span, locale)).toList());
	}

	/**
	 * The figures of every section, as computed at one moment.
	 */
	record Snapshot(Span span, List<Part<?>> parts) {

		/**
		 * @return the dashboard body: each section's figures under its key
		 */
		Map<String, Object> body() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("from", this.span.from());
			body.put("to", this.span.to());
			this.parts.forEach((part) -> body.put(part.section().key(), part.figures()));
			return body;
		}

		List<SectionView> views(Locale locale) {
			return this.parts.stream().map((part) -> part.view(this.span, locale)).toList();
		}

	}

	/**
	 * A section with its figures.
	 */
	record Part<F>(DashboardSection<F> section, F figures) {

		static <F> Part<F> of(DashboardSection<F> section, CommunityId community, Span span, Locale locale) {
			return new Part<>(section, section.figures(community, span, locale));
		}

		SectionView view(Span span, Locale locale) {
			return this.section.view(this.figures, span, locale);
		}

	}

}
