package org.anju.care;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of care visits, the latest first.
 */
public record VisitPage(List<CareVisit> items, @Nullable String next, long total) {
}
