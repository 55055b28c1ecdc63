package org.anju.appeals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashSet;
import java.util.Map;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warning signs in the appeals, counted per risk subject for the early-warning
 * engine, set-based: one statement answers every person, interest group, grid, area and
 * the community at once. A subject is named by a key {@code TYPE:id}, such as
 * {@code PERSON:42}, {@code GROUP:XIEJIE_RETIRED} or {@code COMMUNITY:1}. Each count
 * carries up to {@value #EVIDENCE} of the appeals behind it, so that a score can say why.
 * An appeal counts for the person who filed it, each of its appellant's interest groups,
 * its grid, its area and the community.
 */
@Service
@Transactional(readOnly = true)
public class AppealSignals {

	/**
	 * The most appeal ids a count carries as its evidence. The queries slice arrays as
	 * {@code [1: 20]}: without the space JdbcClient would read {@code :20} as a
	 * parameter.
	 */
	public static final int EVIDENCE = 20;

	private static final String OPEN = "a.state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS')";

	/**
	 * Open as of {@code :now}: received by then and neither resolved nor closed by then.
	 * An appeal resolved and later reopened counts as open in between: a row keeps only
	 * its latest resolution.
	 */
	private static final String OPEN_AS_OF = "(a.received_at <= :now and (a.resolved_at is null or a.resolved_at > :now)"
			+ " and (a.closed_at is null or a.closed_at > :now))";

	/**
	 * A step of the appeal's timeline taken by {@code :now}; {@code t} is the step.
	 */
	private static final String STEP_BY_NOW = "exists (select 1 from appeal_timeline t where t.community_id = a.community_id"
			+ " and t.appeal_id = a.id and t.at <= :now and ";

	/**
	 * Every subject key an appeal row counts for; {@code a} is the appeal.
	 */
	private static final String SUBJECTS = """
			cross join lateral (
			    select 'PERSON:' || a.person_id where a.person_id is not null
			    union all select 'GROUP:' || g from unnest(a.person_groups) g
			    union all select 'GRID:' || a.grid_id where a.grid_id is not null
			    union all select 'AREA:' || a.area_id where a.area_id is not null
			    union all select 'COMMUNITY:' || a.community_id) s(subject)
			""";

	/**
	 * For a run over a few subjects, the rows that can count for them, by the indexed
	 * columns; a run that asks about the community reads every row anyway.
	 */
	private static final String NARROW = """
			  and (cast(:all as boolean) or cast(:community as boolean) or a.person_id = any(cast(:persons as bigint[]))
			       or a.grid_id = any(cast(:grids as bigint[])) or a.area_id = any(cast(:areas as bigint[]))
			       or a.person_groups && cast(:groups as text[]))
			""";

	private final JdbcClient jdbc;

	AppealSignals(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What an appeal counts as.
	 */
	public enum Measure {

		/** Received, assigned or in progress. */
		OPEN(AppealSignals.OPEN, OPEN_AS_OF),
		/** Open, past its warning point, not yet due. */
		NEARLY_DUE(AppealSignals.OPEN + " and a.warn_at <= :now and a.due_at > :now",
				OPEN_AS_OF + " and a.warn_at <= :now and a.due_at > :now"),
		/** Open and past its deadline. */
		OVERDUE(AppealSignals.OPEN + " and a.due_at <= :now", OPEN_AS_OF + " and a.due_at <= :now"),
		/** Flagged 重复访. */
		REPEAT("'REPEAT' = any(a.flags)"),
		/** Flagged 集体访 (five or more people). */
		COLLECTIVE("'COLLECTIVE' = any(a.flags)"),
		/** 越级访: it skipped levels to a higher authority. */
		ESCALATED("(a.escalated or 'ESCALATED' = any(a.flags))"),
		/** 联名: signed jointly. */
		JOINT("'JOINT' = any(a.flags)"),
		/** Reopened at least once. */
		REOPENED("a.reopen_count > 0",
				"a.reopen_count > 0 and " + STEP_BY_NOW
						+ "t.action in ('reopen', 'callback') and t.detail->>'reopenCount' is not null)"),
		/** The resident said 不满意 at the callback. */
		DISSATISFIED("a.satisfaction = 'DISSATISFIED'", "a.satisfaction = 'DISSATISFIED' and (a.closed_at <= :now or "
				+ STEP_BY_NOW + "t.action = 'callback' and t.detail->>'satisfaction' = 'DISSATISFIED'))");

		private final String condition;

		/**
		 * The condition as of a past {@code :now}: what the row says happened later is
		 * not known yet. Flags are set at intake, so they hold as they are.
		 */
		private final String asOf;

		Measure(String condition) {
			this(condition, condition);
		}

		Measure(String condition, String asOf) {
			this.condition = condition;
			this.asOf = asOf;
		}

	}

	/**
	 * One measure's count for a subject, with some of the appeals behind it.
	 */
	public record Count(int value, List<Long> appealIds) {

		public static final Count NONE = new Count(0, List.of());

	}

	/**
	 * A subject's counts.
	 */
	public record Tally(String subject, Map<Measure, Count> counts) {

		/**
		 * @return the measure's count, {@link Count#NONE} when nothing counts
		 */
		public Count of(Measure measure) {
			return this.counts.getOrDefault(measure, Count.NONE);
		}

	}

	/**
	 * A subject's appeals this week against its 8 weeks before.
	 *
	 * @param weekIds up to {@value #EVIDENCE} of this week's appeals
	 */
	public record Rise(String subject, int week, int baseline, List<Long> weekIds) {
	}

	/**
	 * A collective or level-skipping appeal, with whom it concerns.
	 *
	 * @param kind {@link Measure#COLLECTIVE}, or {@link Measure#ESCALATED} for one that
	 * only skipped levels
	 * @param groupCodes the appellant's interest groups
	 */
	public record Incident(long appealId, String number, Measure kind, Instant receivedAt, @Nullable Long personId,
			List<String> groupCodes, @Nullable Long gridId) {
	}

	/**
	 * Several people of one interest group who raised one category lately.
	 */
	public record Gathering(String groupCode, String categoryCode, int people, List<Long> appealIds) {
	}

	/**
	 * The measures of every subject that has any, over the open appeals and those
	 * received within {@code window} before {@code now}.
	 * @param subjects the subject keys to answer, or {@literal null} for every subject
	 * @return never {@literal null}; subjects with no appeal in reach are left out
	 */
	public List<Tally> tallies(CommunityId community, Instant now, Duration window,
			@Nullable Collection<String> subjects) {
		return tallies(community, now, window, subjects, false);
	}

	/**
	 * The measures as they stood at a past moment, for a backtest: only the appeals
	 * received by then, open as of then, with the callbacks and reopenings taken by then.
	 * It reads more rows than {@link #tallies}, which the open-state index serves.
	 * @param subjects the subject keys to answer, or {@literal null} for every subject
	 * @return never {@literal null}; subjects with no appeal in reach are left out
	 */
	public List<Tally> talliesAsOf(CommunityId community, Instant at, Duration window,
			@Nullable Collection<String> subjects) {
		return tallies(community, at, window, subjects, true);
	}

	private List<Tally> tallies(CommunityId community, Instant now, Duration window,
			@Nullable Collection<String> subjects, boolean asOf) {
		StringBuilder columns = new StringBuilder();
		for (Measure measure : Measure.values()) {
			String condition = asOf ? measure.asOf : measure.condition;
			columns.append(", count(*) filter (where ")
				.append(condition)
				.append(") as ")
				.append(measure.name())
				.append(", (array_agg(a.id) filter (where ")
				.append(condition)
				.append("))[1: ")
				.append(EVIDENCE)
				.append("] as ")
				.append(measure.name())
				.append("_ids");
		}
		String inReach = asOf ? "a.received_at <= :now and (" + OPEN_AS_OF + " or a.received_at >= :since)"
				: "(a.state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') or a.received_at >= :since)";
		String sql = "select s.subject" + columns + " from appeal a " + SUBJECTS + " where a.community_id = :c and "
				+ inReach + """

						  and (cast(:all as boolean) or s.subject = any(cast(:subjects as text[])))
						""" + NARROW + """
						group by s.subject
						""";
		return narrow(this.jdbc.sql(sql), subjects).param("c", community.value())
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(window)))
			.query(AppealSignals::tally)
			.list();
	}

	/**
	 * Collective (集体访) and level-skipping (越级访) appeals received in a period: the
	 * incidents a backtest asks whether the warnings foresaw.
	 * @return never {@literal null}, oldest first
	 */
	public List<Incident> incidents(CommunityId community, Instant from, Instant to) {
		return this.jdbc.sql("""
				select id, number, received_at, person_id, person_groups, grid_id,
				       'COLLECTIVE' = any(flags) as collective
				from appeal
				where community_id = :c and received_at >= :from and received_at < :to
				  and ('COLLECTIVE' = any(flags) or escalated or 'ESCALATED' = any(flags))
				order by received_at, id
				""")
			.param("c", community.value())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, row) -> new Incident(rs.getLong("id"), rs.getString("number"),
					rs.getBoolean("collective") ? Measure.COLLECTIVE : Measure.ESCALATED,
					rs.getTimestamp("received_at").toInstant(), rs.getObject("person_id", Long.class),
					List.of((String[]) rs.getArray("person_groups").getArray()), rs.getObject("grid_id", Long.class)))
			.list();
	}

	/**
	 * Appeals of each interest group and grid received in the 7 days before {@code now},
	 * against the 56 days before those.
	 * @param subjects the {@code GROUP:} and {@code GRID:} keys to answer, or
	 * {@literal null} for all
	 */
	public List<Rise> rises(CommunityId community, Instant now, @Nullable Collection<String> subjects) {
		Instant weekStart = now.minus(Duration.ofDays(7));
		return narrow(this.jdbc.sql(("""
				select s.subject, count(*) filter (where a.received_at >= :week) as week,
				       count(*) filter (where a.received_at < :week) as baseline,
				       (array_agg(a.id) filter (where a.received_at >= :week))[1: %d] as ids
				from appeal a
				cross join lateral (
				    select 'GROUP:' || g from unnest(a.person_groups) g
				    union all select 'GRID:' || a.grid_id where a.grid_id is not null) s(subject)
				where a.community_id = :c and a.received_at >= :since and a.received_at < :now
				  and (cast(:all as boolean) or s.subject = any(cast(:subjects as text[])))
				""" + NARROW + """
				group by s.subject
				having count(*) filter (where a.received_at >= :week) > 0
				""").formatted(EVIDENCE)), subjects).param("c", community.value())
			.param("now", Timestamp.from(now))
			.param("week", Timestamp.from(weekStart))
			.param("since", Timestamp.from(weekStart.minus(Duration.ofDays(56))))
			.query((rs, row) -> new Rise(rs.getString("subject"), rs.getInt("week"), rs.getInt("baseline"),
					ids(rs, "ids")))
			.list();
	}

	/**
	 * Interest groups of which at least {@code minPeople} distinct registered people
	 * raised one category within {@code window} before {@code now} (群体性苗头).
	 * @param groupCodes the groups to look at, or {@literal null} for all
	 */
	public List<Gathering> gatherings(CommunityId community, Instant now, Duration window, int minPeople,
			@Nullable Collection<String> groupCodes) {
		return this.jdbc
			.sql("""
					select g as group_code, a.category_code, count(distinct a.person_id) as people,
					       (array_agg(a.id order by a.received_at desc))[1: %d] as ids
					from appeal a cross join lateral unnest(a.person_groups) g
					where a.community_id = :c and a.received_at >= :since and a.received_at <= :now
					  and a.person_id is not null
					  and (cast(:all as boolean) or (a.person_groups && cast(:groups as text[]) and g = any(cast(:groups as text[]))))
					group by g, a.category_code
					having count(distinct a.person_id) >= :min
					order by g, a.category_code
					"""
				.formatted(EVIDENCE))
			.param("c", community.value())
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(window)))
			.param("min", minPeople)
			.param("all", groupCodes == null)
			.param("groups", (groupCodes != null) ? groupCodes.toArray(String[]::new) : new String[0])
			.query((rs, row) -> new Gathering(rs.getString("group_code"), rs.getString("category_code"),
					rs.getInt("people"), ids(rs, "ids")))
			.list();
	}

	/**
	 * @return the subject keys these appeals count for, each once; none for unknown
	 * appeals
	 */
	public Set<String> subjectsOf(CommunityId community, Collection<Long> appealIds) {
		return new LinkedHashSet<>(this.jdbc
			.sql("select distinct s.subject from appeal a " + SUBJECTS
					+ " where a.community_id = :c and a.id = any(:ids)")
			.param("c", community.value())
			.param("ids", appealIds.toArray(Long[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Binds {@code :all} and {@code :subjects}, and the parameters of {@link #NARROW}.
	 */
	private static JdbcClient.StatementSpec narrow(JdbcClient.StatementSpec statement,
			@Nullable Collection<String> subjects) {
		List<Long> persons = new ArrayList<>();
		List<Long> grids = new ArrayList<>();
		List<Long> areas = new ArrayList<>();
		List<String> groups = new ArrayList<>();
		boolean community = false;
		for (String subject : (subjects != null) ? subjects : List.<String>of()) {
			String id = subject.substring(subject.indexOf(':') + 1);
			switch (subject.substring(0, subject.indexOf(':'))) {
				case "PERSON" -> persons.add(Long.valueOf(id));
				case "GRID" -> grids.add(Long.valueOf(id));
				case "AREA" -> areas.add(Long.valueOf(id));
				case "GROUP" -> groups.add(id);
				default -> community = true;
			}
		}
		return statement.param("all", subjects == null)
			.param("subjects", (subjects != null) ? subjects.toArray(String[]::new) : new String[0])
			.param("community", community)
			.param("persons", persons.toArray(Long[]::new))
			.param("grids", grids.toArray(Long[]::new))
			.param("areas", areas.toArray(Long[]::new))
			.param("groups", groups.toArray(String[]::new));
	}

	private static Tally tally(ResultSet rs, int row) throws SQLException {
		Map<Measure, Count> counts = new EnumMap<>(Measure.class);
		for (Measure measure : Measure.values()) {
			int value = rs.getInt(measure.name());
			if (value > 0) {
				counts.put(measure, new Count(value, ids(rs, measure.name() + "_ids")));
			}
		}
		return new Tally(rs.getString("subject"), counts);
	}

	private static List<Long> ids(ResultSet rs, String column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		if (array == null) {
			return List.of();
		}
		List<Long> ids = new ArrayList<>(Arrays.asList((Long[]) array.getArray()));
		ids.sort(null);
		return List.copyOf(ids);
	}

}
