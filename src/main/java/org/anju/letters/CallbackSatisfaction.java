package org.anju.letters;

import java.time.Instant;

import org.anju.appeals.AppealsInScope;
import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 回访满意率: of the period's appeals called back, the share whose resident was not 不满意; the
 * misses are the dissatisfied.
 */
@Component
@Order(20)
class CallbackSatisfaction implements Metric {

	private final AppealsInScope appeals;

	CallbackSatisfaction(AppealsInScope appeals) {
		this.appeals = appeals;
	}

	@Override
	public String code() {
		return "CALLBACK_SATISFACTION";
	}

	@Override
	public Measure measure() {
		return Measure.RATE;
	}

	@Override
	public Figure figure(CommunityId community, Territory territory, Instant now) {
		AppealsInScope.Figures f = this.appeals.figures(community, territory, now);
		return Figure.rate(f.satisfied(), f.calledBack(), Figure.Evidence.appeals(f.dissatisfiedIds()));
	}

}
