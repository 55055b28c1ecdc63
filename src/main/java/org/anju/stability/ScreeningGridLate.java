package org.anju.stability;

import java.time.LocalDate;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * A grid missed its round's deadline: the escalation goes to the head of its area
 * ({@code areaId}), whom notifications find in the organisation tree. Published once per
 * grid and round.
 */
public record ScreeningGridLate(CommunityId community, long roundId, String period, long gridId, @Nullable Long areaId,
		LocalDate deadline) {
}
