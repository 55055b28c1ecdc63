package org.anju.notifications;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of an inbox, newest first, the cursor of the next, how many match in all
 * (capped), and how many of the whole inbox are unread.
 */
public record NotificationPage(List<Notification> items, @Nullable String next, long total, boolean totalCapped,
		long unread) {
}
