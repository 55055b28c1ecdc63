package org.anju.care;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of visit lists, the latest due first.
 */
public record VisitListPage(List<VisitList> items, @Nullable String next, long total) {
}
