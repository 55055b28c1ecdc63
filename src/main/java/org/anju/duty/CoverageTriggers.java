package org.anju.duty;

import org.anju.stability.ConflictCaseChanged;
import org.anju.stability.WarningClosed;
import org.anju.stability.WarningRaised;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs the coverage check again after every change that can open or close a gap: a unit,
 * post or responsibility changed (or a {@link CoverageSource}'s item, through
 * {@link CoverageChanges}), a conflict case opened or closed, a warning raised,
 * re-levelled (sent to other people) or closed. A check is idempotent, so an event that
 * comes twice does no harm, and a check that already saw a change of duty's own is not
 * run again for it.
 */
@Component
class CoverageTriggers {

	private final Coverage coverage;

	CoverageTriggers(Coverage coverage) {
		this.coverage = coverage;
	}

	@ApplicationModuleListener
	void on(DutyChanged changed) {
		this.coverage.checkIfChanged(changed.community());
	}

	@ApplicationModuleListener
	void on(ConflictCaseChanged changed) {
		this.coverage.check(changed.community());
	}

	@ApplicationModuleListener
	void on(WarningRaised raised) {
		this.coverage.check(raised.community());
	}

	@ApplicationModuleListener
	void on(WarningClosed closed) {
		this.coverage.check(closed.community());
	}

}
