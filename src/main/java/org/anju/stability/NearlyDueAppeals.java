package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * Nearly-due appeals (临期): open appeals past their warning point, each counting one.
 */
@Component
class NearlyDueAppeals extends AppealCountSignal {

	NearlyDueAppeals() {
		super("NEARLY_DUE_APPEALS", 2, AppealSignals.Measure.NEARLY_DUE);
	}

}
