package org.anju.appeals;

import org.jspecify.annotations.Nullable;

/**
 * What a resident fills in on the portal: the category, a title and a description. Who
 * and where come from their account: their person, and the room they live in.
 */
public record ResidentAppeal(@Nullable String categoryCode, @Nullable String title, @Nullable String description) {
}
