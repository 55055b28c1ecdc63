package org.anju.stability;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.anju.calendar.WorkingCalendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A conflict case's time limit by its risk level, in working days after the day it is
 * registered or reopened. The defaults follow the common rule of 7, 15 and 30 days for
 * ordinary, serious and major disputes; {@code anju.stability.case-days.*} changes them.
 */
@Component
class CaseDeadlines {

	private final WorkingCalendar calendar;

	private final Map<RiskLevel, Integer> days = new EnumMap<>(RiskLevel.class);

	CaseDeadlines(WorkingCalendar calendar, @Value("${anju.stability.case-days.ordinary:7}") int ordinary,
			@Value("${anju.stability.case-days.serious:15}") int serious,
			@Value("${anju.stability.case-days.major:30}") int major) {
		this.calendar = calendar;
		this.days.put(RiskLevel.ORDINARY, ordinary);
		this.days.put(RiskLevel.SERIOUS, serious);
		this.days.put(RiskLevel.MAJOR, major);
		this.days.values().forEach((limit) -> {
			if (limit < 1) {
				throw new IllegalArgumentException("anju.stability.case-days.* must be at least 1, was " + limit);
			}
		});
	}

	/**
	 * @return the due day of a case of that level that starts on {@code day}
	 */
	LocalDate dueDate(RiskLevel level, LocalDate day) {
		return this.calendar.addWorkingDays(day, this.days.get(level));
	}

	int days(RiskLevel level) {
		return this.days.get(level);
	}

}
