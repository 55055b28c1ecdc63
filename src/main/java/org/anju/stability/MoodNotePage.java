package org.anju.stability;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of mood notes, the cursor of the next, and how many match in all (capped).
 */
public record MoodNotePage(List<MoodNote> items, @Nullable String next, long total, boolean totalCapped) {
}
