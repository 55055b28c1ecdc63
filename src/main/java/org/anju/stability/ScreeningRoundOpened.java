package org.anju.stability;

import java.time.LocalDate;

import org.anju.shared.CommunityId;

/**
 * A screening round opened for every grid of the community.
 */
public record ScreeningRoundOpened(CommunityId community, long roundId, String period, LocalDate deadline, int grids) {
}
