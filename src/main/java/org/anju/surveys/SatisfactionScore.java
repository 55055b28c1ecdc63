package org.anju.surveys;

import org.jspecify.annotations.Nullable;

/**
 * The satisfaction index of one bucket (a service line, a month, an interest group or an
 * area) with what it is made of. {@code index} is {@code null} when nothing was measured.
 * See docs/SATISFACTION.md for the formula.
 */
public record SatisfactionScore(String key, String name, @Nullable Double index, @Nullable Double callbackScore,
		int callbacks, @Nullable Double surveyScore, int responses) {
}
