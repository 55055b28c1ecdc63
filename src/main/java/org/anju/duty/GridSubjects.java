package org.anju.duty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.identity.UserManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Every grid (网格). The grid workers whose accounts are assigned the grid answer for it at
 * the grid worker level unless the matrix names someone; its area answers above.
 */
@Component
class GridSubjects implements SubjectSource {

	private final PlaceManagement places;

	private final UserManagement users;

	GridSubjects(PlaceManagement places, UserManagement users) {
		this.places = places;
		this.users = users;
	}

	@Override
	public String type() {
		return "GRID";
	}

	@Override
	public List<Subject> all(CommunityId community) {
		Map<Long, String> areas = PlaceSubjects.names(this.places, community, PlaceKind.AREA);
		return PlaceSubjects.list(this.places, community, PlaceKind.GRID, null)
			.stream()
			.map((grid) -> subject(community, grid, areas.get(grid.areaId())))
			.toList();
	}

	@Override
	public Optional<Subject> find(CommunityId community, String key) {
		Long id = PlaceSubjects.number(key);
		return (id == null) ? Optional.empty()
				: this.places.find(community, id)
					.filter((place) -> place.kind() == PlaceKind.GRID)
					.map((grid) -> subject(community, grid, PlaceSubjects.name(this.places, community, grid.areaId())));
	}

	private Subject subject(CommunityId community, Place grid, @Nullable String areaName) {
		Subject.Ref area = (grid.areaId() != null) ? new Subject.Ref("AREA", Long.toString(grid.areaId())) : null;
		return PlaceSubjects.subject(grid, areaName, area,
				Map.of("GRID_WORKER", this.users.gridWorkerIds(community, grid.id())));
	}

}
