package org.anju.care;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A visit list with one page of its entries within the caller's grids, open ones first,
 * then by name.
 */
public record VisitListDetail(VisitList list, List<VisitEntry> entries, @Nullable String next, long total) {
}
