package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * Repeat appeals (重复访) open or received in the last 90 days, each counting one.
 */
@Component
class RepeatAppeals extends AppealCountSignal {

	RepeatAppeals() {
		super("REPEAT_APPEALS", 3, AppealSignals.Measure.REPEAT);
	}

}
