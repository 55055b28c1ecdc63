package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * Overdue appeals (超期): open appeals past their deadline, each counting one.
 */
@Component
class OverdueAppeals extends AppealCountSignal {

	OverdueAppeals() {
		super("OVERDUE_APPEALS", 4, AppealSignals.Measure.OVERDUE);
	}

}
