package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * Collective appeals (集体访, five or more people) open or received in the last 90 days,
 * each counting one.
 */
@Component
class CollectiveAppeals extends AppealCountSignal {

	CollectiveAppeals() {
		super("COLLECTIVE_APPEALS", 6, AppealSignals.Measure.COLLECTIVE);
	}

}
