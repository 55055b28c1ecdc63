package org.anju.surveys;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One person's answers in a campaign. {@code score} is the mean of its ratings on 0–100
 * ({@code (rating - 1) × 25}), {@code null} without ratings; {@code lowScore} when a
 * rating is 2 or less; {@code appealId} once it has been turned into an appeal.
 */
public record SurveyResponse(long id, long campaignId, long personId, ServiceLine serviceLine, ResponseChannel channel,
		Map<String, Object> answers, @Nullable Double score, boolean lowScore, boolean hasText, @Nullable Long appealId,
		String takenBy, Instant answeredAt, long version) {
}
