package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * Open appeals (在办诉求): each appeal received, assigned or in progress counts one.
 */
@Component
class OpenAppeals extends AppealCountSignal {

	OpenAppeals() {
		super("OPEN_APPEALS", 1, AppealSignals.Measure.OPEN);
	}

}
