package org.anju.appeals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.platform.SqlFilter;
import org.anju.shared.BadParameter;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 受理量, 按期办结率, 满意率 and the reopen rate of the appeals a caller reaches, received within a
 * period of days in Asia/Shanghai. One statement groups the buckets and one counts the
 * totals, so that an appeal counted in two interest groups is counted once in the total.
 */
@Service
@Transactional(readOnly = true)
public class AppealStatistics {

	/** Statistics cover at most a year of receipt days. */
	public static final int MAX_YEARS = 1;

	private static final String FIGURES = """
			count(*) as received,
			count(*) filter (where a.state in ('RESOLVED', 'CLOSED')) as resolved,
			count(*) filter (where a.state in ('RESOLVED', 'CLOSED') and a.resolved_on_time) as resolved_on_time,
			count(*) filter (where a.satisfaction is not null) as rated,
			count(*) filter (where a.satisfaction in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED'))
			  as satisfied,
			count(*) filter (where a.reopen_count > 0) as reopened
			""";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	AppealStatistics(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/**
	 * @param from the first day of receipt
	 * @param to the last day of receipt, inclusive
	 * @return the buckets, the most appeals first, and the totals; never {@literal null}
	 * @throws BadParameter when {@code to} is before {@code from} or the period is longer
	 * than a year
	 */
	public AppealStats figures(CurrentUser user, LocalDate from, LocalDate to, AppealStats.By by) {
		if (!user.may(Permission.APPEALS_READ)) {
			throw new AccessDeniedException("needs APPEALS_READ");
		}
		if (to.isBefore(from)) {
			throw new BadParameter("to", "stats.period.order", from, to);
		}
		if (!to.isBefore(from.plusYears(MAX_YEARS))) {
			throw new BadParameter("to", "stats.period.tooLong", MAX_YEARS);
		}
		SqlFilter filter = new SqlFilter("a.community_id = :community").param("community", user.communityId());
		AppealReach.restrict(filter, user);
		filter.and("a.received_at >= :from and a.received_at < :until")
			.param("from", Timestamp.from(from.atStartOfDay(AppealRow.SHANGHAI).toInstant()))
			.param("until", Timestamp.from(to.plusDays(1).atStartOfDay(AppealRow.SHANGHAI).toInstant()));
		Locale locale = LocaleContextHolder.getLocale();
		boolean english = "en".equals(locale.getLanguage());
		String none = this.messages.getMessage("stats.none." + by.parameter(), null, AppealStats.NONE, locale);
		List<AppealStats.Line> lines = filter
			.bind(this.jdbc.sql(buckets(by, filter.where(), english))
				.param("none", AppealStats.NONE)
				.param("noneName", none))
			.query((rs, row) -> line(rs, rs.getString("key"), rs.getString("name")))
			.list();
		AppealStats.Line total = filter
			.bind(this.jdbc.sql("select " + FIGURES + " from appeal a where " + filter.where()))
			.query((rs, row) -> line(rs, null, null))
			.single();
		return new AppealStats(from, to, by, lines, total);
	}

	/**
	 * The statement of one dimension: each appeal's key (several for a person in several
	 * groups), the figures per key, and the key's name.
	 */
	private static String buckets(AppealStats.By by, String where, boolean english) {
		String key = switch (by) {
			case CATEGORY -> "a.category_code";
			case DEPARTMENT -> "a.department_code";
			case AREA -> "a.area_id::text";
			case GRID -> "a.grid_id::text";
			case GROUP -> "g.code";
		};
		String keys = (by == AppealStats.By.GROUP) ? " left join lateral unnest(a.person_groups) as g(code) on true"
				: "";
		String name = switch (by) {
			case CATEGORY -> "left join appeal_category n on n.community_id = :community and n.code = b.key";
			case DEPARTMENT -> "left join department n on n.community_id = :community and n.code = b.key";
			case GROUP -> "left join interest_group n on n.community_id = :community and n.code = b.key";
			case AREA, GRID -> "left join place n on n.community_id = :community and n.id::text = b.key";
		};
		String nameColumn = switch (by) {
			case AREA, GRID -> "n.name";
			default -> english ? "n.name_en" : "n.name_zh";
		};
		return """
				with b as (
				  select coalesce(%s, :none) as key, %s
				  from appeal a%s where %s
				  group by 1
				)
				select b.*, case when b.key = :none then :noneName else coalesce(%s, b.key) end as name
				from b %s
				order by b.received desc, b.key
				""".formatted(key, FIGURES, keys, where, nameColumn, name);
	}

	private static AppealStats.Line line(ResultSet rs, @Nullable String key, @Nullable String name)
			throws SQLException {
		return AppealStats.Line.of(key, name, rs.getLong("received"), rs.getLong("resolved"),
				rs.getLong("resolved_on_time"), rs.getLong("rated"), rs.getLong("satisfied"), rs.getLong("reopened"));
	}

}
