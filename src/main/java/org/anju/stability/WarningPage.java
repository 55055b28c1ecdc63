package org.anju.stability;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of warnings, the newest first.
 */
public record WarningPage(List<WarningView> items, @Nullable String next, long total, boolean totalCapped) {
}
