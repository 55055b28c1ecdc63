package org.anju.stability;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Grades key persons from their risk scores after each run of the engine: a red or orange
 * person is grade A, a yellow one B, anyone lower C. The explanation names the level and
 * the signals that weigh most, not the score itself, so that a person whose score drifts
 * within a level is not regraded (and audited) on every run.
 */
@Component
class KeyPersonGrading {

	private static final int SIGNALS_NAMED = 3;

	private final CurrentKeyPersons current;

	private final KeyPersons keyPersons;

	KeyPersonGrading(CurrentKeyPersons current, KeyPersons keyPersons) {
		this.current = current;
		this.keyPersons = keyPersons;
	}

	/**
	 * @param subjects the subject keys the run computed, or {@literal null} for all
	 */
	void regrade(CommunityId community, List<RiskScore> computed, @Nullable Set<String> subjects) {
		Map<String, RiskScore> scores = computed.stream()
			.collect(Collectors.toMap((score) -> score.subject().key(), Function.identity()));
		for (CurrentKeyPersons.CurrentKeyPerson keyPerson : this.current.all(community)) {
			String key = "PERSON:" + keyPerson.personId();
			if (subjects == null || subjects.contains(key)) {
				RiskScore score = scores.get(key);
				WarningLevel level = (score != null) ? score.level() : null;
				this.keyPersons.regrade(community, keyPerson.personId(), grade(level), explanation(score, level));
			}
		}
	}

	static Grade grade(@Nullable WarningLevel level) {
		if (level == null || level == WarningLevel.BLUE) {
			return Grade.C;
		}
		return (level == WarningLevel.YELLOW) ? Grade.B : Grade.A;
	}

	private static String explanation(@Nullable RiskScore score, @Nullable WarningLevel level) {
		if (score == null || score.contributions().isEmpty()) {
			return "预警引擎：近期没有风险信号";
		}
		String signals = score.contributions()
			.stream()
			.limit(SIGNALS_NAMED)
			.map(Contribution::signal)
			.collect(Collectors.joining("、"));
		return "预警引擎：风险等级 " + ((level != null) ? level.name() : "未达蓝色") + "；主要信号 " + signals;
	}

}
