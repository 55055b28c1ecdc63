package org.anju.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The notification table. Every statement names the community and the recipient, so that
 * a user reaches only their own inbox.
 */
@Component
class Notifications {

	private static final String COLUMNS = "id, kind, subject_type, subject_id, subject_number, subject_title, created_at, read_at";

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds one recipient's notification of one step of a subject, unless it is there
	 * already.
	 * @param occurrence what tells this step from an earlier one of the same kind: an
	 * appeal's version after the step, a round's grid
	 * @return the new notification, or empty when this step was told to them before
	 */
	Optional<Notification> add(CommunityId community, long recipient, NotificationKind kind,
			Notification.Subject subject, long subjectId, String number, String title, long occurrence, Instant at) {
		return this.jdbc.sql("""
				insert into notification (community_id, recipient_id, kind, subject_type, subject_id, subject_number,
				                          subject_title, occurrence, created_at)
				values (:c, :recipient, :kind, :type, :subject, :number, :title, :occurrence, :at)
				on conflict (community_id, subject_type, subject_id, kind, recipient_id, occurrence) do nothing
				returning\s""" + COLUMNS)
			.param("c", community.value())
			.param("recipient", recipient)
			.param("kind", kind.name())
			.param("type", subject.name())
			.param("subject", subjectId)
			.param("number", number)
			.param("title", title)
			.param("occurrence", occurrence)
			.param("at", Timestamp.from(at))
			.query(Notifications::notification)
			.optional();
	}

	/**
	 * @return up to {@code limit} notifications older than {@code before}, newest first
	 */
	List<Notification> page(CommunityId community, long recipient, boolean unreadOnly, long before, int limit) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from notification
				where community_id = :c and recipient_id = :recipient and id < :before
				  and (not :unreadOnly or read_at is null)
				order by id desc
				limit :limit
				""")
			.param("c", community.value())
			.param("recipient", recipient)
			.param("before", before)
			.param("unreadOnly", unreadOnly)
			.param("limit", limit)
			.query(Notifications::notification)
			.list();
	}

	/**
	 * @return how many match, counted up to {@code cap}
	 */
	long count(CommunityId community, long recipient, boolean unreadOnly, long cap) {
		return this.jdbc.sql("""
				select count(*) from (select 1 from notification
				                      where community_id = :c and recipient_id = :recipient
				                        and (not :unreadOnly or read_at is null)
				                      limit :cap) capped
				""")
			.param("c", community.value())
			.param("recipient", recipient)
			.param("unreadOnly", unreadOnly)
			.param("cap", cap)
			.query(Long.class)
			.single();
	}

	Optional<Notification> find(CommunityId community, long recipient, long id) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from notification where community_id = :c and recipient_id = :recipient and id = :id")
			.param("c", community.value())
			.param("recipient", recipient)
			.param("id", id)
			.query(Notifications::notification)
			.optional();
	}

	long unread(CommunityId community, long recipient) {
		return this.jdbc.sql(
				"select count(*) from notification where community_id = :c and recipient_id = :recipient and read_at is null")
			.param("c", community.value())
			.param("recipient", recipient)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks one notification read; one read before keeps its time.
	 * @return the notification, or empty when the recipient has no such one
	 */
	Optional<Notification> markRead(CommunityId community, long recipient, long id, Instant at) {
		return this.jdbc.sql("""
				update notification set read_at = coalesce(read_at, :at)
				where community_id = :c and recipient_id = :recipient and id = :id
				returning\s""" + COLUMNS)
			.param("at", Timestamp.from(at))
			.param("c", community.value())
			.param("recipient", recipient)
			.param("id", id)
			.query(Notifications::notification)
			.optional();
	}

	/**
	 * @return how many were unread
	 */
	int markAllRead(CommunityId community, long recipient, Instant at) {
		return this.jdbc.sql("""
				update notification set read_at = :at
				where community_id = :c and recipient_id = :recipient and read_at is null
				""")
			.param("at", Timestamp.from(at))
			.param("c", community.value())
			.param("recipient", recipient)
			.update();
	}

	boolean exists(CommunityId community, long id) {
		return this.jdbc.sql("select exists (select 1 from notification where community_id = :c and id = :id)")
			.param("c", community.value())
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
				Notification.Subject.valueOf(rs.getString("subject_type")), rs.getLong("subject_id"),
				rs.getString("subject_number"), rs.getString("subject_title"),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("read_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
