package org.anju.places;

import org.jspecify.annotations.Nullable;

/**
 * A place in the tree, with the area and grid it lies in (a grid lies in itself).
 */
public record Place(long id, PlaceKind kind, String name, @Nullable Long parentId, @Nullable Long areaId,
		@Nullable Long gridId, long version) {
}
