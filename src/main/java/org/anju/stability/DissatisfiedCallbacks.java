package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * Appeals whose callback was 不满意, open or received in the last 90 days, each counting
 * one.
 */
@Component
class DissatisfiedCallbacks extends AppealCountSignal {

	DissatisfiedCallbacks() {
		super("DISSATISFIED_CALLBACKS", 4, AppealSignals.Measure.DISSATISFIED);
	}

}
