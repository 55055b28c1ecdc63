package org.anju.notifications;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a user's inbox: what happened to which appeal. It names the appeal by
 * number and title only, with any ID number or mobile in the title masked.
 */
public record Notification(long id, NotificationKind kind, long appealId, String appealNumber, String appealTitle,
		Instant createdAt, @Nullable Instant readAt) {

	public boolean unread() {
		return this.readAt == null;
	}

}
