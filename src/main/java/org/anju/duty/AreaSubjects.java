package org.anju.duty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;

import org.springframework.stereotype.Component;

/**
 * Every area (片区) of the places tree: the top of the matrix, answered for by a leader and
 * an area head named in it.
 */
@Component
class AreaSubjects implements SubjectSource {

	private final PlaceManagement places;

	AreaSubjects(PlaceManagement places) {
		this.places = places;
	}

	@Override
	public String type() {
		return "AREA";
	}

	@Override
	public List<Subject> all(CommunityId community) {
		return PlaceSubjects.list(this.places, community, PlaceKind.AREA, null)
			.stream()
			.map((area) -> PlaceSubjects.subject(area, null, null, Map.of()))
			.toList();
	}

	@Override
	public Optional<Subject> find(CommunityId community, String key) {
		Long id = PlaceSubjects.number(key);
		return (id == null) ? Optional.empty()
				: this.places.find(community, id)
					.filter((place) -> place.kind() == PlaceKind.AREA)
					.map((area) -> PlaceSubjects.subject(area, null, null, Map.of()));
	}

}
