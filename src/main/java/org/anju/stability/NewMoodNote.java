package org.anju.stability;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What filing a mood note takes. Codes and the date arrive as text and are checked with
 * the rest, so that every broken rule is named at once.
 *
 * @param subjectType {@code PERSON} with a {@code personId}, or {@code GROUP} with a
 * {@code groupCode}
 * @param gridId the grid a group note was taken in; a person's note lies in the person's
 * grid
 * @param date the day it was noted, {@code YYYY-MM-DD}, not after today
 * @param topics appeal category codes
 * @param tags free tags, at most ten of at most twenty characters each
 */
public record NewMoodNote(@Nullable String subjectType, @Nullable Long personId, @Nullable String groupCode,
		@Nullable Long gridId, @Nullable String date, @Nullable String source, @Nullable String mood,
		List<String> topics, List<String> tags, @Nullable String summary) {

	public NewMoodNote {
		topics = (topics != null) ? List.copyOf(topics) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}
