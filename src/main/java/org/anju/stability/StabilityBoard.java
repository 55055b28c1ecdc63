package org.anju.stability;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.platform.SqlFilter;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the stability board, within the caller's grids: open warnings by level,
 * the risk of each grid by area, conflict cases by risk level and state, and how the mood
 * of each interest group moved month by month.
 */
@Component
@Transactional(readOnly = true)
class StabilityBoard {

	/** How many months the group trends go back, this one included. */
	static final int TREND_MONTHS = 6;

	private final JdbcClient jdbc;

	private final InterestGroups groups;

	private final PlaceManagement places;

	private final Clock clock;

	StabilityBoard(JdbcClient jdbc, InterestGroups groups, PlaceManagement places, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.places = places;
		this.clock = clock;
	}

	/**
	 * @return every level with the number of warnings not yet closed that the caller
	 * reaches, zeros included, lowest level first
	 */
	Map<WarningLevel, Long> openWarnings(CurrentUser user) {
		ConflictManagement.requireRead(user);
		Map<WarningLevel, Long> counts = new EnumMap<>(WarningLevel.class);
		for (WarningLevel level : WarningLevel.values()) {
			counts.put(level, 0L);
		}
		SqlFilter filter = new SqlFilter("w.community_id = :c and w.state <> 'CLOSED'").param("c", user.communityId());
		filter.andIf(user.scope().gridFilter(), "w.grid_id = any(:grids)", "grids");
		filter
			.bind(this.jdbc
				.sql("select w.level, count(*) as count from warning w where " + filter.where() + " group by 1"))
			.query((rs) -> {
				counts.put(WarningLevel.valueOf(rs.getString("level")), rs.getLong("count"));
			});
		return counts;
	}

	/**
	 * The risk of every grid the caller reaches, by area: the map-like view of where
	 * trouble sits. A grid worker sees their own grids and no area's score.
	 * @return areas by name, each with its grids by name
	 */
	List<AreaRisk> heat(CurrentUser user) {
		ConflictManagement.requireRead(user);
		List<Place> grids = this.places.list(user.scope(), PlaceKind.GRID, null);
		Map<String, RiskCell> scores = new java.util.HashMap<>();
		this.jdbc.sql("""
				select subject_type || ':' || subject_id as subject, score, level from risk_score
				where community_id = :c and subject_type in ('GRID', 'AREA')
				""").param("c", user.communityId()).query((rs) -> {
			String level = rs.getString("level");
			scores.put(rs.getString("subject"), new RiskCell(0, "", rs.getBigDecimal("score"),
					(level != null) ? WarningLevel.valueOf(level) : null, 0));
		});
		Map<Long, Long> open = new java.util.HashMap<>();
		this.jdbc.sql("""
				select grid_id, count(*) from warning
				where community_id = :c and state <> 'CLOSED' and grid_id = any(cast(:grids as bigint[]))
				group by grid_id
				""")
			.param("c", user.communityId())
			.param("grids", grids.stream().map(Place::id).toArray(Long[]::new))
			.query((rs) -> {
				open.put(rs.getLong(1), rs.getLong(2));
			});
		Map<Long, List<RiskCell>> byArea = new java.util.TreeMap<>();
		for (Place grid : grids) {
			RiskCell scored = scores.get("GRID:" + grid.id());
			byArea.computeIfAbsent((grid.areaId() != null) ? grid.areaId() : 0L, (area) -> new ArrayList<>())
				.add(new RiskCell(grid.id(), grid.name(),
						(scored != null) ? scored.score() : java.math.BigDecimal.ZERO.setScale(2),
						(scored != null) ? scored.level() : null, open.getOrDefault(grid.id(), 0L)));
		}
		List<AreaRisk> areas = new ArrayList<>();
		byArea.forEach((areaId, cells) -> {
			cells.sort(java.util.Comparator.comparing((RiskCell cell) -> cell.name().length())
				.thenComparing(RiskCell::name));
			String name = this.places.find(user.community(), areaId).map(Place::name).orElse("");
			RiskCell area = user.scope().wholeCommunity() ? scores.get("AREA:" + areaId) : null;
			areas.add(new AreaRisk(areaId, name, (area != null) ? area.level() : null, cells));
		});
		areas.sort(java.util.Comparator.comparing(AreaRisk::name));
		return areas;
	}

	/**
	 * @return every level with a count for every state, zeros included, in the enums'
	 * order
	 */
	Map<RiskLevel, Map<ConflictState, Long>> cases(CurrentUser user) {
		ConflictManagement.requireRead(user);
		Map<RiskLevel, Map<ConflictState, Long>> counts = new EnumMap<>(RiskLevel.class);
		for (RiskLevel level : RiskLevel.values()) {
			Map<ConflictState, Long> states = new EnumMap<>(ConflictState.class);
			for (ConflictState state : ConflictState.values()) {
				states.put(state, 0L);
			}
			counts.put(level, states);
		}
		SqlFilter filter = new SqlFilter("k.community_id = :c").param("c", user.communityId());
		filter.andIf(user.scope().gridFilter(), "k.grid_id = any(:grids)", "grids");
		filter.bind(this.jdbc.sql("select k.level, k.state, count(*) as count from conflict_case k where "
				+ filter.where() + " group by 1, 2"))
			.query((rs) -> {
				counts.get(RiskLevel.valueOf(rs.getString("level")))
					.put(ConflictState.valueOf(rs.getString("state")), rs.getLong("count"));
			});
		return counts;
	}

	/**
	 * The mood notes about each active interest group, or about its members, month by
	 * month over the last {@value #TREND_MONTHS} months: what the monthly
	 * thinking-dynamics meeting looks at first. Groups without a note in the period are
	 * left out.
	 */
	List<GroupTrend> groupTrends(CurrentUser user, Locale locale) {
		ConflictManagement.requireRead(user);
		YearMonth last = YearMonth.from(LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE)));
		YearMonth first = last.minusMonths(TREND_MONTHS - 1);
		List<String> months = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			months.add(month.toString());
		}
		SqlFilter filter = new SqlFilter("n.community_id = :c").param("c", user.communityId());
		filter.and("n.noted_on between :start and :end")
			.param("start", first.atDay(1))
			.param("end", last.atEndOfMonth());
		filter.andIf(user.scope().gridFilter(), "n.grid_id = any(:grids)", "grids");
		Map<String, Map<String, long[]>> byGroup = new LinkedHashMap<>();
		filter.bind(this.jdbc.sql("""
				select g.code as group_code, to_char(n.noted_on, 'YYYY-MM') as month, n.mood, count(*) as count
				from mood_note n
				cross join lateral (
				  select n.group_code as code where n.group_code is not null
				  union
				  select pg.group_code from person_group pg
				  where pg.community_id = n.community_id and pg.person_id = n.person_id
				) g
				where %s
				group by 1, 2, 3""".formatted(filter.where()))).query((rs) -> {
			long[] moods = byGroup.computeIfAbsent(rs.getString("group_code"), (code) -> new LinkedHashMap<>())
				.computeIfAbsent(rs.getString("month"), (month) -> new long[Mood.values().length]);
			moods[Mood.valueOf(rs.getString("mood")).ordinal()] += rs.getLong("count");
		});
		List<GroupTrend> trends = new ArrayList<>();
		for (InterestGroup group : this.groups.all(user.community())) {
			Map<String, long[]> noted = byGroup.get(group.code());
			if (!group.active() || noted == null) {
				continue;
			}
			List<GroupTrend.Month> lines = months.stream().map((month) -> {
				long[] moods = noted.getOrDefault(month, new long[Mood.values().length]);
				long total = 0;
				for (long count : moods) {
					total += count;
				}
				return new GroupTrend.Month(month, total,
						moods[Mood.DISSATISFIED.ordinal()] + moods[Mood.AGITATED.ordinal()]);
			}).toList();
			trends.add(new GroupTrend(group.code(), group.name(locale), lines));
		}
		return trends;
	}

	/**
	 * An area's grids with their risk.
	 *
	 * @param level the area's own level; {@literal null} below blue or for a grid worker
	 */
	record AreaRisk(long id, String name, @Nullable WarningLevel level, List<RiskCell> grids) {
	}

	/**
	 * A grid's latest score and level, and its warnings not yet closed.
	 *
	 * @param level {@literal null} below blue
	 */
	record RiskCell(long id, String name, java.math.BigDecimal score, @Nullable WarningLevel level, long openWarnings) {
	}

	/**
	 * One interest group's notes month by month.
	 */
	record GroupTrend(String code, String name, List<Month> months) {

		/**
		 * @param tense the notes that found the group dissatisfied or agitated
		 */
		record Month(String month, long notes, long tense) {
		}

	}

}
