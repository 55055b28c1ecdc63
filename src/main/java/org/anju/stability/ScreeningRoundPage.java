package org.anju.stability;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of screening rounds, the latest first; in a list each round carries its counts
 * but not its grids.
 */
public record ScreeningRoundPage(List<ScreeningRound> items, @Nullable String next) {
}
