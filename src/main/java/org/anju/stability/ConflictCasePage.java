package org.anju.stability;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of conflict cases, the cursor of the next, and how many match in all (capped).
 */
public record ConflictCasePage(List<ConflictCaseView> items, @Nullable String next, long total, boolean totalCapped) {
}
