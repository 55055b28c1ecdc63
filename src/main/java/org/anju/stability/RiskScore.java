package org.anju.stability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A subject's score as the engine computed it: the sum of its contributions' points, the
 * level that sum reaches, and the model version that weighed it.
 *
 * @param gridId the grid the subject lies in (a person's or a grid's own), for a grid
 * worker's reach
 */
record RiskScore(RiskSubject subject, @Nullable Long gridId, BigDecimal score, @Nullable WarningLevel level,
		List<Contribution> contributions, int modelVersion, Instant computedAt) {
}
