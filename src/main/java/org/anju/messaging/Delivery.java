package org.anju.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A provider's answer to one message: accepted with the provider's own message ID (to
 * match delivery receipts later), or failed with a reason. The outbox keeps the reason;
 * an accepted delivery may carry one too, as a note.
 */
public record Delivery(boolean accepted, @Nullable String providerMessageId, @Nullable String reason) {

	public static Delivery accepted(@Nullable String providerMessageId) {
		return new Delivery(true, providerMessageId, null);
	}

	public static Delivery failed(String reason) {
		return new Delivery(false, null, reason);
	}

}
