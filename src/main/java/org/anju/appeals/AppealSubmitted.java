package org.anju.appeals;

import java.time.Instant;
import java.util.Set;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * An appeal was taken in, with the warning signs it already carries. It is published in
 * the intake's transaction before the appeal's row is written, and that transaction may
 * write the appeals of other requests too: a listener that runs in the transaction may
 * mark the appeal but must not read it; one that runs after the commit finds it.
 *
 * @param routing the assignment that intake's routing made in the same transaction, or
 * {@literal null} when the appeal waits in the dispatch queue; no separate
 * {@link AppealChanged} is published for it, so a listener of assignments listens here
 * too
 */
public record AppealSubmitted(CommunityId community, long appealId, @Nullable Long personId, String categoryCode,
		Set<AppealFlag> flags, Instant receivedAt, @Nullable AppealChanged routing) {
}
