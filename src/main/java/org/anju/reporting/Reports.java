package org.anju.reporting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report (社区稳定与服务工作月报): generated for the previous month on the first working
 * day of each month (or the first run after it, should every node have been down), and on
 * demand for any span. Its figures are the dashboard's for the same span, computed by the
 * same sections. The PDF and xlsx are stored as the bytes handed out, so a report that
 * went up to the enterprise never changes; the figures are kept beside them.
 */
@Service
class Reports {

	/** Reports are written in Chinese: they go up to the enterprise. */
	static final Locale REPORT_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private static final Logger log = LoggerFactory.getLogger(Reports.class);

	private final Dashboard dashboard;

	private final ReportPdf pdf;

	private final ReportWorkbook workbook;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final ObjectMapper json;

	private final JdbcClient jdbc;

	private final Clock clock;

	Reports(Dashboard dashboard, ReportPdf pdf, ReportWorkbook workbook, WorkingCalendar calendar, AuditTrail audit,
			ObjectMapper json, JdbcClient jdbc, Clock clock) {
		this.dashboard = dashboard;
		this.pdf = pdf;
		this.workbook = workbook;
		this.calendar = calendar;
		this.audit = audit;
		this.json = json;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Generates a report for the span now.
	 */
	@Transactional
	public Report generate(CurrentUser user, Span span) {
		requireReader(user);
		Report report = store(user.community(), span, Kind.ON_DEMAND, user.actor());
		this.audit.record(user.community(), "REPORT_GENERATED", "REPORT", report.id(),
				Map.of("from", span.from().toString(), "to", span.to().toString()));
		return report;
	}

	@Transactional(readOnly = true)
	public List<Report> list(CurrentUser user, @Nullable Long before, int size) {
		requireReader(user);
		return this.jdbc.sql("""
				select id, kind, period_from, period_to, generated_at, generated_by from report
				where community_id = :c and (:before::bigint is null or id < :before)
				order by id desc limit :size
				""")
			.param("c", user.communityId())
			.param("before", before)
			.param("size", size)
			.query((rs, row) -> new Report(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
					rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
					rs.getTimestamp("generated_at").toInstant(), rs.getString("generated_by")))
			.list();
	}

	/**
	 * @param format {@code pdf}, {@code xlsx} or {@code figures} (the dashboard body as
	 * JSON)
	 * @return the stored bytes, empty when the community has no such report
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> content(CurrentUser user, long id, String format) {
		requireReader(user);
		String column = switch (format) {
			case "pdf" -> "pdf";
			case "xlsx" -> "xlsx";
			default -> "convert_to(figures::text, 'UTF8')";
		};
		return this.jdbc.sql("select " + column + " from report where community_id = :c and id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * Generates the previous month's report once {@code today} is on or after the month's
	 * first working day, unless it exists. Of several nodes the one that takes the
	 * month's lock generates it; the unique index on the month has the last word.
	 * @return the report, or empty when it was not due or already there
	 */
	@Transactional
	public Optional<Report> monthly(CommunityId community, LocalDate today) {
		if (today.isBefore(firstWorkingDay(today))) {
			return Optional.empty();
		}
		Span span = Span.monthBefore(today);
		boolean claimed = this.jdbc
			.sql("select pg_try_advisory_xact_lock(hashtextextended('report-monthly:' || :c || ':' || :month, 0))")
			.param("c", community.value())
			.param("month", span.from().toString())
			.query(Boolean.class)
			.single();
		boolean exists = this.jdbc
			.sql("""
					select exists (select 1 from report where community_id = :c and kind = 'MONTHLY' and period_from = :from)
					""")
			.param("c", community.value())
			.param("from", Date.valueOf(span.from()))
			.query(Boolean.class)
			.single();
		if (!claimed || exists) {
			return Optional.empty();
		}
		Report report = store(community, span, Kind.MONTHLY, "system");
		this.audit.record(community, "REPORT_GENERATED", "REPORT", report.id(),
				Map.of("from", span.from().toString(), "to", span.to().toString(), "kind", "MONTHLY"));
		log.info("Generated the monthly report {} of community {} for {}", report.id(), community.value(), span.from());
		return Optional.of(report);
	}

	private LocalDate firstWorkingDay(LocalDate day) {
		LocalDate first = day.withDayOfMonth(1);
		while (!this.calendar.isWorkingDay(first) && first.getMonth() == day.getMonth()) {
			first = first.plusDays(1);
		}
		return first;
	}

	private Report store(CommunityId community, Span span, Kind kind, String actor) {
		Instant now = this.clock.instant();
		Dashboard.Snapshot snapshot = this.dashboard.figures(community, span, REPORT_LOCALE);
		List<SectionView> views = snapshot.views(REPORT_LOCALE);
		byte[] pdf = this.pdf.render(span, views, now, REPORT_LOCALE);
		byte[] xlsx = this.workbook.render(span, views, REPORT_LOCALE);
		long id = this.jdbc.sql("""
				insert into report (community_id, kind, period_from, period_to, figures, pdf, xlsx, generated_at,
				                    generated_by)
				values (:c, :kind, :from, :to, :figures::jsonb, :pdf, :xlsx, :at, :by)
				returning id
				""")
			.param("c", community.value())
			.param("kind", kind.name())
			.param("from", Date.valueOf(span.from()))
			.param("to", Date.valueOf(span.to()))
			.param("figures", this.json.writeValueAsString(snapshot.body()))
			.param("pdf", pdf)
			.param("xlsx", xlsx)
			.param("at", Timestamp.from(now))
			.param("by", actor)
			.query(Long.class)
			.single();
		return new Report(id, kind, span.from(), span.to(), now, actor);
	}

	private static void requireReader(CurrentUser user) {
		if (!user.may(Permission.REPORTS_READ)) {
			throw new AccessDeniedException("needs REPORTS_READ");
		}
	}

	enum Kind {

		MONTHLY, ON_DEMAND

	}

	/**
	 * A generated report, without its content.
	 */
	record Report(long id, Kind kind, LocalDate from, LocalDate to, Instant generatedAt, String generatedBy) {
	}

}
