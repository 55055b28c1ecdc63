package org.anju.places;

import org.jspecify.annotations.Nullable;

/**
 * Where a room is: its area and grid, and the full address as people read it.
 */
public record Address(long roomId, @Nullable Long areaId, @Nullable Long gridId, String text) {
}
