package org.anju.messaging;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message in the outbox as staff see it: the number masked, the text as sent.
 */
record OutboxEntry(long id, String toPhone, String templateCode, String body, MessageState state,
		@Nullable String reason, int attempts, Instant createdAt, @Nullable Instant sentAt,
		@Nullable String providerMessageId, @Nullable String relatedType, @Nullable String relatedId) {
}
