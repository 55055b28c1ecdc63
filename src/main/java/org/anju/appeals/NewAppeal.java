package org.anju.appeals;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What intake records: who (a registered person, or a caller's name and phone), what,
 * where, how many people, and how it came in. {@code receivedAt} defaults to now; staff
 * may backdate it by up to 30 days for letters and walk-ins entered later.
 */
public record NewAppeal(@Nullable Long personId, @Nullable String callerName, @Nullable String callerPhone,
		List<Long> coSignerIds, @Nullable String categoryCode, @Nullable Channel channel, @Nullable String title,
		@Nullable String description, @Nullable Long placeId, @Nullable Integer peopleCount, boolean escalated,
		boolean confidential, @Nullable Instant receivedAt) {
}
