package org.anju.surveys;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Answers that staff took: the campaign, the sampled person, phone or visit, and the
 * answers by question key: a rating 1–5, an option, a list of options, or text.
 */
public record NewResponse(@Nullable Long campaignId, @Nullable Long personId, @Nullable ResponseChannel channel,
		@Nullable Map<String, Object> answers) {
}
