package org.anju.stability;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warnings not yet closed (open or acknowledged) across a whole community, for work
 * that answers to no caller, such as the responsibility matrix's coverage check. Callers
 * that act for a person use {@link Warnings}, which applies their scope.
 */
@Service
@Transactional(readOnly = true)
public class OpenWarnings {

	private static final String SELECT = """
			select w.id, w.subject_type, w.subject_id, w.grid_id, w.level, w.responsible_user_ids,
			       coalesce(case w.subject_type
			                  when 'PERSON' then (select p.name from person p
			                                      where p.community_id = w.community_id and p.id::text = w.subject_id)
			                  when 'GROUP' then (select g.name_zh from interest_group g
			                                     where g.community_id = w.community_id and g.code = w.subject_id)
			                  when 'COMMUNITY' then (select c.name from community c where c.id = w.community_id)
			                  else (select pl.name from place pl
			                        where pl.community_id = w.community_id and pl.id::text = w.subject_id)
			                end, w.subject_id) as subject_name
			from warning w
			where w.community_id = :c and w.state <> 'CLOSED'
			""";

	private final JdbcClient jdbc;

	OpenWarnings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return every warning of the community not yet closed, by id; never {@literal null}
	 */
	public List<OpenWarning> all(CommunityId community) {
		return this.jdbc.sql(SELECT + " order by w.id")
			.param("c", community.value())
			.query(OpenWarnings::warning)
			.list();
	}

	/**
	 * @return the warning, if it is not closed
	 */
	public Optional<OpenWarning> find(CommunityId community, long id) {
		return this.jdbc.sql(SELECT + " and w.id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(OpenWarnings::warning)
			.optional();
	}

	private static OpenWarning warning(ResultSet rs, int row) throws SQLException {
		Array routed = rs.getArray("responsible_user_ids");
		return new OpenWarning(rs.getLong("id"), rs.getString("subject_type"), rs.getString("subject_id"),
				rs.getString("subject_name"), (Long) rs.getObject("grid_id"),
				WarningLevel.valueOf(rs.getString("level")),
				(routed != null) ? Arrays.asList((Long[]) routed.getArray()) : List.of());
	}

	/**
	 * A warning not yet closed: what it is about, where that lies, and the people it was
	 * sent to, who must acknowledge it.
	 *
	 * @param subjectType {@code PERSON}, {@code GROUP}, {@code GRID}, {@code AREA} or
	 * {@code COMMUNITY}
	 * @param subjectId a number, or an interest group's code
	 * @param subjectName the person's, place's, group's or community's name
	 * @param responsibleUserIds the staff accounts it was routed to, nearest first
	 */
	public record OpenWarning(long id, String subjectType, String subjectId, String subjectName, @Nullable Long gridId,
			WarningLevel level, List<Long> responsibleUserIds) {
	}

}
