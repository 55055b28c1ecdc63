package org.anju.stability;

import org.anju.appeals.AppealSignals;

/**
 * A signal whose value is how many of a subject's appeals count as one measure of the
 * appeals module, with those appeals as its evidence. The appeals are read through
 * {@link AppealSignals}, once per run for every such signal.
 */
abstract class AppealCountSignal implements Signal {

	private final String code;

	private final double defaultWeight;

	private final AppealSignals.Measure measure;

	AppealCountSignal(String code, double defaultWeight, AppealSignals.Measure measure) {
		this.code = code;
		this.defaultWeight = defaultWeight;
		this.measure = measure;
	}

	@Override
	public String code() {
		return this.code;
	}

	@Override
	public double defaultWeight() {
		return this.defaultWeight;
	}

	@Override
	public void measure(RiskRun run) {
		for (AppealSignals.Tally tally : run.appealTallies()) {
			AppealSignals.Count count = tally.of(this.measure);
			run.add(tally.subject(), this.code, count.value(), Evidence.of("APPEAL", count.appealIds()), null);
		}
	}

}
