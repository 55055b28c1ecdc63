package org.anju.messaging;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of the outbox, newest first, the cursor of the next, and how many match in all
 * (capped).
 */
record OutboxPage(List<OutboxEntry> items, @Nullable String next, long total, boolean totalCapped) {
}
