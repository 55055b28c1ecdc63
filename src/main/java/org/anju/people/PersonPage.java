package org.anju.people;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a search, the cursor of the next, and how many match in all (capped).
 */
public record PersonPage(List<Person> items, @Nullable String next, long total, boolean totalCapped) {
}
