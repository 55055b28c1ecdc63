package org.anju.appeals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The callbacks (回访) that residents gave, for modules that measure a service line's
 * satisfaction: each callback as a moment with its answer, the appeal's category, area,
 * grid and the appellant's interest groups. A reopened appeal that was called back twice
 * counts twice, because each answer was a judgement of the service at that time.
 */
@Service
@Transactional(readOnly = true)
public class AppealCallbacks {

	/** The callbacks of the categories (with their sub-categories), period and grids. */
	private static final String CALLBACKS = """
			from appeal_timeline t
			join appeal a on a.community_id = t.community_id and a.id = t.appeal_id
			join appeal_category c on c.community_id = a.community_id and c.code = a.category_code
			where t.community_id = :c and t.action = 'callback' and t.at >= :from and t.at < :until
			  and t.detail ->> 'satisfaction' is not null
			  and (c.code = any(:codes) or c.parent_code = any(:codes))
			  and (cast(:grids as bigint[]) is null or a.grid_id = any(:grids))
			""";

	private final JdbcClient jdbc;

	AppealCallbacks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param categoryCodes the categories, each with its sub-categories
	 * @param from the first moment, inclusive
	 * @param until the last moment, exclusive
	 * @param gridIds only appeals in these grids, or {@code null} for the whole community
	 * @return the callbacks in time order; never {@literal null}
	 */
	public List<Callback> between(CommunityId community, Collection<String> categoryCodes, Instant from, Instant until,
			Long @Nullable [] gridIds) {
		if (categoryCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select a.id, a.category_code, t.detail ->> 'satisfaction' as satisfaction, t.at, a.area_id, a.grid_id,
				       a.person_groups
				""" + CALLBACKS + " order by t.at, t.id")
			.param("c", community.value())
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("codes", categoryCodes.toArray(String[]::new))
			.param("grids", gridIds)
			.query((rs, row) -> new Callback(rs.getLong("id"), rs.getString("category_code"),
					Satisfaction.valueOf(rs.getString("satisfaction")), rs.getTimestamp("at").toInstant(),
					rs.getObject("area_id", Long.class), rs.getObject("grid_id", Long.class),
					Arrays.asList((String[]) rs.getArray("person_groups").getArray())))
			.list();
	}

	/**
	 * The same callbacks as {@link #between}, counted in the database by category and
	 * answer: for figures over a long period, where a year holds hundreds of thousands of
	 * them, read in one pass for all the categories asked about.
	 * @return one count per category and answer given; never {@literal null}
	 */
	public List<Count> counted(CommunityId community, Collection<String> categoryCodes, Instant from, Instant until,
			Long @Nullable [] gridIds) {
		if (categoryCodes.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select c.code, c.parent_code, t.detail ->> 'satisfaction' as satisfaction, count(*) as n " + CALLBACKS
					+ " group by 1, 2, 3")
			.param("c", community.value())
			.param("from", Timestamp.from(from))
			.param("until", Timestamp.from(until))
			.param("codes", categoryCodes.toArray(String[]::new))
			.param("grids", gridIds)
			.query((rs, row) -> new Count(rs.getString("code"), rs.getString("parent_code"),
					Satisfaction.valueOf(rs.getString("satisfaction")), rs.getLong("n")))
			.list();
	}

	/**
	 * How many callbacks about appeals of one category gave one answer.
	 *
	 * @param parentCode the category's parent, {@literal null} at the top of the tree
	 */
	public record Count(String categoryCode, @Nullable String parentCode, Satisfaction satisfaction, long count) {

		/**
		 * @return whether the category is one of these or under one of them
		 */
		public boolean within(Collection<String> categoryCodes) {
			return categoryCodes.contains(this.categoryCode)
					|| (this.parentCode != null && categoryCodes.contains(this.parentCode));
		}

	}

	/**
	 * One callback: what the resident answered and when, about an appeal of this
	 * category, area and grid, brought by someone of these interest groups.
	 */
	public record Callback(long appealId, String categoryCode, Satisfaction satisfaction, Instant at,
			@Nullable Long areaId, @Nullable Long gridId, List<String> groups) {
	}

}
