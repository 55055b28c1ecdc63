package org.anju.stability;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * A sudden rise (突增) in an interest group's or a grid's appeals: the appeals of the last
 * 7 days beyond the weekly average of the 8 weeks before, counted only when there are at
 * least {@value #MIN_WEEK} this week and at least twice that average. The week's appeals
 * are its evidence.
 */
@Component
class SuddenRise implements Signal {

	static final int MIN_WEEK = 3;

	private final AppealSignals appeals;

	SuddenRise(AppealSignals appeals) {
		this.appeals = appeals;
	}

	@Override
	public String code() {
		return "SUDDEN_RISE";
	}

	@Override
	public double defaultWeight() {
		return 3;
	}

	@Override
	public void measure(RiskRun run) {
		for (AppealSignals.Rise rise : this.appeals.rises(run.community(), run.now(), run.subjects())) {
			double average = rise.baseline() / 8.0;
			if (rise.week() >= MIN_WEEK && rise.week() >= 2 * average) {
				run.add(rise.subject(), code(), rise.week() - average, Evidence.of("APPEAL", rise.weekIds()),
						rise.week() + "/" + String.format(java.util.Locale.ROOT, "%.1f", average));
			}
		}
	}

}
