package org.anju.places;

import java.util.List;
import java.util.Map;

/**
 * What ensuring a set of roster paths did: the address of every path, and the places it
 * created.
 */
public record PlaceTreeChange(Map<PlacePath, Address> addresses, List<CreatedPlace> created) {

	/**
	 * A place that did not exist and was created, reported to the user by kind and name.
	 */
	public record CreatedPlace(PlaceKind kind, String name) {
	}

}
