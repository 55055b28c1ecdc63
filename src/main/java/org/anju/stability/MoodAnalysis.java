package org.anju.stability;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.people.InterestGroups;
import org.anju.platform.SqlFilter;
import org.anju.shared.BadParameter;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes an interest group's monthly analysis. A note counts for the group when it is
 * about the group or about one of its members. Appeals are counted from the appeals table
 * by the groups copied onto each appeal at intake, so a later change of a person's groups
 * does not rewrite the past; this is a read for a report, as statistics are.
 */
@Service
@Transactional(readOnly = true)
public class MoodAnalysis {

	/** The longest period one analysis covers, in months. */
	public static final int MAX_MONTHS = 24;

	private static final int TOP = 10;

	private final JdbcClient jdbc;

	private final InterestGroups groups;

	private final ConflictManagement conflicts;

	private final Clock clock;

	MoodAnalysis(JdbcClient jdbc, InterestGroups groups, ConflictManagement conflicts, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.conflicts = conflicts;
		this.clock = clock;
	}

	/**
	 * @param from the first month, {@code YYYY-MM}; by default five months before
	 * {@code to}
	 * @param to the last month, {@code YYYY-MM}; by default this month
	 * @throws BadParameter for an unknown group, a month that is not {@code YYYY-MM}, or
	 * a period that runs backwards or spans more than {@value #MAX_MONTHS} months
	 */
	public GroupAnalysis analyse(CurrentUser user, @Nullable String groupCode, @Nullable String from,
			@Nullable String to) {
		ConflictManagement.requireRead(user);
		if (groupCode == null || !this.groups.byCode(user.community()).containsKey(groupCode)) {
			throw new BadParameter("groupCode", "conflict.group.unknown", String.valueOf(groupCode));
		}
		YearMonth last = month(to, "to", YearMonth.from(LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE))));
		YearMonth first = month(from, "from", last.minusMonths(5));
		if (first.isAfter(last) || first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
			throw new BadParameter("from", "analysis.period", MAX_MONTHS);
		}
		LocalDate start = first.atDay(1);
		LocalDate end = last.atEndOfMonth();
		Map<String, long[]> months = new LinkedHashMap<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			// notes by mood, then appeals, then cases
			months.put(month.toString(), new long[Mood.values().length + 2]);
		}
		SqlFilter notes = notes(user, groupCode, start, end);
		notes.bind(this.jdbc.sql("select to_char(n.noted_on, 'YYYY-MM') as month, n.mood, count(*) as count "
				+ "from mood_note n where " + notes.where() + " group by 1, 2"))
			.query((rs) -> {
				months.get(rs.getString("month"))[Mood.valueOf(rs.getString("mood")).ordinal()] += rs.getLong("count");
			});
		SqlFilter appeals = appeals(user, groupCode, start, end);
		appeals.bind(this.jdbc.sql("""
				select to_char(a.received_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*) as count
				from appeal a where %s group by 1""".formatted(appeals.where()))).query((rs) -> {
			months.get(rs.getString("month"))[Mood.values().length] += rs.getLong("count");
		});
		SqlFilter cases = cases(user, groupCode);
		cases.and("k.registered_at >= :start and k.registered_at < :end")
			.param("start", Timestamp.from(start.atStartOfDay(WorkingCalendar.ZONE).toInstant()))
			.param("end", Timestamp.from(end.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant()));
		cases.bind(this.jdbc.sql("""
				select to_char(k.registered_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*) as count
				from conflict_case k where %s group by 1""".formatted(cases.where()))).query((rs) -> {
			months.get(rs.getString("month"))[Mood.values().length + 1] += rs.getLong("count");
		});
		List<GroupAnalysis.Month> lines = new ArrayList<>();
		months.forEach((month, counts) -> {
			Map<Mood, Long> moods = new EnumMap<>(Mood.class);
			long total = 0;
			for (Mood mood : Mood.values()) {
				moods.put(mood, counts[mood.ordinal()]);
				total += counts[mood.ordinal()];
			}
			lines.add(new GroupAnalysis.Month(month, total, moods, counts[Mood.values().length],
					counts[Mood.values().length + 1]));
		});
		SqlFilter open = cases(user, groupCode);
		open.and("k.state in ('REGISTERED', 'RESOLVING', 'STABILISED')");
		List<Long> openIds = open
			.bind(this.jdbc
				.sql("select k.id from conflict_case k where " + open.where() + " order by k.due_date, k.id limit 50"))
			.query(Long.class)
			.list();
		return new GroupAnalysis(groupCode, first.toString(), last.toString(), lines,
				counts(notes, "t.key", "mood_note n cross join lateral unnest(n.topics) as t(key)"),
				counts(notes, "t.key", "mood_note n cross join lateral unnest(n.tags) as t(key)"),
				counts(appeals, "a.category_code", "appeal a"),
				openIds.stream().map((id) -> this.conflicts.get(user, id)).toList());
	}

	private List<GroupAnalysis.Count> counts(SqlFilter filter, String key, String table) {
		return filter
			.bind(this.jdbc
				.sql("select %s as key, count(*) as count from %s where %s group by 1 order by 2 desc, 1 limit %d"
					.formatted(key, table, filter.where(), TOP)))
			.query((rs, n) -> new GroupAnalysis.Count(rs.getString("key"), rs.getLong("count")))
			.list();
	}

	private static SqlFilter notes(CurrentUser user, String group, LocalDate start, LocalDate end) {
		SqlFilter filter = new SqlFilter("n.community_id = :c").param("c", user.communityId());
		filter.and("n.noted_on between :start and :end").param("start", start).param("end", end);
		filter.and("""
				(n.group_code = :group
				 or exists (select 1 from person_group pg
				            where pg.community_id = n.community_id and pg.person_id = n.person_id
				              and pg.group_code = :group))""").param("group", group);
		Long[] grids = user.scope().gridFilter();
		filter.andIf(grids, "n.grid_id = any(:grids)", "grids");
		return filter;
	}

	private static SqlFilter appeals(CurrentUser user, String group, LocalDate start, LocalDate end) {
		SqlFilter filter = new SqlFilter("a.community_id = :c").param("c", user.communityId());
		filter.and("a.person_groups @> array[cast(:group as text)]").param("group", group);
		filter.and("a.received_at >= :start and a.received_at < :end")
			.param("start", Timestamp.from(start.atStartOfDay(WorkingCalendar.ZONE).toInstant()))
			.param("end", Timestamp.from(end.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant()));
		Long[] grids = user.scope().gridFilter();
		filter.andIf(grids, "a.grid_id = any(:grids)", "grids");
		return filter;
	}

	private static SqlFilter cases(CurrentUser user, String group) {
		SqlFilter filter = new SqlFilter("k.community_id = :c").param("c", user.communityId());
		filter.and("""
				(k.party_group_codes @> array[cast(:group as text)]
				 or exists (select 1 from unnest(k.party_person_ids) p
				            join person_group pg on pg.community_id = k.community_id and pg.person_id = p
				            where pg.group_code = :group))""").param("group", group);
		Long[] grids = user.scope().gridFilter();
		filter.andIf(grids, "k.grid_id = any(:grids)", "grids");
		return filter;
	}

	private static YearMonth month(@Nullable String text, String parameter, YearMonth fallback) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadParameter(parameter, "analysis.month", text);
		}
	}

}
