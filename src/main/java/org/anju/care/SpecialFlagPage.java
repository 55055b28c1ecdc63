package org.anju.care;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a special list, and the cursor of the next page.
 */
public record SpecialFlagPage(List<SpecialFlag> items, @Nullable String next, long total) {
}
