package org.anju.places.web;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.anju.identity.CurrentUser;
import org.anju.identity.DataScope;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The places tree in the console: areas, grids, buildings, units and rooms, opened level
 * by level with htmx, with create, rename and delete in place. A grid worker's tree
 * starts at their grids. Also serves the room picker of the person form.
 */
@Controller
@PreAuthorize("hasAuthority('PLACES_READ')")
class PlaceConsole {

	static final String TREE = "places/tree";

	static final String CHILDREN = "places/tree :: children";

	static final String NODE = "places/tree :: node";

	static final String PICKER = "places/picker :: picker";

	private final PlaceManagement places;

	PlaceConsole(PlaceManagement places) {
		this.places = places;
	}

	@GetMapping("/places")
	String tree(@AuthenticationPrincipal CurrentUser user, Model model) {
		roots(user, model);
		return TREE;
	}

	@GetMapping("/places/{id}/children")
	String children(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
		Place parent = this.places.get(user, id);
		model.addAttribute("parent", parent);
		model.addAttribute("children", this.places.list(user.scope(), null, id));
		model.addAttribute("childKinds", childKinds(parent.kind()));
		return CHILDREN;
	}

	@PostMapping("/places")
	@PreAuthorize("hasAuthority('PLACES_WRITE')")
	String create(@AuthenticationPrincipal CurrentUser user, @RequestParam PlaceKind kind, @RequestParam String name,
			@RequestParam(required = false) @Nullable Long parentId, Model model) {
		this.places.create(user, kind, name, parentId);
		if (parentId == null) {
			roots(user, model);
			return CHILDREN;
		}
		return children(user, parentId, model);
	}

	@PostMapping("/places/{id}/rename")
	@PreAuthorize("hasAuthority('PLACES_WRITE')")
	String rename(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
			@RequestParam String name, Model model) {
		model.addAttribute("place", this.places.rename(user, id, version, name));
		return NODE;
	}

	@PostMapping("/places/{id}/delete")
	@PreAuthorize("hasAuthority('PLACES_WRITE')")
	@ResponseBody
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version) {
		this.places.delete(user, id, version);
		// htmx swaps the node for nothing
		return "";
	}

	/**
	 * The cascading selects area → grid → building → unit → room of the person form. Each
	 * choice that does not belong to the level above is dropped, with everything below
	 * it. A room ID typed into the lookup field, or the form's room on first load, fills
	 * in every level above it.
	 */
	@GetMapping("/places/picker")
	String picker(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long areaId,
			@RequestParam(required = false) @Nullable Long gridId,
			@RequestParam(required = false) @Nullable Long buildingId,
			@RequestParam(required = false) @Nullable Long unitId,
			@RequestParam(required = false) @Nullable Long roomId,
			@RequestParam(required = false) @Nullable Long lookupRoomId, Model model) {
		DataScope scope = user.scope();
		Long anchor = (lookupRoomId != null) ? lookupRoomId
				: (areaId == null && gridId == null && buildingId == null) ? roomId : null;
		if (anchor != null) {
			Place room = this.places.get(user, anchor);
			if (room.kind() != PlaceKind.ROOM) {
				model.addAttribute("lookupError", true);
			}
			else {
				Place parent = this.places.get(user, Objects.requireNonNull(room.parentId()));
				areaId = room.areaId();
				gridId = room.gridId();
				unitId = (parent.kind() == PlaceKind.UNIT) ? parent.id() : null;
				buildingId = (parent.kind() == PlaceKind.UNIT) ? parent.parentId() : parent.id();
				roomId = room.id();
			}
		}
		boolean whole = scope.wholeCommunity();
		List<Place> areas = whole ? this.places.list(scope, PlaceKind.AREA, null) : List.of();
		Long area = pick(areas, areaId);
		List<Place> grids = !whole ? this.places.list(scope, PlaceKind.GRID, null)
				: (area != null) ? this.places.list(scope, PlaceKind.GRID, area) : List.of();
		Long grid = pick(grids, gridId);
		List<Place> buildings = (grid != null) ? this.places.list(scope, PlaceKind.BUILDING, grid) : List.of();
		Long building = pick(buildings, buildingId);
		List<Place> units = (building != null) ? this.places.list(scope, PlaceKind.UNIT, building) : List.of();
		Long unit = pick(units, unitId);
		Long roomParent = (unit != null) ? unit : building;
		List<Place> rooms = (roomParent != null) ? this.places.list(scope, PlaceKind.ROOM, roomParent) : List.of();
		model.addAttribute("whole", whole);
		model.addAttribute("areas", areas);
		model.addAttribute("areaId", area);
		model.addAttribute("grids", grids);
		model.addAttribute("gridId", grid);
		model.addAttribute("buildings", buildings);
		model.addAttribute("buildingId", building);
		model.addAttribute("units", units);
		model.addAttribute("unitId", unit);
		model.addAttribute("rooms", rooms);
		model.addAttribute("roomId", pick(rooms, roomId));
		return PICKER;
	}

	private void roots(CurrentUser user, Model model) {
		boolean whole = user.scope().wholeCommunity();
		model.addAttribute("parent", null);
		model.addAttribute("children", this.places.list(user.scope(), whole ? PlaceKind.AREA : PlaceKind.GRID, null));
		model.addAttribute("childKinds", whole ? List.of(PlaceKind.AREA) : List.of());
	}

	private static List<PlaceKind> childKinds(PlaceKind parent) {
		return Arrays.stream(PlaceKind.values()).filter((kind) -> kind.parents().contains(parent)).toList();
	}

	private static @Nullable Long pick(List<Place> options, @Nullable Long chosen) {
		return (chosen != null && options.stream().anyMatch((place) -> place.id() == chosen)) ? chosen : null;
	}

}
