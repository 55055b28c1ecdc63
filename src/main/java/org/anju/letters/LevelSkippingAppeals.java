package org.anju.letters;

import java.time.Instant;

import org.anju.appeals.AppealsInScope;
import org.anju.shared.CommunityId;
import org.anju.shared.Territory;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 越级访: the period's appeals that skipped levels to a higher authority.
 */
@Component
@Order(30)
class LevelSkippingAppeals implements Metric {

	private final AppealsInScope appeals;

	LevelSkippingAppeals(AppealsInScope appeals) {
		this.appeals = appeals;
	}

	@Override
	public String code() {
		return "ESCALATED_APPEALS";
	}

	@Override
	public Measure measure() {
		return Measure.COUNT;
	}

	@Override
	public Figure figure(CommunityId community, Territory territory, Instant now) {
		AppealsInScope.Figures f = this.appeals.figures(community, territory, now);
		return Figure.count(f.escalated(), Figure.Evidence.appeals(f.escalatedIds()));
	}

}
