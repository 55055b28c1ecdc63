package org.anju.places;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.DataScope;
import org.anju.identity.Permission;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the places tree within the caller's data scope. A grid worker sees
 * and changes only what lies in their grids; what lies elsewhere answers as if it did not
 * exist, and the attempt is audited.
 */
@Service
@Transactional
public class PlaceManagement {

	private static final String COLUMNS = "id, kind, name, parent_id, area_id, grid_id, version";

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final List<PlaceOccupancy> occupancy;

	private final ApplicationEventPublisher events;

	PlaceManagement(JdbcClient jdbc, AuditTrail audit, List<PlaceOccupancy> occupancy,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.occupancy = occupancy;
		this.events = events;
	}

	/**
	 * @throws NotFound when there is no such place, or it lies outside the caller's grids
	 */
	@Transactional(readOnly = true)
	public Place get(CurrentUser user, long id) {
		Place place = find(user.community(), id).orElseThrow(() -> new NotFound("place", id));
		// The same as identity's OutOfReach, written out: places comes before identity,
		// and
		// its module test runs without identity's beans.
		if (!user.scope().covers(place.gridId())) {
			this.audit.recordAlone(user.community(), user.username(), "ACCESS_DENIED", "PLACE", id,
					Map.of("reason", "outside data scope"));
			throw new NotFound("place", id);
		}
		return place;
	}

	/**
	 * @return the places of a kind, or the children of a parent, that the caller may see,
	 * by name
	 */
	@Transactional(readOnly = true)
	public List<Place> list(DataScope scope, @Nullable PlaceKind kind, @Nullable Long parentId) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from place
				where community_id = :c
				  and (cast(:kind as text) is null or kind = :kind)
				  and (cast(:parent as bigint) is null or parent_id = :parent)
				  and (cast(:grids as bigint[]) is null or grid_id = any(:grids))
				order by kind, length(name), name, id
				limit 5000
				""")
			.param("c", scope.communityId())
			.param("kind", (kind != null) ? kind.name() : null)
			.param("parent", parentId)
			.param("grids", scope.gridFilter())
			.query(PlaceManagement::place)
			.list();
	}

	/**
	 * Creates a place. Areas and grids belong to the community's structure and need that
	 * permission; a grid worker adds buildings, units and rooms only inside their own
	 * grids.
	 * @throws InvalidInput for a bad name or a parent of the wrong kind
	 * @throws Refused when the parent already has a place of that name
	 */
	public Place create(CurrentUser user, PlaceKind kind, String name, @Nullable Long parentId) {
		requireWrite(user, kind);
		String clean = cleanName(name);
		Place parent = null;
		if (kind == PlaceKind.AREA) {
			if (parentId != null) {
				throw new InvalidInput("parentId", "place.parent.none");
			}
		}
		else {
			if (parentId == null) {
				throw new InvalidInput("parentId", "place.parent.required");
			}
			parent = get(user, parentId);
			if (!kind.parents().contains(parent.kind())) {
				throw new InvalidInput("parentId", "place.parent.kind", parent.kind().name(), kind.name());
			}
		}
		Long areaId = (parent == null) ? null : (parent.kind() == PlaceKind.AREA ? parent.id() : parent.areaId());
		Long gridId = (parent == null || parent.kind() == PlaceKind.AREA) ? null
				: (parent.kind() == PlaceKind.GRID ? parent.id() : parent.gridId());
		long id;
		try {
			id = this.jdbc.sql("""
					insert into place (community_id, kind, name, parent_id, area_id, grid_id)
					values (:c, :kind, :name, :parent, :area, :grid) returning id
					""")
				.param("c", user.communityId())
				.param("kind", kind.name())
				.param("name", clean)
				.param("parent", parentId)
				.param("area", areaId)
				.param("grid", gridId)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("place.name.taken", clean);
		}
		if (kind == PlaceKind.AREA || kind == PlaceKind.GRID) {
			this.jdbc.sql(
					"update place set area_id = coalesce(area_id, :id), grid_id = case when kind = 'GRID' then :id else grid_id end"
							+ " where community_id = :c and id = :id")
				.param("c", user.communityId())
				.param("id", id)
				.update();
		}
		Place created = find(user.community(), id).orElseThrow();
		this.audit.record(user.community(), "PLACE_CREATED", "PLACE", id,
				detail(created.kind(), created.name(), created.parentId()));
		return created;
	}

	/**
	 * @throws StaleVersion when someone changed the place since {@code expectedVersion}
	 */
	public Place rename(CurrentUser user, long id, long expectedVersion, String name) {
		Place before = get(user, id);
		requireWrite(user, before.kind());
		String clean = cleanName(name);
		int updated;
		try {
			updated = this.jdbc.sql("""
					update place set name = :name, version = version + 1, updated_at = now()
					where community_id = :c and id = :id and version = :version
					""")
				.param("name", clean)
				.param("c", user.communityId())
				.param("id", id)
				.param("version", expectedVersion)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("place.name.taken", clean);
		}
		if (updated == 0) {
			throw new StaleVersion(before.version());
		}
		Place after = find(user.community(), id).orElseThrow();
		this.audit.record(user.community(), "PLACE_RENAMED", "PLACE", id,
				Map.of("before", before.name(), "after", after.name()));
		this.events.publishEvent(new PlaceRenamed(user.community(), id, after.kind(), after.name()));
		return after;
	}

	/**
	 * @throws Refused when the place has places under it, or people live in it
	 */
	public void delete(CurrentUser user, long id, long expectedVersion) {
		Place place = get(user, id);
		requireWrite(user, place.kind());
		if (place.version() != expectedVersion) {
			throw new StaleVersion(place.version());
		}
		long residents = this.occupancy.stream()
			.mapToLong((counter) -> counter.residentsUnder(user.community(), place))
			.sum();
		if (residents > 0) {
			throw new Refused("place.delete.occupied", place.name(), residents);
		}
		long children = this.jdbc.sql("select count(*) from place where community_id = :c and parent_id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query(Long.class)
			.single();
		if (children > 0) {
			throw new Refused("place.delete.hasChildren", place.name(), children);
		}
		this.jdbc.sql("delete from place where community_id = :c and id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.update();
		this.audit.record(user.community(), "PLACE_DELETED", "PLACE", id,
				detail(place.kind(), place.name(), place.parentId()));
	}

	/**
	 * @return the address of a room, if it is one
	 */
	@Transactional(readOnly = true)
	public Optional<Address> address(CommunityId community, long roomId) {
		return addresses(community, List.of(roomId)).values().stream().findFirst();
	}

	/**
	 * @return the address of each of the rooms that exist
	 */
	@Transactional(readOnly = true)
	public Map<Long, Address> addresses(CommunityId community, Collection<Long> roomIds) {
		if (roomIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Address> addresses = new HashMap<>();
		this.jdbc.sql("""
				with recursive up as (
				  select r.id as room_id, r.id, r.parent_id, r.name, r.kind, r.area_id, r.grid_id, 0 as depth
				  from place r where r.community_id = :c and r.id = any(:ids) and r.kind = 'ROOM'
				  union all
				  select up.room_id, p.id, p.parent_id, p.name, p.kind, up.area_id, up.grid_id, up.depth + 1
				  from up join place p on p.community_id = :c and p.id = up.parent_id
				)
				select room_id, min(area_id) as area_id, min(grid_id) as grid_id,
				       string_agg(name, ' ' order by depth desc) as text
				from up group by room_id
				""")
			.param("c", community.value())
			.param("ids", roomIds.toArray(Long[]::new))
			.query((rs, n) -> new Address(rs.getLong("room_id"), nullableLong(rs, "area_id"),
					nullableLong(rs, "grid_id"), rs.getString("text")))
			.list()
			.forEach((address) -> addresses.put(address.roomId(), address));
		return addresses;
	}

	/**
	 * Finds or creates every place on the given paths, level by level in a few set-based
	 * statements, inside the caller's transaction: a roster import creates what it names.
	 * @return the room address of every path, and the places that were created
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public PlaceTreeChange ensurePaths(CommunityId community, Collection<PlacePath> paths) {
		List<PlaceTreeChange.CreatedPlace> created = new ArrayList<>();
		Map<PlacePath, Long> areas = ensureLevel(community, PlaceKind.AREA, paths, (path) -> null, PlacePath::area,
				created);
		Map<PlacePath, Long> grids = ensureLevel(community, PlaceKind.GRID, paths, areas::get, PlacePath::grid,
				created);
		Map<PlacePath, Long> buildings = ensureLevel(community, PlaceKind.BUILDING, paths, grids::get,
				PlacePath::building, created);
		List<PlacePath> withUnit = paths.stream().filter((path) -> path.unit() != null).toList();
		Map<PlacePath, Long> units = ensureLevel(community, PlaceKind.UNIT, withUnit, buildings::get, PlacePath::unit,
				created);
		Map<PlacePath, Long> rooms = ensureLevel(community, PlaceKind.ROOM, paths,
				(path) -> (path.unit() != null) ? units.get(path) : buildings.get(path), PlacePath::room, created);
		Map<PlacePath, Address> addresses = new LinkedHashMap<>();
		for (PlacePath path : paths) {
			String text = String
				.join(" ", path.area(), path.grid(), path.building(), (path.unit() != null) ? path.unit() : "",
						path.room())
				.transform((joined) -> SPACES.matcher(joined).replaceAll(" "));
			addresses.put(path, new Address(rooms.get(path), areas.get(path), grids.get(path), text));
		}
		if (!created.isEmpty()) {
			this.audit.record(community, "PLACES_CREATED", "PLACE", "import", Map.of("count", created.size()));
		}
		return new PlaceTreeChange(addresses, created);
	}

	private Map<PlacePath, Long> ensureLevel(CommunityId community, PlaceKind kind, Collection<PlacePath> paths,
			Function<PlacePath, @Nullable Long> parentOf, Function<PlacePath, @Nullable String> nameOf,
			List<PlaceTreeChange.CreatedPlace> created) {
		Map<Key, List<PlacePath>> byKey = new LinkedHashMap<>();
		for (PlacePath path : paths) {
			byKey
				.computeIfAbsent(new Key(parentOf.apply(path), cleanName(String.valueOf(nameOf.apply(path)))),
						(key) -> new ArrayList<>())
				.add(path);
		}
		Set<Key> keys = new LinkedHashSet<>(byKey.keySet());
		Long[] parents = keys.stream().map(Key::parent).toArray(Long[]::new);
		String[] names = keys.stream().map(Key::name).toArray(String[]::new);
		this.jdbc.sql("""
				insert into place (community_id, kind, name, parent_id, area_id, grid_id)
				select :c, :kind, k.name, k.parent, p.area_id, p.grid_id
				from unnest(cast(:parents as bigint[]), cast(:names as text[])) as k(parent, name)
				left join place p on p.community_id = :c and p.id = k.parent
				on conflict (community_id, parent_id, name) do nothing
				returning name
				""")
			.param("c", community.value())
			.param("kind", kind.name())
			.param("parents", parents)
			.param("names", names)
			.query(String.class)
			.list()
			.forEach((name) -> created.add(new PlaceTreeChange.CreatedPlace(kind, name)));
		if (kind == PlaceKind.AREA || kind == PlaceKind.GRID) {
			this.jdbc.sql("""
					update place set area_id = case when kind = 'AREA' then id else area_id end,
					                 grid_id = case when kind = 'GRID' then id else grid_id end
					where community_id = :c and kind = :kind
					  and ((kind = 'AREA' and area_id is null) or (kind = 'GRID' and grid_id is null))
					""").param("c", community.value()).param("kind", kind.name()).update();
		}
		Map<Key, Long> ids = new HashMap<>();
		this.jdbc.sql("""
				select k.parent, k.name, p.id, p.kind
				from unnest(cast(:parents as bigint[]), cast(:names as text[])) as k(parent, name)
				join place p on p.community_id = :c and p.parent_id is not distinct from k.parent and p.name = k.name
				""").param("c", community.value()).param("parents", parents).param("names", names).query((rs, n) -> {
			if (!rs.getString("kind").equals(kind.name())) {
				throw new InvalidInput("place", "place.path.kindClash", rs.getString("name"), rs.getString("kind"),
						kind.name());
			}
			ids.put(new Key(nullableLong(rs, "parent"), rs.getString("name")), rs.getLong("id"));
			return null;
		}).list();
		Map<PlacePath, Long> result = new HashMap<>();
		byKey.forEach((key, list) -> list.forEach((path) -> result.put(path, ids.get(key))));
		return result;
	}

	@Transactional(readOnly = true)
	public Optional<Place> find(CommunityId community, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from place where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(PlaceManagement::place)
			.optional();
	}

	private static void requireWrite(CurrentUser user, PlaceKind kind) {
		Permission needed = (kind == PlaceKind.AREA || kind == PlaceKind.GRID) ? Permission.PLACES_STRUCTURE
				: Permission.PLACES_WRITE;
		if (!user.may(needed)) {
			throw new AccessDeniedException("needs " + needed);
		}
	}

	static String cleanName(@Nullable String name) {
		String clean = (name == null) ? ""
				: SPACES.matcher(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).strip())
					.replaceAll(" ");
		if (clean.isEmpty() || clean.length() > 100) {
			throw new InvalidInput("name", "place.name.length");
		}
		return clean;
	}

	private static Map<String, Object> detail(PlaceKind kind, String name, @Nullable Long parentId) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("kind", kind.name());
		detail.put("name", name);
		detail.put("parentId", parentId);
		return detail;
	}

	private static Place place(ResultSet rs, int row) throws SQLException {
		return new Place(rs.getLong("id"), PlaceKind.valueOf(rs.getString("kind")), rs.getString("name"),
				nullableLong(rs, "parent_id"), nullableLong(rs, "area_id"), nullableLong(rs, "grid_id"),
				rs.getLong("version"));
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private record Key(@Nullable Long parent, String name) {
	}

}
