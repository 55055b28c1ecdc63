package org.anju.stability;

import java.time.LocalDate;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * A grid has not reported on its round's deadline day: notifications remind its grid
 * workers. Published once per grid and round.
 */
public record ScreeningReportDue(CommunityId community, long roundId, String period, long gridId, @Nullable Long areaId,
		LocalDate deadline) {
}
