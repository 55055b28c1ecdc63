package org.anju.stability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A subject's risk as the API shows it: the points of its contributions add up to its
 * score.
 *
 * @param id a number, or an interest group's code
 * @param computedAt when the score was computed; {@literal null} for a subject that has
 * no signal, whose score is zero
 */
record RiskView(String subjectType, Object id, BigDecimal score, @Nullable WarningLevel level,
		List<Contribution> contributions, int modelVersion, @Nullable Instant computedAt) {
}
