package org.anju.places;

import org.jspecify.annotations.Nullable;

/**
 * A room named by its path of names, as a roster gives it. The unit may be missing.
 */
public record PlacePath(String area, String grid, String building, @Nullable String unit, String room) {
}
