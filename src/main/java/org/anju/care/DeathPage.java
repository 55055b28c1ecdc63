package org.anju.care;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of registered deaths, and the cursor of the next page.
 */
public record DeathPage(List<Death> items, @Nullable String next, long total) {
}
