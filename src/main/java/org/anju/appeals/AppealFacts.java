package org.anju.appeals;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of appeals for read models that keep figures (the leader dashboard): one
 * appeal's after an event about it, or every appeal of a community to rebuild from.
 * Callers are system jobs, not people, so there is no reach check here: nothing it
 * returns names a person.
 */
@Service
@Transactional(readOnly = true)
public class AppealFacts {

	/**
	 * The appeals with their callbacks, each read from the timeline, where every answer
	 * given is kept (the appeal holds only the last).
	 */
	private static final String SELECT = """
			select a.id, a.version, (a.received_at at time zone 'Asia/Shanghai')::date as received_day,
			       a.category_code, a.department_code, a.area_id, a.grid_id, a.person_groups,
			       a.state in ('RESOLVED', 'CLOSED') as resolved, coalesce(a.resolved_on_time, false) as resolved_on_time,
			       a.satisfaction, 'OVERDUE' = any(a.flags) as overdue, cb.days as callback_days,
			       cb.answers as callback_answers
			from appeal a
			cross join lateral (
			  select coalesce(array_agg((t.at at time zone 'Asia/Shanghai')::date order by t.id), '{}') as days,
			         coalesce(array_agg(t.detail ->> 'satisfaction' order by t.id), '{}') as answers
			  from appeal_timeline t
			  where t.community_id = a.community_id and t.appeal_id = a.id and t.action = 'callback'
			    and t.detail ->> 'satisfaction' is not null
			) cb
			where a.community_id = :c
			""";

	private final JdbcClient jdbc;

	/**
	 * @param dataSource {@link #forEach} streams a whole community, which can take longer
	 * than the timeout that guards interactive requests
	 */
	AppealFacts(DataSource dataSource) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(5_000);
		this.jdbc = JdbcClient.create(template);
	}

	/**
	 * @return the facts of those of the appeals that exist, in no particular order
	 */
	public List<AppealFact> findAll(CommunityId community, Collection<Long> appealIds) {
		return this.jdbc.sql(SELECT + " and a.id = any(:ids)")
			.param("c", community.value())
			.param("ids", appealIds.stream().mapToLong(Long::longValue).toArray())
			.query(AppealFacts::fact)
			.list();
	}

	/**
	 * Streams the facts of every appeal of the community, in no particular order, within
	 * one read-only transaction (one snapshot).
	 */
	public void forEach(CommunityId community, Consumer<AppealFact> action) {
		this.jdbc.sql(SELECT)
			.param("c", community.value())
			.query((RowCallbackHandler) (rs) -> action.accept(fact(rs, rs.getRow())));
	}

	private static AppealFact fact(ResultSet rs, int row) throws SQLException {
		String satisfaction = rs.getString("satisfaction");
		Array groups = rs.getArray("person_groups");
		Object[] days = (Object[]) rs.getArray("callback_days").getArray();
		String[] answers = (String[]) rs.getArray("callback_answers").getArray();
		List<AppealFact.Callback> callbacks = new ArrayList<>(days.length);
		for (int i = 0; i < days.length; i++) {
			callbacks.add(new AppealFact.Callback(((Date) days[i]).toLocalDate(), Satisfaction.valueOf(answers[i])));
		}
		return new AppealFact(rs.getLong("id"), rs.getLong("version"), rs.getObject("received_day", LocalDate.class),
				rs.getString("category_code"), rs.getString("department_code"), rs.getObject("area_id", Long.class),
				rs.getObject("grid_id", Long.class), List.of((String[]) groups.getArray()), rs.getBoolean("resolved"),
				rs.getBoolean("resolved_on_time"), (satisfaction != null) ? Satisfaction.valueOf(satisfaction) : null,
				rs.getBoolean("overdue"), callbacks);
	}

}
