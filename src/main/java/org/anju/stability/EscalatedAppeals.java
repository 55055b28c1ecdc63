package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * Appeals that skipped levels (越级访) open or received in the last 90 days, each counting
 * one.
 */
@Component
class EscalatedAppeals extends AppealCountSignal {

	EscalatedAppeals() {
		super("ESCALATED_APPEALS", 6, AppealSignals.Measure.ESCALATED);
	}

}
