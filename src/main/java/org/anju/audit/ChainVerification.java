package org.anju.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking a community's audit chain.
 *
 * @param intact whether every sealed row still matches its hash and its predecessor
 * @param rows how many sealed rows were checked
 * @param firstBrokenId the first row whose content or link no longer matches, if any
 */
public record ChainVerification(boolean intact, long rows, @Nullable Long firstBrokenId) {
}
