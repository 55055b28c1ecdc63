package org.anju.places;

import java.util.Set;

/**
 * The levels of the address tree: community → area 片区 → grid 网格 → building 楼栋 → unit 单元 →
 * room 房号. A room may hang directly under a building that has no units.
 */
public enum PlaceKind {

	AREA, GRID, BUILDING, UNIT, ROOM;

	/**
	 * @return the kinds that a place of this kind may hang under; none for an area
	 */
	public Set<PlaceKind> parents() {
		return switch (this) {
			case AREA -> Set.of();
			case GRID -> Set.of(AREA);
			case BUILDING -> Set.of(GRID);
			case UNIT -> Set.of(BUILDING);
			case ROOM -> Set.of(BUILDING, UNIT);
		};
	}

}
