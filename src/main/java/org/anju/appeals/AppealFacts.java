package org.anju.appeals;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

	private static final String SELECT = """
			select id, version, (received_at at time zone 'Asia/Shanghai')::date as received_day, category_code,
			       department_code, area_id, grid_id, person_groups, state in ('RESOLVED', 'CLOSED') as resolved,
			       coalesce(resolved_on_time, false) as resolved_on_time, satisfaction,
			       'OVERDUE' = any(flags) as overdue
			from appeal where community_id = :c
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
	 * @return the appeal's facts, empty when there is no such appeal
	 */
	public Optional<AppealFact> find(CommunityId community, long appealId) {
		return this.jdbc.sql(SELECT + " and id = :id")
			.param("c", community.value())
			.param("id", appealId)
			.query(AppealFacts::fact)
			.optional();
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
		return new AppealFact(rs.getLong("id"), rs.getLong("version"), rs.getObject("received_day", LocalDate.class),
				rs.getString("category_code"), rs.getString("department_code"), rs.getObject("area_id", Long.class),
				rs.getObject("grid_id", Long.class), List.of((String[]) groups.getArray()), rs.getBoolean("resolved"),
				rs.getBoolean("resolved_on_time"), (satisfaction != null) ? Satisfaction.valueOf(satisfaction) : null,
				rs.getBoolean("overdue"));
	}

}
