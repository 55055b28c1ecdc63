package org.anju.letters;

import java.time.Instant;

import org.anju.appeals.AppealsInScope;
import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 群体性事件: the period's collective appeals (集体访, five or more people), the usual one-vote
 * veto.
 */
@Component
@Order(40)
class CollectiveIncidents implements Metric {

	private final AppealsInScope appeals;

	CollectiveIncidents(AppealsInScope appeals) {
		this.appeals = appeals;
	}

	@Override
	public String code() {
		return "COLLECTIVE_APPEALS";
	}

	@Override
	public Measure measure() {
		return Measure.COUNT;
	}

	@Override
	public Figure figure(CommunityId community, Territory territory, Instant now) {
		AppealsInScope.Figures f = this.appeals.figures(community, territory, now);
		return Figure.count(f.collective(), Figure.Evidence.appeals(f.collectiveIds()));
	}

}
