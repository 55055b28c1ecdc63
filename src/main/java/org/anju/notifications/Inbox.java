package org.anju.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.shared.BadParameter;
import org.anju.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A signed-in user's own inbox: read it, mark it read, follow it live. Everything here
 * works on the caller's own notifications; another user's answers 404, as if it did not
 * exist.
 * <p>
 * Marking read is not audited: it changes only the user's own reading state, not a record
 * of the community, and the step that caused the notification was audited when it was
 * taken. Reaching for someone else's notification is audited, as every access outside
 * one's scope is. The console's templates read the unread count as
 * {@code ${@inbox.unread(me)}}.
 */
@Service("inbox")
@Transactional(readOnly = true)
public class Inbox {

	static final int MAX_PAGE = 200;

	/** Counting stops here, so that a long history does not slow the first page. */
	static final int TOTAL_CAP = 10_000;

	private final Notifications notifications;

	private final InboxStreams streams;

	private final AuditTrail audit;

	private final Clock clock;

	Inbox(Notifications notifications, InboxStreams streams, AuditTrail audit, Clock clock) {
		this.notifications = notifications;
		this.streams = streams;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * @param unreadOnly only the notifications not read yet
	 * @param cursor the {@code next} of the page before, or none for the first
	 * @throws BadParameter for a size out of range or a cursor this server did not make
	 */
	public NotificationPage page(CurrentUser user, boolean unreadOnly, @Nullable String cursor, int size) {
		if (size < 1 || size > MAX_PAGE) {
			throw new BadParameter("size", "search.size", MAX_PAGE);
		}
		long before = before(cursor);
		List<Notification> rows = this.notifications.page(user.community(), user.userId(), unreadOnly, before,
				size + 1);
		long total = this.notifications.count(user.community(), user.userId(), unreadOnly, TOTAL_CAP + 1);
		String next = (rows.size() > size) ? Long.toString(rows.get(size - 1).id()) : null;
		return new NotificationPage(rows.subList(0, Math.min(size, rows.size())), next, Math.min(total, TOTAL_CAP),
				total > TOTAL_CAP, this.notifications.unread(user.community(), user.userId()));
	}

	/**
	 * @return how many of the user's notifications are unread; none for no user, so that
	 * a page without a signed-in user can ask
	 */
	public long unread(@Nullable CurrentUser user) {
		return (user != null) ? this.notifications.unread(user.community(), user.userId()) : 0;
	}

	/**
	 * Marks one of the user's notifications read. Marking it again changes nothing.
	 * @throws NotFound when the user has no such notification
	 */
	@Transactional
	public Notification markRead(CurrentUser user, long id) {
		Notification read = this.notifications.markRead(user.community(), user.userId(), id, this.clock.instant())
			.orElseThrow(() -> notFound(user, id));
		this.streams.tellAfterCommit(user.community(), user.userId(), null);
		return read;
	}

	/**
	 * Marks all of the user's notifications read.
	 * @return how many were unread
	 */
	@Transactional
	public int markAllRead(CurrentUser user) {
		int marked = this.notifications.markAllRead(user.community(), user.userId(), this.clock.instant());
		this.streams.tellAfterCommit(user.community(), user.userId(), null);
		return marked;
	}

	/**
	 * Opens a live stream of the user's inbox: the unread count first, then each new
	 * notification with the count.
	 */
	public SseEmitter follow(CurrentUser user) {
		return this.streams.open(user.community(), user.userId());
	}

	private NotFound notFound(CurrentUser user, long id) {
		if (this.notifications.exists(user.community(), id)) {
			this.audit.recordAlone(user.community(), user.username(), "ACCESS_DENIED", "NOTIFICATION", id,
					Map.of("reason", "not the recipient"));
		}
		return new NotFound("notification", id);
	}

	private static long before(@Nullable String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return Long.MAX_VALUE;
		}
		try {
			long before = Long.parseLong(cursor);
			if (before < 1) {
				throw new BadParameter("cursor", "cursor.invalid");
			}
			return before;
		}
		catch (NumberFormatException ex) {
			throw new BadParameter("cursor", "cursor.invalid");
		}
	}

}
