package org.anju.stability;

import org.anju.shared.CommunityId;

/**
 * A warning was closed with a disposition: nobody answers for it any longer, so the
 * responsibility matrix's coverage check drops it.
 */
public record WarningClosed(CommunityId community, long warningId, Disposition disposition) {
}
