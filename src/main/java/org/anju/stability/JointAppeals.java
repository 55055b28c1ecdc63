package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * Jointly signed appeals (联名) open or received in the last 90 days, each counting one.
 */
@Component
class JointAppeals extends AppealCountSignal {

	JointAppeals() {
		super("JOINT_APPEALS", 4, AppealSignals.Measure.JOINT);
	}

}
