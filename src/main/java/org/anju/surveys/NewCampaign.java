package org.anju.surveys;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A campaign to open: the questionnaire (its published version is asked), how many people
 * to draw, the seed (chosen at random when absent), an optional area and interest group
 * to draw from, and the days it is open.
 */
public record NewCampaign(@Nullable Long surveyId, @Nullable String title, @Nullable Integer sampleSize,
		@Nullable Long seed, @Nullable Long areaId, @Nullable String groupCode, @Nullable LocalDate opensOn,
		@Nullable LocalDate closesOn) {
}
