package org.anju.reporting;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
 * appeal and guarded by its version, and the day they belong to is recomputed from them:
 * an event seen twice, or out of order, leaves the same figures. A rebuild replaces all
 * of a community's rows from the appeals themselves, and gives the same figures.
 */
@Component
class AppealRollup {

	/** The buckets of one or all days, computed from the facts. */
	private static final String BUCKETS = """
			insert into report_appeal_day (community_id, day, dimension, key, received, resolved, resolved_on_time,
			                               rated, satisfied, overdue)
			select f.community_id, f.received_day, d.dimension, d.key, count(*),
			       count(*) filter (where f.resolved), count(*) filter (where f.resolved and f.resolved_on_time),
			       count(*) filter (where f.rated), count(*) filter (where f.satisfied), count(*) filter (where f.overdue)
			from report_appeal f
			cross join lateral (
			  values ('TOTAL', ''), ('CATEGORY', f.category_code), ('DEPARTMENT', coalesce(f.department_code, 'NONE')),
			         ('AREA', coalesce(f.area_id::text, 'NONE')), ('GRID', coalesce(f.grid_id::text, 'NONE'))
			  union all
			  select 'GROUP', g from unnest(case when cardinality(f.groups) = 0 then array['NONE'] else f.groups end) g
			) as d(dimension, key)
			where f.community_id = :c and %s
			group by f.community_id, f.received_day, d.dimension, d.key
			""";

	private static final String UPSERT = """
			insert into report_appeal (community_id, appeal_id, version, received_day, category_code, department_code,
			                           area_id, grid_id, groups, resolved, resolved_on_time, rated, satisfied, overdue)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (community_id, appeal_id) do update set version = excluded.version,
			  received_day = excluded.received_day, category_code = excluded.category_code,
			  department_code = excluded.department_code, area_id = excluded.area_id, grid_id = excluded.grid_id,
			  groups = excluded.groups, resolved = excluded.resolved, resolved_on_time = excluded.resolved_on_time,
			  rated = excluded.rated, satisfied = excluded.satisfied, overdue = excluded.overdue
			where report_appeal.version <= excluded.version
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
	 * Takes in the appeal's current facts and recomputes its receipt day.
	 */
	@Transactional
	public void refresh(CommunityId community, long appealId) {
		RollupLocks.shared(this.jdbc, community);
		this.facts.find(community, appealId).ifPresent((fact) -> {
			// the day is locked first, so that two appeals of one day recompute it in
			// turn
			// and the later sees the earlier's fact
			RollupLocks.day(this.jdbc, community, fact.receivedDay());
			this.template.update(UPSERT, values(community, fact));
			recompute(community, fact.receivedDay());
		});
	}

	/**
	 * Replaces the community's appeal figures with those computed from every appeal.
	 * @return how many appeals were taken in
	 */
	@Transactional
	public long rebuild(CommunityId community) {
		RollupLocks.exclusive(this.jdbc, community);
		this.jdbc.sql("delete from report_appeal_day where community_id = :c").param("c", community.value()).update();
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
		this.jdbc.sql(BUCKETS.formatted("true")).param("c", community.value()).update();
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

	private void recompute(CommunityId community, LocalDate day) {
		this.jdbc.sql("delete from report_appeal_day where community_id = :c and day = :day")
			.param("c", community.value())
			.param("day", day)
			.update();
		this.jdbc.sql(BUCKETS.formatted("f.received_day = :day"))
			.param("c", community.value())
			.param("day", day)
			.update();
	}

	private static Object[] values(CommunityId community, AppealFact fact) {
		return new Object[] { community.value(), fact.appealId(), fact.version(), Date.valueOf(fact.receivedDay()),
				fact.categoryCode(), fact.departmentCode(), fact.areaId(), fact.gridId(),
				fact.groups().toArray(String[]::new), fact.resolved(), fact.resolved() && fact.resolvedOnTime(),
				fact.satisfaction() != null, fact.satisfaction() != null && fact.satisfaction().satisfied(),
				fact.overdue() };
	}

}
