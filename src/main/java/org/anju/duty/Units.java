package org.anju.duty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree. The four bodies and the service departments are seeded with the
 * community; areas and grids are read from the places tree on every read, under the
 * administration, so that they never drift from it and places needs to know nothing of
 * duty. Units added by hand (offices) sit under a stored unit and may be renamed and
 * deleted.
 */
@Service
@Transactional
class Units {

	private static final String COLUMNS = "id, kind, name_zh, name_en, parent_id, department_code, seeded, version";

	private final JdbcClient jdbc;

	private final PlaceManagement places;

	private final AuditTrail audit;

	private final DutyChanges changes;

	Units(JdbcClient jdbc, PlaceManagement places, AuditTrail audit, DutyChanges changes) {
		this.jdbc = jdbc;
		this.places = places;
		this.audit = audit;
		this.changes = changes;
	}

	/**
	 * @return every unit, depth first, siblings in their usual order
	 */
	@Transactional(readOnly = true)
	List<Unit> tree(CommunityId community) {
		List<Unit> all = new ArrayList<>(stored(community));
		Long administration = all.stream()
			.filter((unit) -> unit.kind() == UnitKind.ADMINISTRATION)
			.map(Unit::id)
			.findFirst()
			.orElse(null);
		for (Place area : PlaceSubjects.list(this.places, community, PlaceKind.AREA, null)) {
			all.add(fromPlace(area, administration));
		}
		for (Place grid : PlaceSubjects.list(this.places, community, PlaceKind.GRID, null)) {
			all.add(fromPlace(grid, grid.parentId()));
		}
		Map<@Nullable Long, List<Unit>> children = new LinkedHashMap<>();
		all.forEach((unit) -> children.computeIfAbsent(unit.parentId(), (key) -> new ArrayList<>()).add(unit));
		List<Unit> ordered = new ArrayList<>();
		walk(children, null, 0, ordered);
		return ordered;
	}

	private static void walk(Map<@Nullable Long, List<Unit>> children, @Nullable Long parent, int depth,
			List<Unit> into) {
		for (Unit unit : children.getOrDefault(parent, List.of())) {
			into.add(unit.at(depth));
			walk(children, unit.id(), depth + 1, into);
		}
	}

	@Transactional(readOnly = true)
	Optional<Unit> find(CommunityId community, long id) {
		Optional<Unit> stored = this.jdbc
			.sql("select " + COLUMNS + " from duty_unit where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(Units::unit)
			.optional();
		if (stored.isPresent()) {
			return stored;
		}
		return this.places.find(community, id)
			.filter((place) -> place.kind() == PlaceKind.AREA || place.kind() == PlaceKind.GRID)
			.map((place) -> fromPlace(place, place.parentId()));
	}

	Unit get(CommunityId community, long id) {
		return find(community, id).orElseThrow(() -> new NotFound("unit", id));
	}

	/**
	 * Adds an office under a stored unit.
	 * @throws InvalidInput for a bad name or parent
	 * @throws Refused when the parent has a unit of that name already
	 */
	Unit create(CurrentUser user, @Nullable Long parentId, @Nullable String nameZh, @Nullable String nameEn) {
		requireManage(user);
		List<Violation> problems = new ArrayList<>();
		String zh = name(nameZh, "nameZh", problems);
		String en = (nameEn == null || nameEn.isBlank()) ? zh : name(nameEn, "nameEn", problems);
		if (parentId == null) {
			problems.add(new Violation("parentId", "field.required"));
		}
		else {
			Optional<Unit> parent = find(user.community(), parentId);
			if (parent.isEmpty()) {
				problems.add(new Violation("parentId", "duty.unit.parent.unknown", parentId));
			}
			else if (parent.get().kind().place()) {
				problems.add(new Violation("parentId", "duty.unit.parent.place"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id;
		try {
			id = this.jdbc.sql("""
					insert into duty_unit (community_id, kind, name_zh, name_en, parent_id)
					values (:c, 'OFFICE', :zh, :en, :parent) returning id
					""")
				.param("c", user.communityId())
				.param("zh", zh)
				.param("en", en)
				.param("parent", parentId)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("duty.unit.name.taken", zh);
		}
		Unit created = get(user.community(), id);
		this.audit.record(user.community(), "UNIT_CREATED", "UNIT", id,
				Map.of("nameZh", zh, "nameEn", en, "parentId", parentId));
		this.changes.record(user.community());
		return created;
	}

	/**
	 * @throws Refused for a seeded unit, an area or a grid
	 * @throws StaleVersion when someone changed the unit since {@code expectedVersion}
	 */
	Unit rename(CurrentUser user, long id, long expectedVersion, @Nullable String nameZh, @Nullable String nameEn) {
		requireManage(user);
		Unit before = editable(user.community(), id);
		List<Violation> problems = new ArrayList<>();
		String zh = name(nameZh, "nameZh", problems);
		String en = (nameEn == null || nameEn.isBlank()) ? zh : name(nameEn, "nameEn", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		int updated;
		try {
			updated = this.jdbc.sql("""
					update duty_unit set name_zh = :zh, name_en = :en, version = version + 1
					where community_id = :c and id = :id and version = :version
					""")
				.param("zh", zh)
				.param("en", en)
				.param("c", user.communityId())
				.param("id", id)
				.param("version", expectedVersion)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("duty.unit.name.taken", zh);
		}
		if (updated == 0) {
			throw new StaleVersion(before.version());
		}
		this.audit.record(user.community(), "UNIT_RENAMED", "UNIT", id,
				Map.of("before", before.nameZh() + " / " + before.nameEn(), "after", zh + " / " + en));
		return get(user.community(), id);
	}

	/**
	 * @throws Refused for a seeded unit, or one with units or posts under it
	 */
	void delete(CurrentUser user, long id, long expectedVersion) {
		requireManage(user);
		Unit unit = editable(user.community(), id);
		if (unit.version() != expectedVersion) {
			throw new StaleVersion(unit.version());
		}
		long children = this.jdbc.sql("""
				select (select count(*) from duty_unit where community_id = :c and parent_id = :id)
				     + (select count(*) from duty_post where community_id = :c and unit_id = :id)
				""").param("c", user.communityId()).param("id", id).query(Long.class).single();
		if (children > 0) {
			throw new Refused("duty.unit.delete.notEmpty", unit.nameZh());
		}
		this.jdbc.sql("delete from duty_unit where community_id = :c and id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.update();
		this.audit.record(user.community(), "UNIT_DELETED", "UNIT", id, Map.of("nameZh", unit.nameZh()));
		this.changes.record(user.community());
	}

	private Unit editable(CommunityId community, long id) {
		Unit unit = get(community, id);
		if (unit.seeded()) {
			throw new Refused("duty.unit.seeded", unit.nameZh());
		}
		return unit;
	}

	static void requireManage(CurrentUser user) {
		if (!user.may(Permission.DUTY_MANAGE)) {
			throw new AccessDeniedException("needs DUTY_MANAGE");
		}
	}

	private static String name(@Nullable String name, String field, List<Violation> problems) {
		String clean = (name == null) ? "" : name.strip().replaceAll("\\s+", " ");
		if (clean.isEmpty() || clean.length() > 100) {
			problems.add(new Violation(field, "duty.name.length", 100));
		}
		return clean;
	}

	private List<Unit> stored(CommunityId community) {
		return this.jdbc.sql("select " + COLUMNS + " from duty_unit where community_id = :c order by sort, name_zh, id")
			.param("c", community.value())
			.query(Units::unit)
			.list();
	}

	private static Unit fromPlace(Place place, @Nullable Long parentId) {
		return new Unit(place.id(), UnitKind.valueOf(place.kind().name()), place.name(), place.name(), parentId, null,
				true, place.version(), 0);
	}

	private static Unit unit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		return new Unit(rs.getLong("id"), UnitKind.valueOf(rs.getString("kind")), rs.getString("name_zh"),
				rs.getString("name_en"), parentId, rs.getString("department_code"), rs.getBoolean("seeded"),
				rs.getLong("version"), 0);
	}

}
