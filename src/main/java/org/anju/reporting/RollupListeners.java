package org.anju.reporting;

import org.anju.appeals.AppealChanged;
import org.anju.appeals.AppealSubmitted;
import org.anju.stability.ConflictCaseChanged;
import org.anju.stability.ScreeningGridLate;
import org.anju.stability.ScreeningGridReported;
import org.anju.stability.ScreeningRoundOpened;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the rollups up to date. Every event only names what changed: the rollup reads it
 * as it stands now, so a replayed or late event writes the same figures.
 */
@Component
class RollupListeners {

	private final AppealRollup appeals;

	private final StabilityRollup stability;

	RollupListeners(AppealRollup appeals, StabilityRollup stability) {
		this.appeals = appeals;
		this.stability = stability;
	}

	@ApplicationModuleListener
	void on(AppealSubmitted event) {
		this.appeals.refresh(event.community(), event.appealId());
	}

	@ApplicationModuleListener
	void on(AppealChanged event) {
		this.appeals.refresh(event.community(), event.appealId());
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
