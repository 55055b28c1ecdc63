package org.anju.letters;

import java.time.Instant;

import org.anju.shared.CommunityId;
import org.anju.shared.Territory;
import org.anju.stability.StabilityInScope;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 排查按时上报率: each grid's report in each screening round due within the period, the share
 * made by the deadline; the misses name the rounds.
 */
@Component
@Order(50)
class OnTimeScreening implements Metric {

	private final StabilityInScope stability;

	OnTimeScreening(StabilityInScope stability) {
		this.stability = stability;
	}

	@Override
	public String code() {
		return "ON_TIME_SCREENING";
	}

	@Override
	public Measure measure() {
		return Measure.RATE;
	}

	@Override
	public Figure figure(CommunityId community, Territory territory, Instant now) {
		StabilityInScope.Share share = this.stability.screenings(community, territory,
				now.atZone(Territory.ZONE).toLocalDate());
		return Figure.rate(share.good(), share.total(),
				share.missIds()
					.stream()
					.map((id) -> new Figure.Evidence("SCREENING_ROUND", id, "/screening?roundId=" + id))
					.toList());
	}

}
