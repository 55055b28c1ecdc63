package org.anju.appeals;

import java.time.Instant;
import java.util.Set;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * An appeal was taken in, with the warning signs it already carries.
 *
 * @param routing the assignment that intake's routing made in the same transaction, or
 * {@literal null} when the appeal waits in the dispatch queue; no separate
 * {@link AppealChanged} is published for it, so a listener of assignments listens here
 * too
 */
public record AppealSubmitted(CommunityId community, long appealId, @Nullable Long personId, String categoryCode,
		Set<AppealFlag> flags, Instant receivedAt, @Nullable AppealChanged routing) {
}
