package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * Reopened appeals (重新办理) open or received in the last 90 days, each counting one.
 */
@Component
class ReopenedAppeals extends AppealCountSignal {

	ReopenedAppeals() {
		super("REOPENED_APPEALS", 3, AppealSignals.Measure.REOPENED);
	}

}
