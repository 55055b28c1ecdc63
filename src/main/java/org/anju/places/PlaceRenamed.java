package org.anju.places;

import org.anju.shared.CommunityId;

/**
 * A place got a new name, so addresses under it read differently now.
 */
public record PlaceRenamed(CommunityId community, long placeId, PlaceKind kind, String name) {
}
