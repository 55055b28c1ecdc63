package org.anju.letters;

import java.time.Instant;

import org.anju.shared.CommunityId;
import org.anju.shared.Territory;
import org.anju.stability.StabilityInScope;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 矛盾化解率: of the conflict cases registered within the period, the share resolved or
 * stabilised; the misses are the cases still open.
 */
@Component
@Order(60)
class ConflictResolution implements Metric {

	private final StabilityInScope stability;

	ConflictResolution(StabilityInScope stability) {
		this.stability = stability;
	}

	@Override
	public String code() {
		return "CONFLICT_RESOLUTION";
	}

	@Override
	public Measure measure() {
		return Measure.RATE;
	}

	@Override
	public Figure figure(CommunityId community, Territory territory, Instant now) {
		StabilityInScope.Share share = this.stability.conflicts(community, territory);
		return Figure.rate(share.good(), share.total(),
				share.missIds().stream().map((id) -> new Figure.Evidence("CONFLICT", id, "/conflicts/" + id)).toList());
	}

}
