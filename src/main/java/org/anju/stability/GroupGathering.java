package org.anju.stability;

import java.time.Duration;

import org.anju.appeals.AppealSignals;

import org.springframework.stereotype.Component;

/**
 * A collective-incident early sign (群体性苗头) in the appeals: {@value #MIN_PEOPLE} or more
 * distinct people of one interest group raised one category within 7 days. The value is
 * the number of such categories; the detail names each with its number of people.
 */
@Component
class GroupGathering implements Signal {

	static final int MIN_PEOPLE = 5;

	private final AppealSignals appeals;

	GroupGathering(AppealSignals appeals) {
		this.appeals = appeals;
	}

	@Override
	public String code() {
		return "COLLECTIVE_CATEGORY";
	}

	@Override
	public double defaultWeight() {
		return 25;
	}

	@Override
	public boolean collective() {
		return true;
	}

	@Override
	public void measure(RiskRun run) {
		for (AppealSignals.Gathering gathering : this.appeals.gatherings(run.community(), run.now(), Duration.ofDays(7),
				MIN_PEOPLE, run.groupCodes())) {
			run.add(RiskSubject.of(RiskSubject.Type.GROUP, gathering.groupCode()).key(), code(), 1,
					Evidence.of("APPEAL", gathering.appealIds()),
					gathering.categoryCode() + " × " + gathering.people());
		}
	}

}
