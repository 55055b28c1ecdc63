package org.anju.stability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a backtest found: each incident of the period as a hit or a miss, and the people
 * and groups flagged without an incident to explain it.
 *
 * @param level the lowest level that counted as flagged
 * @param modelVersion the version of the model weighed, or the one a draft changes
 * @param draft whether a draft (an unsaved change of {@code modelVersion}) was weighed
 * @param millis how long it took
 */
record BacktestReport(LocalDate from, LocalDate to, int lookbackDays, WarningLevel level, int modelVersion,
		boolean draft, int hits, int misses, int falseAlarms, List<Outcome> incidents,
		List<FalseAlarm> falseAlarmSubjects, long millis) {

	/**
	 * One incident.
	 *
	 * @param kind {@code COLLECTIVE} or {@code ESCALATED}
	 * @param subjects the subject keys it concerns
	 * @param flaggedSubject the one flagged first, on a hit
	 * @param flaggedOn the first day it stood flagged in the look-back
	 * @param leadDays the days from then to the incident
	 * @param level the highest level it reached before the incident
	 * @param signals the three signals that weighed most when it was first flagged
	 */
	record Outcome(long appealId, String number, String kind, Instant receivedAt, List<String> subjects, boolean hit,
			@Nullable String flaggedSubject, @Nullable LocalDate flaggedOn, @Nullable Integer leadDays,
			@Nullable WarningLevel level, List<String> signals) {
	}

	/**
	 * A person or group flagged without an incident.
	 *
	 * @param signals the three signals that weighed most when it was first flagged
	 */
	record FalseAlarm(String subjectType, Object subjectId, LocalDate firstFlaggedOn, int daysFlagged,
			WarningLevel level, List<String> signals) {
	}

}
