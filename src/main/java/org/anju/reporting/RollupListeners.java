package org.anju.reporting;

import org.anju.stability.ConflictCaseChanged;
import org.anju.stability.ScreeningGridLate;
import org.anju.stability.ScreeningGridReported;
import org.anju.stability.ScreeningRoundOpened;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the stability rollups up to date (the appeal figures are kept by
 * {@link AppealRollupQueue}). Every event only names what changed: the rollup reads it as
 * it stands now, so a replayed or late event writes the same figures.
 */
@Component
class RollupListeners {

	private final StabilityRollup stability;

	RollupListeners(StabilityRollup stability) {
		this.stability = stability;
	}

	@ApplicationModuleListener
	void on(ConflictCaseChanged event) {
		this.stability.refreshCase(event.community(), event.caseId());
	}

	@ApplicationModuleListener
	void on(ScreeningRoundOpened event) {
		this.stability.refreshRound(event.community(), event.roundId());
	}

	@ApplicationModuleListener
	void on(ScreeningGridReported event) {
		this.stability.refreshRound(event.community(), event.roundId());
	}

	@ApplicationModuleListener
	void on(ScreeningGridLate event) {
		this.stability.refreshRound(event.community(), event.roundId());
	}

}
