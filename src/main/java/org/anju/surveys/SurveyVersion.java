package org.anju.surveys;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One numbered version of a questionnaire: a draft until published, frozen after.
 */
public record SurveyVersion(int number, String title, @Nullable String description, List<Question> questions,
		@Nullable Instant publishedAt, @Nullable String publishedBy) {

	public boolean published() {
		return this.publishedAt != null;
	}

}
