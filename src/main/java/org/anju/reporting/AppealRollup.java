package org.anju.reporting;

import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.anju.appeals.AppealFact;
import org.anju.appeals.AppealFacts;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appeal figures per receipt day. Each appeal's facts are kept once, keyed by the
 * appeal and guarded by its version, and a change moves the appeal's counts from the
 * buckets of its old facts to those of its new ones: an event seen twice, or out of
 * order, leaves the same figures. A rebuild replaces all of a community's rows from the
 * appeals themselves, and gives the same figures.
 */
@Component
class AppealRollup {

	/**
	 * The buckets an appeal's facts {@code f} fall into: one row per dimension and key.
	 */
	private static final String DIMENSIONS = """
			cross join lateral (
			  values ('TOTAL', ''), ('CATEGORY', f.category_code), ('DEPARTMENT', coalesce(f.department_code, 'NONE')),
			         ('AREA', coalesce(f.area_id::text, 'NONE')), ('GRID', coalesce(f.grid_id::text, 'NONE'))
			  union all
			  select 'GROUP', g from unnest(case when cardinality(f.groups) = 0 then array['NONE'] else f.groups end) g
			) as d(dimension, key)
			""";

	/** Every day's buckets of a community, computed from all its facts. */
	private static final String BUCKETS = """
			insert into report_appeal_day (community_id, day, dimension, key, received, resolved, resolved_on_time,
			                               rated, satisfied, overdue)
			select f.community_id, f.received_day, d.dimension, d.key, count(*),
			       count(*) filter (where f.resolved), count(*) filter (where f.resolved and f.resolved_on_time),
			       count(*) filter (where f.rated), count(*) filter (where f.satisfied), count(*) filter (where f.overdue)
			from report_appeal f
			"""
			+ DIMENSIONS + """
					where f.community_id = :c
					group by f.community_id, f.received_day, d.dimension, d.key
					""";

	/**
	 * The callbacks of facts {@code f} with a sign, one row per day, category and answer,
	 * added to the day rows: the callbacks are counted by the day they were given.
	 */
	private static final String CALLBACK_SUMS = """
			insert into report_callback_day (community_id, day, category_code, satisfaction, callbacks)
			select f.community_id, cb.day, f.category_code, cb.satisfaction, sum(f.sign)
			from %s f
			cross join unnest(f.callback_days, f.callback_answers) as cb(day, satisfaction)
			group by f.community_id, cb.day, f.category_code, cb.satisfaction
			having sum(f.sign) <> 0
			order by cb.day, f.category_code, cb.satisfaction
			on conflict (community_id, day, category_code, satisfaction) do update set
			  callbacks = report_callback_day.callbacks + excluded.callbacks
			""";

	private static final String FACT_COLUMNS = """
			community_id, appeal_id, version, received_day, category_code, department_code, area_id, grid_id, groups,
			resolved, resolved_on_time, rated, satisfied, overdue, callback_days, callback_answers""";

	/**
	 * Takes in new facts, unless the stored ones are newer (an event seen late).
	 */
	private static final String ON_CONFLICT = """
			on conflict (community_id, appeal_id) do update set version = excluded.version,
			  received_day = excluded.received_day, category_code = excluded.category_code,
			  department_code = excluded.department_code, area_id = excluded.area_id, grid_id = excluded.grid_id,
			  groups = excluded.groups, resolved = excluded.resolved, resolved_on_time = excluded.resolved_on_time,
			  rated = excluded.rated, satisfied = excluded.satisfied, overdue = excluded.overdue,
			  callback_days = excluded.callback_days, callback_answers = excluded.callback_answers
			where report_appeal.version <= excluded.version
			""";

	private static final String UPSERT = """
			insert into report_appeal (%s)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date[], ?)
			""".formatted(FACT_COLUMNS) + ON_CONFLICT;

	/**
	 * A batch of appeals' changes, in one statement: each appeal's stored facts count −1
	 * and its new facts +1 in the buckets they fall into, their callbacks too (a callback
	 * added, an answer corrected or the category changed moves only the difference), when
	 * the new facts were taken in (not older than the stored ones). The data-modifying
	 * CTE's {@code old} reads the rows as they were before the statement, so the
	 * difference is exact whatever changed, the day too. The new facts come as one array
	 * per column; an appeal's groups and callbacks, arrays themselves, come joined by
	 * commas (codes, days and answer names hold none). The caller holds the community's
	 * refresh lock, so no other refresh commits in between.
	 */
	private static final String DELTA = """
			with input as (
			  select * from unnest(cast(:ids as bigint[]), cast(:versions as bigint[]), cast(:days as date[]),
			                       cast(:categories as text[]), cast(:departments as text[]), cast(:areas as bigint[]),
			                       cast(:grids as bigint[]), cast(:groups as text[]), cast(:resolved as boolean[]),
			                       cast(:onTime as boolean[]), cast(:rated as boolean[]), cast(:satisfied as boolean[]),
			                       cast(:overdue as boolean[]), cast(:callbackDays as text[]),
			                       cast(:callbackAnswers as text[]))
			    as i(appeal_id, version, received_day, category_code, department_code, area_id, grid_id, groups,
			         resolved, resolved_on_time, rated, satisfied, overdue, callback_days, callback_answers)
			), old as (
			  select %1$s from report_appeal
			  where community_id = :c and appeal_id in (select appeal_id from input)
			), new as (
			  insert into report_appeal (%1$s)
			  select :c, appeal_id, version, received_day, category_code, department_code, area_id, grid_id,
			         string_to_array(groups, ','), resolved, resolved_on_time, rated, satisfied, overdue,
			         cast(string_to_array(callback_days, ',') as date[]), string_to_array(callback_answers, ',')
			  from input
			  %2$s
			  returning %1$s
			), change as (
			  select -1 as sign, old.* from old where exists (select 1 from new where new.appeal_id = old.appeal_id)
			  union all
			  select 1, new.* from new
			), callbacks as (
			  %3$s
			)
			insert into report_appeal_day (community_id, day, dimension, key, received, resolved, resolved_on_time,
			                               rated, satisfied, overdue)
			select f.community_id, f.received_day, d.dimension, d.key, sum(f.sign),
			       coalesce(sum(f.sign) filter (where f.resolved), 0),
			       coalesce(sum(f.sign) filter (where f.resolved and f.resolved_on_time), 0),
			       coalesce(sum(f.sign) filter (where f.rated), 0), coalesce(sum(f.sign) filter (where f.satisfied), 0),
			       coalesce(sum(f.sign) filter (where f.overdue), 0)
			from change f
			""".formatted(FACT_COLUMNS, ON_CONFLICT.strip(), CALLBACK_SUMS.formatted("change").strip()) + DIMENSIONS
			+ """
					group by f.community_id, f.received_day, d.dimension, d.key
					order by f.received_day, d.dimension, d.key
					on conflict (community_id, day, dimension, key) do update set
					  received = report_appeal_day.received + excluded.received,
					  resolved = report_appeal_day.resolved + excluded.resolved,
					  resolved_on_time = report_appeal_day.resolved_on_time + excluded.resolved_on_time,
					  rated = report_appeal_day.rated + excluded.rated,
					  satisfied = report_appeal_day.satisfied + excluded.satisfied,
					  overdue = report_appeal_day.overdue + excluded.overdue
					""";

	private static final int BATCH = 2_000;

	private final AppealFacts facts;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	/**
	 * @param dataSource a rebuild of a million appeals runs longer than the query timeout
	 * that guards interactive requests
	 */
	AppealRollup(AppealFacts facts, DataSource dataSource) {
		this.facts = facts;
		this.template = new JdbcTemplate(dataSource);
		this.jdbc = JdbcClient.create(this.template);
	}

	/**
	 * Takes in the appeals' current facts and moves their counts from the buckets of
	 * their stored facts to those of the new ones, in one statement: the same work
	 * whether their day holds ten appeals or ten thousand, and each bucket written once
	 * for the whole batch. The caller holds the community's refresh lock
	 * ({@link RollupLocks#refresh}).
	 * @param appealIds appeals of the community; one that is gone is skipped
	 */
	void refresh(CommunityId community, Collection<Long> appealIds) {
		List<AppealFact> found = this.facts.findAll(community, appealIds);
		if (found.isEmpty()) {
			return;
		}
		int n = found.size();
		long[] ids = new long[n];
		long[] versions = new long[n];
		String[] days = new String[n];
		String[] categories = new String[n];
		String[] departments = new String[n];
		Long[] areas = new Long[n];
		Long[] grids = new Long[n];
		String[] groups = new String[n];
		boolean[] resolved = new boolean[n];
		boolean[] onTime = new boolean[n];
		boolean[] rated = new boolean[n];
		boolean[] satisfied = new boolean[n];
		boolean[] overdue = new boolean[n];
		String[] callbackDays = new String[n];
		String[] callbackAnswers = new String[n];
		for (int i = 0; i < n; i++) {
			AppealFact fact = found.get(i);
			ids[i] = fact.appealId();
			versions[i] = fact.version();
			days[i] = fact.receivedDay().toString();
			categories[i] = fact.categoryCode();
			departments[i] = fact.departmentCode();
			areas[i] = fact.areaId();
			grids[i] = fact.gridId();
			groups[i] = String.join(",", fact.groups());
			resolved[i] = fact.resolved();
			onTime[i] = onTime(fact);
			rated[i] = rated(fact);
			satisfied[i] = satisfied(fact);
			overdue[i] = fact.overdue();
			callbackDays[i] = fact.callbacks()
				.stream()
				.map((callback) -> callback.day().toString())
				.collect(Collectors.joining(","));
			callbackAnswers[i] = fact.callbacks()
				.stream()
				.map((callback) -> callback.satisfaction().name())
				.collect(Collectors.joining(","));
		}
		this.jdbc.sql(DELTA)
			.param("c", community.value())
			.param("ids", ids)
			.param("versions", versions)
			.param("days", days)
			.param("categories", categories)
			.param("departments", departments)
			.param("areas", areas)
			.param("grids", grids)
			.param("groups", groups)
			.param("resolved", resolved)
			.param("onTime", onTime)
			.param("rated", rated)
			.param("satisfied", satisfied)
			.param("overdue", overdue)
			.param("callbackDays", callbackDays)
			.param("callbackAnswers", callbackAnswers)
			.update();
	}

	/**
	 * Replaces the community's appeal figures with those computed from every appeal.
	 * @return how many appeals were taken in
	 */
	@Transactional
	public long rebuild(CommunityId community) {
		RollupLocks.exclusive(this.jdbc, community);
		this.jdbc.sql("delete from report_appeal_day where community_id = :c").param("c", community.value()).update();
		this.jdbc.sql("delete from report_callback_day where community_id = :c").param("c", community.value()).update();
		this.jdbc.sql("delete from report_appeal where community_id = :c").param("c", community.value()).update();
		List<Object[]> batch = new ArrayList<>(BATCH);
		long[] count = { 0 };
		this.facts.forEach(community, (fact) -> {
			batch.add(values(community, fact));
			count[0]++;
			if (batch.size() == BATCH) {
				this.template.batchUpdate(UPSERT, batch);
				batch.clear();
			}
		});
		if (!batch.isEmpty()) {
			this.template.batchUpdate(UPSERT, batch);
		}
		this.jdbc.sql(BUCKETS).param("c", community.value()).update();
		this.jdbc.sql(CALLBACK_SUMS.formatted("(select 1 as sign, r.* from report_appeal r where r.community_id = :c)"))
			.param("c", community.value())
			.update();
		return count[0];
	}

	/**
	 * @return whether the community has no appeal figures yet
	 */
	@Transactional(readOnly = true)
	public boolean empty(CommunityId community) {
		return this.jdbc.sql("select not exists (select 1 from report_appeal where community_id = :c)")
			.param("c", community.value())
			.query(Boolean.class)
			.single();
	}

	/** Counted as resolved on time: resolved, and by its due time. */
	private static boolean onTime(AppealFact fact) {
		return fact.resolved() && fact.resolvedOnTime();
	}

	private static boolean rated(AppealFact fact) {
		return fact.satisfaction() != null;
	}

	/** Rated 非常满意, 满意 or 基本满意. */
	private static boolean satisfied(AppealFact fact) {
		return fact.satisfaction() != null && fact.satisfaction().satisfied();
	}

	private static Object[] values(CommunityId community, AppealFact fact) {
		return new Object[] { community.value(), fact.appealId(), fact.version(), Date.valueOf(fact.receivedDay()),
				fact.categoryCode(), fact.departmentCode(), fact.areaId(), fact.gridId(),
				fact.groups().toArray(String[]::new), fact.resolved(), onTime(fact), rated(fact), satisfied(fact),
				fact.overdue(), fact.callbacks().stream().map((c) -> c.day().toString()).toArray(String[]::new),
				fact.callbacks().stream().map((c) -> c.satisfaction().name()).toArray(String[]::new) };
	}

}
