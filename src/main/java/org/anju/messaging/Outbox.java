package org.anju.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the outbox, the record of every message, newest first. Numbers leave here masked.
 */
@Component
@Transactional(readOnly = true)
class Outbox {

	static final int MAX_PAGE = 200;

	/** Counting stops here, so that a long history does not slow the first page. */
	static final int TOTAL_CAP = 10_000;

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param state only messages in this state, or all
	 * @param cursor the {@code next} of the page before, or none for the first
	 * @throws BadParameter for a size out of range or a cursor this server did not make
	 */
	OutboxPage page(CommunityId community, @Nullable MessageState state, @Nullable String cursor, int size) {
		if (size < 1 || size > MAX_PAGE) {
			throw new BadParameter("size", "search.size", MAX_PAGE);
		}
		long before = before(cursor);
		String stateName = (state != null) ? state.name() : null;
		List<OutboxEntry> rows = this.jdbc.sql("""
				select id, to_phone, template_code, body, state, reason, attempts, created_at, sent_at,
				       provider_message_id, related_type, related_id
				from sms_outbox
				where community_id = :c and (cast(:state as text) is null or state = :state) and id < :before
				order by id desc
				limit :limit
				""")
			.param("c", community.value())
			.param("state", stateName)
			.param("before", before)
			.param("limit", size + 1)
			.query(Outbox::entry)
			.list();
		long total = this.jdbc.sql("""
				select count(*) from (select 1 from sms_outbox
				                      where community_id = :c and (cast(:state as text) is null or state = :state)
				                      limit :cap) capped
				""")
			.param("c", community.value())
			.param("state", stateName)
			.param("cap", TOTAL_CAP + 1)
			.query(Long.class)
			.single();
		String next = (rows.size() > size) ? Long.toString(rows.get(size - 1).id()) : null;
		return new OutboxPage(rows.subList(0, Math.min(size, rows.size())), next, Math.min(total, TOTAL_CAP),
				total > TOTAL_CAP);
	}

	private static long before(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return Long.MAX_VALUE;
		}
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw new BadParameter("cursor", "cursor.invalid");
		}
	}

	private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
		return new OutboxEntry(rs.getLong("id"), Phone.mask(rs.getString("to_phone")), rs.getString("template_code"),
				rs.getString("body"), MessageState.valueOf(rs.getString("state")), rs.getString("reason"),
				rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
				nullableInstant(rs.getTimestamp("sent_at")), rs.getString("provider_message_id"),
				rs.getString("related_type"), rs.getString("related_id"));
	}

	private static @Nullable Instant nullableInstant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
