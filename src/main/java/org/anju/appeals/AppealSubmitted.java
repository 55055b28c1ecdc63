package org.anju.appeals;

import java.time.Instant;
import java.util.Set;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * An appeal was taken in, with the warning signs it already carries.
 */
public record AppealSubmitted(CommunityId community, long appealId, @Nullable Long personId, String categoryCode,
		Set<AppealFlag> flags, Instant receivedAt) {
}
