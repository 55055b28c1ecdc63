package org.anju.letters;

import java.time.Instant;

import org.anju.care.VisitsInScope;
import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 高龄老人走访覆盖率: of the registered residents of the territory aged 80 or more, the share
 * visited within the period; the misses are the people not visited.
 */
@Component
@Order(90)
class ElderlyVisits implements Metric {

	private final VisitsInScope visits;

	ElderlyVisits(VisitsInScope visits) {
		this.visits = visits;
	}

	@Override
	public String code() {
		return "ELDERLY_VISITS";
	}

	@Override
	public Measure measure() {
		return Measure.RATE;
	}

	@Override
	public Figure figure(CommunityId community, Territory territory, Instant now) {
		VisitsInScope.Coverage coverage = this.visits.elderly(community, territory);
		return Figure.rate(coverage.visited(), coverage.total(),
				coverage.missedIds().stream().map((id) -> new Figure.Evidence("PERSON", id, "/people/" + id)).toList());
	}

}
