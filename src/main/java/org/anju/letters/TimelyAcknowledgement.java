package org.anju.letters;

import java.time.Instant;

import org.anju.shared.CommunityId;
import org.anju.shared.Territory;
import org.anju.stability.StabilityInScope;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 预警按时签收率: of the warnings raised within the period whose time to acknowledge has come,
 * the share acknowledged in time; the misses are the others.
 */
@Component
@Order(70)
class TimelyAcknowledgement implements Metric {

	private final StabilityInScope stability;

	TimelyAcknowledgement(StabilityInScope stability) {
		this.stability = stability;
	}

	@Override
	public String code() {
		return "TIMELY_ACKNOWLEDGEMENT";
	}

	@Override
	public Measure measure() {
		return Measure.RATE;
	}

	@Override
	public Figure figure(CommunityId community, Territory territory, Instant now) {
		StabilityInScope.Share share = this.stability.acknowledgements(community, territory, now);
		return Figure.rate(share.good(), share.total(),
				share.missIds().stream().map((id) -> new Figure.Evidence("WARNING", id, "/warnings/" + id)).toList());
	}

}
