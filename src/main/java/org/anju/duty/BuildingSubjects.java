package org.anju.duty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;

import org.springframework.stereotype.Component;

/**
 * Every building (楼栋), answered for by its grid's people unless the matrix names its own.
 */
@Component
class BuildingSubjects implements SubjectSource {

	private final PlaceManagement places;

	BuildingSubjects(PlaceManagement places) {
		this.places = places;
	}

	@Override
	public String type() {
		return "BUILDING";
	}

	@Override
	public List<Subject> all(CommunityId community) {
		Map<Long, String> areas = PlaceSubjects.names(this.places, community, PlaceKind.AREA);
		// grid by grid: one community-wide list would stop at the places list's cap
		return PlaceSubjects.list(this.places, community, PlaceKind.GRID, null)
			.stream()
			.flatMap((grid) -> PlaceSubjects.list(this.places, community, PlaceKind.BUILDING, grid.id())
				.stream()
				.map((building) -> subject(building, areas.get(grid.areaId()) + " " + grid.name())))
			.toList();
	}

	@Override
	public Optional<Subject> find(CommunityId community, String key) {
		Long id = PlaceSubjects.number(key);
		return (id == null) ? Optional.empty()
				: this.places.find(community, id)
					.filter((place) -> place.kind() == PlaceKind.BUILDING)
					.map((building) -> subject(building, PlaceSubjects.name(this.places, community, building.areaId())
							+ " " + PlaceSubjects.name(this.places, community, building.gridId())));
	}

	private static Subject subject(Place building, String above) {
		Subject.Ref grid = (building.gridId() != null) ? new Subject.Ref("GRID", Long.toString(building.gridId()))
				: null;
		return PlaceSubjects.subject(building, above, grid, Map.of());
	}

}
