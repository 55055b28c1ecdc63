package org.anju.appeals;

import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.shared.CommunityId;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills a community with many realistic appeals at once, for demonstrations and for the
 * benchmarks: three years of closed and resolved cases, and the open ones of the last
 * weeks, some overdue and some nearly due, over every active category (the first ones in
 * code order more often than the last, as real categories are), its department, the
 * community's registered people (or unregistered callers) and their grids. It is one
 * set-based insert, so a million appeals take well under a minute, and it takes its
 * numbers from the community's counters like any intake.
 * <p>
 * Deadlines are approximated with calendar days (1.4 per working day), not the working
 * calendar. The timeline holds what the app reads back: {@code receive} for every appeal,
 * {@code assign} once routed, {@code resolve} and the resident's {@code callback} with
 * its satisfaction (which the satisfaction index counts), and an {@code urge} on a few
 * overdue ones (which the supervision queue looks for).
 */
@Service
public class SampleAppeals {

	/** Who the sample appeals were taken in by, on their rows and timelines. */
	static final String ACTOR = "sample";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	/**
	 * @param dataSource the statements here run without the query timeout that guards
	 * interactive requests (spring.jdbc.template.query-timeout): inserting a million rows
	 * takes longer on a busy machine
	 */
	SampleAppeals(DataSource dataSource, AuditTrail audit) {
		this.jdbc = JdbcClient.create(new JdbcTemplate(dataSource));
		this.audit = audit;
	}

	/**
	 * @return how many appeals the community has
	 */
	@Transactional(readOnly = true)
	public long count(CommunityId community) {
		return this.jdbc.sql("select count(*) from appeal where community_id = :c")
			.param("c", community.value())
			.query(Long.class)
			.single();
	}

	/**
	 * Adds {@code count} appeals; the same seed over the same registry gives the same
	 * appeals (apart from their times, which follow the clock).
	 * @return how many were added
	 */
	@Transactional
	public int generate(CommunityId community, int count, long seed) {
		long c = community.value();
		skipForeignKeyChecks();
		long after = this.jdbc.sql("select coalesce(max(id), 0) from appeal where community_id = :c")
			.param("c", c)
			.query(Long.class)
			.single();
		this.jdbc.sql("select setseed(:seed)").param("seed", (seed % 1000) / 1000.0).query((rs) -> {
		});
		this.jdbc.sql("""
				create temp table sample_category on commit drop as
				select row_number() over (order by code) - 1 as n, code, name_zh, department_code, limit_days,
				       warning_percent
				from appeal_category where community_id = :c and active
				""").param("c", c).update();
		this.jdbc.sql("""
				create temp table sample_person on commit drop as
				select row_number() over (order by p.id) - 1 as n, p.id, p.name, p.area_id, p.grid_id, p.room_id,
				       array(select g.group_code from person_group g
				             where g.community_id = p.community_id and g.person_id = p.id order by 1) as groups
				from person p where p.community_id = :c and p.status = 'REGISTERED'
				""").param("c", c).update();
		this.jdbc.sql("""
				create temp table sample_grid on commit drop as
				select row_number() over (order by id) - 1 as n, id, area_id
				from place where community_id = :c and kind = 'GRID'
				""").param("c", c).update();
		this.jdbc.sql("""
				create temp table sample_staff on commit drop as
				select department_code, array_agg(id order by id) as ids
				from user_account where community_id = :c and role = 'DEPARTMENT_STAFF' and department_code is not null
				group by department_code
				""").param("c", c).update();
		// The draws first, then what follows from them: state, times, flags, people.
		this.jdbc
			.sql("""
					create temp table sample_appeal on commit drop as
					with draw as (
					  select s, random() as r_state, random() as r_age, random() as r_category, random() as r_who,
					         random() as r_person, random() as r_grid, random() as r_channel, random() as r_flag,
					         random() as r_staff, random() as r_took, random() as r_rating
					  from generate_series(1, :count) s
					), shaped as (
					  select d.*, k.code, k.name_zh, k.department_code, k.limit_days, k.warning_percent,
					         case when r_state < 0.78 then 'CLOSED' when r_state < 0.84 then 'RESOLVED'
					              when r_state < 0.88 then 'RECEIVED' when r_state < 0.93 then 'ASSIGNED'
					              else 'IN_PROGRESS' end as state,
					         case when r_channel < 0.30 then 'WALK_IN' when r_channel < 0.65 then 'PHONE'
					              when r_channel < 0.80 then 'WEB' when r_channel < 0.90 then 'VISIT'
					              when r_channel < 0.95 then 'LETTER' else 'REFERRAL' end as channel
					  from draw d
					  join sample_category k
					    on k.n = floor(power(d.r_category, 1.7) * (select count(*) from sample_category))
					), timed as (
					  select sh.*, received_at + limit_days * interval '1.4 days' as due_at
					  from (select shaped.*,
					               now() - case when state in ('CLOSED', 'RESOLVED') then r_age * interval '1095 days'
					                            else r_age * interval '25 days' end as received_at
					        from shaped) sh
					)
					select t.s, t.state, t.channel, t.code, t.received_at, t.due_at,
					       t.received_at + (t.due_at - t.received_at) * t.warning_percent / 100 as warn_at,
					       extract(year from t.received_at at time zone 'Asia/Shanghai')::int as year,
					       p.id as person_id, p.name as person_name, coalesce(p.groups, '{}') as person_groups,
					       case when p.id is null then substr('王李张刘陈杨黄赵吴周', 1 + t.s % 10, 1)
					                                   || substr('建国秀英志明桂兰海燕', 1 + t.s % 5 * 2, 2) end as caller_name,
					       case when p.id is null then '139' || lpad((t.s % 100000000)::text, 8, '0') end as caller_phone,
					       t.name_zh || '：' || case t.channel when 'PHONE' then '来电反映' when 'WEB' then '网上反映'
					                                         when 'LETTER' then '来信反映' else '来访反映' end as title,
					       '居民反映' || t.name_zh || '方面的问题，请核实处理并答复。（样本' || t.s || '）' as description,
					       p.room_id as place_id, coalesce(p.area_id, g.area_id) as area_id, coalesce(p.grid_id, g.id) as grid_id,
					       case when t.state = 'RECEIVED' then null else t.department_code end as department_code,
					       case when t.state in ('IN_PROGRESS', 'RESOLVED', 'CLOSED') and t.r_staff < 0.6
					            then st.ids[1 + floor(t.r_staff / 0.6 * cardinality(st.ids))::int] end as assignee_id,
					       t.r_flag, t.r_took, t.r_rating
					from timed t
					left join sample_person p
					  on t.r_who < 0.7 and p.n = floor(t.r_person * (select count(*) from sample_person))
					left join sample_grid g on p.id is null and t.r_who < 0.9
					  and g.n = floor(t.r_grid * (select count(*) from sample_grid))
					left join sample_staff st on st.department_code = t.department_code
					""")
			.param("count", count)
			.update();
		int added = this.jdbc
			.sql("""
					with counts as (
					  select year, count(*)::int as n from sample_appeal group by year
					), taken as (
					""" + Appeals.TAKE_NUMBERS
					+ """
							), numbered as (
							  select a.*, k.last_number - k.n + row_number() over (partition by a.year order by a.received_at, a.s) as seq,
							         least(a.received_at + (a.due_at - a.received_at) * (0.2 + a.r_took), now()) as resolved_at
							  from sample_appeal a join (select * from counts join taken using (year)) k using (year)
							)
							insert into appeal (community_id, number, state, channel, category_code, person_id, person_name,
							                      person_groups, caller_name, caller_phone, title, description, place_id, area_id,
							                      grid_id, people_count, escalated, confidential, flags, received_at, due_at, warn_at,
							                      nearly_due_fired_at, overdue_fired_at, department_code, assignee_id, resolved_at,
							                      reply, resolved_on_time, satisfaction, closed_at, created_by, version)
							  select :c, year || '-' || lpad(seq::text, greatest(6, length(seq::text)), '0'), state, channel, code,
							         person_id, person_name, person_groups, caller_name, caller_phone, title, description, place_id,
							         area_id, grid_id, case when r_flag < 0.02 then 5 + (r_flag * 1000)::int % 20 else 1 end,
							         channel = 'REFERRAL' or r_flag between 0.02 and 0.04, false,
							         array_remove(array[
							           case when r_flag < 0.02 then 'COLLECTIVE' end,
							           case when channel = 'REFERRAL' or r_flag between 0.02 and 0.04 then 'ESCALATED' end,
							           case when state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') and warn_at <= now()
							                     and due_at > now() then 'NEARLY_DUE' end,
							           case when state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') and due_at <= now() then 'OVERDUE' end,
							           case when r_flag between 0.04 and 0.09 and person_id is not null then 'REPEAT' end], null),
							         received_at, due_at, warn_at,
							         case when warn_at <= now() then warn_at end, case when due_at <= now() then due_at end,
							         department_code, assignee_id,
							         case when state in ('RESOLVED', 'CLOSED') then resolved_at end,
							         case when state in ('RESOLVED', 'CLOSED') then '已核实处理，情况已向居民说明。' end,
							         case when state in ('RESOLVED', 'CLOSED') then resolved_at <= due_at end,
							         case when state = 'CLOSED' then
							           case when r_rating < 0.55 then 'VERY_SATISFIED' when r_rating < 0.85 then 'SATISFIED'
							                when r_rating < 0.96 then 'BASICALLY_SATISFIED' else 'DISSATISFIED' end end,
							         case when state = 'CLOSED' then least(resolved_at + interval '2 days', now()) end,
							         :actor, case state when 'RECEIVED' then 0 when 'ASSIGNED' then 1 when 'IN_PROGRESS' then 2
							                            when 'RESOLVED' then 3 else 5 end
							  from numbered
							""")
			.param("c", c)
			.param("actor", ACTOR)
			.update();
		// Statistics before the timeline: its foreign-key checks plan their lookups into
		// appeal now, and a plan made while appeal looked empty walks a whole index for
		// each row.
		this.jdbc.sql("analyze appeal").update();
		this.jdbc
			.sql("""
					insert into appeal_timeline (community_id, appeal_id, at, actor, action, from_state, to_state, note,
					                             detail)
					select a.community_id, a.id, s.at, a.created_by, s.action, s.from_state, s.to_state, s.note, s.detail
					from appeal a
					cross join lateral (values
					  (a.received_at, 'receive', null, 'RECEIVED', null,
					   jsonb_build_object('channel', a.channel, 'categoryCode', a.category_code, 'flags', to_jsonb(a.flags))),
					  (least(a.received_at + interval '2 hours', now()), 'assign', 'RECEIVED', 'ASSIGNED', null,
					   jsonb_build_object('departmentCode', a.department_code, 'assigneeId', a.assignee_id)),
					  (a.resolved_at, 'resolve', 'IN_PROGRESS', 'RESOLVED', a.reply, '{}'::jsonb),
					  (a.closed_at, 'callback', 'RESOLVED', 'CLOSED', null, jsonb_build_object('satisfaction', a.satisfaction)),
					  (least(a.due_at + interval '1 hour', now()), 'urge', a.state, a.state, '已超期，请加快办理', '{}'::jsonb)
					) as s (at, action, from_state, to_state, note, detail)
					where a.community_id = :c and a.id > :after
					  and case s.action when 'receive' then true
					                    when 'assign' then a.state <> 'RECEIVED'
					                    when 'resolve' then a.resolved_at is not null
					                    when 'callback' then a.closed_at is not null
					                    else a.flags @> array['OVERDUE'] and a.id % 10 = 0 end
					""")
			.param("c", c)
			.param("after", after)
			.update();
		this.jdbc.sql("analyze appeal_timeline").update();
		this.audit.record(community, "APPEALS_GENERATED", "COMMUNITY", c, Map.of("count", added, "seed", seed));
		return added;
	}

	/**
	 * Every row here refers only to rows read from the same tables a moment before, so
	 * checking its foreign keys one by one (four or five a row, most of the time a
	 * million appeals take) proves nothing. PostgreSQL skips those checks for this
	 * transaction only when the database user may set the replication role, as the
	 * embedded database's owner may; otherwise they run, and take longer.
	 */
	private void skipForeignKeyChecks() {
		boolean allowed = this.jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (allowed) {
			this.jdbc.sql("set local session_replication_role = replica").update();
		}
	}

}
