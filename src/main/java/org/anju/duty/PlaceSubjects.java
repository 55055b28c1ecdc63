package org.anju.duty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.identity.DataScope;
import org.anju.identity.Role;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

/**
 * Reads areas, grids and buildings for the matrix and the unit tree: the whole community,
 * as work that answers to no caller does.
 */
final class PlaceSubjects {

	private PlaceSubjects() {
	}

	static DataScope wholeCommunity(CommunityId community) {
		return new DataScope(community.value(), Role.ADMIN, Set.of(), null, null);
	}

	static List<Place> list(PlaceManagement places, CommunityId community, PlaceKind kind, @Nullable Long parentId) {
		return places.list(wholeCommunity(community), kind, parentId);
	}

	static @Nullable Long number(String key) {
		try {
			return Long.valueOf(key);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * @param above the names of the places above, which tell apart the many grids named
	 * 第1网格
	 */
	static Subject subject(Place place, @Nullable String above, Subject.@Nullable Ref parent,
			Map<String, List<Long>> defaults) {
		String name = (above != null) ? above + " " + place.name() : place.name();
		return new Subject(place.kind().name(), Long.toString(place.id()), name, place.gridId(), parent, defaults);
	}

	static Map<Long, String> names(PlaceManagement places, CommunityId community, PlaceKind kind) {
		Map<Long, String> names = new HashMap<>();
		list(places, community, kind, null).forEach((place) -> names.put(place.id(), place.name()));
		return names;
	}

	static String name(PlaceManagement places, CommunityId community, @Nullable Long id) {
		return (id == null) ? "" : places.find(community, id).map(Place::name).orElse("");
	}

}
