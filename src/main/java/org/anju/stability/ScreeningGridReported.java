package org.anju.stability;

import org.anju.shared.CommunityId;

/**
 * A grid filed its report in a screening round: a zero report, or so many findings.
 */
public record ScreeningGridReported(CommunityId community, long roundId, long gridId, boolean zeroReport, int findings,
		boolean late) {
}
