package org.anju.appeals;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a work queue, the cursor of the next, and how many match in all (capped).
 */
public record AppealPage(List<AppealView> items, @Nullable String next, long total, boolean totalCapped) {
}
