package org.anju.stability;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;

import org.springframework.stereotype.Component;

/**
 * Closeness to a sensitive date (敏感日期临近): from {@code leadDays} before the date until it
 * ends, each group it concerns (every active group when it names none) and the community
 * carry a value that grows from 1 when the window opens to 2 on the day itself and stays
 * 2 while it lasts. A date alone is no unrest; it makes the signals already there weigh
 * more, which is why its weight is modest.
 */
@Component
class SensitiveDateCloseness implements Signal {

	private final SensitiveDates dates;

	private final InterestGroups groups;

	SensitiveDateCloseness(SensitiveDates dates, InterestGroups groups) {
		this.dates = dates;
		this.groups = groups;
	}

	@Override
	public String code() {
		return "SENSITIVE_DATE";
	}

	@Override
	public double defaultWeight() {
		return 5;
	}

	@Override
	public void measure(RiskRun run) {
		List<SensitiveDate> near = this.dates.within(run.community(), run.today(), run.today());
		if (near.isEmpty()) {
			return;
		}
		List<String> active = this.groups.all(run.community())
			.stream()
			.filter(InterestGroup::active)
			.map(InterestGroup::code)
			.toList();
		for (SensitiveDate date : near) {
			long daysLeft = Math.max(0, ChronoUnit.DAYS.between(run.today(), date.startsOn()));
			double value = (date.leadDays() == 0) ? 2
					: Math.round((2 - (double) daysLeft / date.leadDays()) * 100) / 100.0;
			List<Evidence> evidence = List.of(new Evidence("SENSITIVE_DATE", date.id()));
			for (String group : date.groupCodes().isEmpty() ? active : date.groupCodes()) {
				run.add("GROUP:" + group, code(), value, evidence, date.title());
			}
			run.add("COMMUNITY:" + run.community().value(), code(), value, evidence, date.title());
		}
	}

}
