package org.anju.surveys;

import java.util.List;

/**
 * One question of a questionnaire version. {@code key} ({@code q1}, {@code q2}, …) names
 * its answer; {@code options} is empty for ratings and text.
 */
public record Question(String key, QuestionType type, String text, List<String> options, boolean required) {

	public Question {
		options = List.copyOf(options);
	}

}
