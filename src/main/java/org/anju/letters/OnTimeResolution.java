package org.anju.letters;

import java.time.Instant;

import org.anju.appeals.AppealsInScope;
import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 按时办结率: of the period's appeals resolved or past their deadline, the share resolved
 * within their time limit; the misses are those resolved late or still open past it.
 */
@Component
@Order(10)
class OnTimeResolution implements Metric {

	private final AppealsInScope appeals;

	OnTimeResolution(AppealsInScope appeals) {
		this.appeals = appeals;
	}

	@Override
	public String code() {
		return "ON_TIME_RESOLUTION";
	}

	@Override
	public Measure measure() {
		return Measure.RATE;
	}

	@Override
	public Figure figure(CommunityId community, Territory territory, Instant now) {
		AppealsInScope.Figures f = this.appeals.figures(community, territory, now);
		return Figure.rate(f.onTime(), f.due(), Figure.Evidence.appeals(f.lateIds()));
	}

}
