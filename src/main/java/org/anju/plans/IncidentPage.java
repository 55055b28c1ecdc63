package org.anju.plans;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of incidents, newest first, with the cursor of the next page.
 */
public record IncidentPage(List<IncidentSummary> items, @Nullable String next, int total) {

}
