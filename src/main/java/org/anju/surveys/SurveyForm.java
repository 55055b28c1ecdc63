package org.anju.surveys;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the questionnaire editor sends: the service line (fixed once created), a title, an
 * optional description and the questions in order.
 */
public record SurveyForm(@Nullable ServiceLine serviceLine, @Nullable String title, @Nullable String description,
		@Nullable List<QuestionForm> questions) {

	/**
	 * One question as typed: options only for single and multiple choice; required
	 * defaults to true.
	 */
	public record QuestionForm(@Nullable QuestionType type, @Nullable String text, @Nullable List<String> options,
			@Nullable Boolean required) {
	}

}
