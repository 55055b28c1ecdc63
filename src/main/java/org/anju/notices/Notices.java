package org.anju.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.appeals.AppealHeadline;
import org.anju.appeals.AppealManagement;
import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.OutOfReach;
import org.anju.identity.Permission;
import org.anju.identity.Role;
import org.anju.people.Homes;
import org.anju.places.Buildings;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outage notices: written, changed and withdrawn by staff (a grid worker only for the
 * buildings of their grids), shown to staff who take calls and to the residents of the
 * buildings named. Every change is audited in its transaction.
 */
@Service
@Transactional
public class Notices {

	/** The longest window a notice covers. */
	public static final Duration MAX_WINDOW = Duration.ofDays(31);

	/** The most buildings a notice names. */
	public static final int MAX_BUILDINGS = 500;

	private static final String COLUMNS = """
			n.id, n.utility, n.title, n.body, n.talking_points, n.starts_at, n.ends_at, n.created_by, n.created_at,
			n.version, (select count(*) from notice_appeal a where a.community_id = n.community_id
			            and a.notice_id = n.id) as linked""";

	private final JdbcClient jdbc;

	private final PlaceManagement places;

	private final Buildings buildings;

	private final Homes homes;

	private final AppealManagement appeals;

	private final AuditTrail audit;

	private final OutOfReach reach;

	private final MessageSource messages;

	private final Clock clock;

	Notices(JdbcClient jdbc, PlaceManagement places, Buildings buildings, Homes homes, AppealManagement appeals,
			AuditTrail audit, OutOfReach reach, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.places = places;
		this.buildings = buildings;
		this.homes = homes;
		this.appeals = appeals;
		this.audit = audit;
		this.reach = reach;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Publishes a notice.
	 * @throws InvalidInput listing every field that breaks a rule, a building outside the
	 * caller's grids included
	 */
	public Notice create(CurrentUser user, NoticeForm form) {
		require(user, Permission.NOTICES_MANAGE);
		Valid valid = validate(user, form, true);
		long id = this.jdbc.sql("""
				insert into notice (community_id, utility, title, body, talking_points, starts_at, ends_at, created_by)
				values (:c, :utility, :title, :body, :points, :starts, :ends, :by)
				returning id
				""")
			.param("c", user.communityId())
			.param("utility", valid.utility().name())
			.param("title", valid.title())
			.param("body", valid.body())
			.param("points", valid.talkingPoints())
			.param("starts", Timestamp.from(valid.startsAt()))
			.param("ends", Timestamp.from(valid.endsAt()))
			.param("by", user.actor())
			.query(Long.class)
			.single();
		saveBuildings(user, id, valid.buildings());
		this.audit.record(user.community(), "NOTICE_CREATED", "NOTICE", id, detail(valid));
		return find(user, id);
	}

	/**
	 * Changes a notice: everything can change, the buildings included.
	 * @throws InvalidInput listing every field that breaks a rule
	 * @throws NotFound when there is no such notice in the caller's grids
	 * @throws StaleVersion when someone changed it since {@code expectedVersion}
	 */
	public Notice update(CurrentUser user, long id, long expectedVersion, NoticeForm form) {
		require(user, Permission.NOTICES_MANAGE);
		Notice notice = get(user, id);
		Valid valid = validate(user, form, false);
		int updated = this.jdbc.sql("""
				update notice set utility = :utility, title = :title, body = :body, talking_points = :points,
				       starts_at = :starts, ends_at = :ends, updated_at = now(), version = version + 1
				where community_id = :c and id = :id and version = :version
				""")
			.param("utility", valid.utility().name())
			.param("title", valid.title())
			.param("body", valid.body())
			.param("points", valid.talkingPoints())
			.param("starts", Timestamp.from(valid.startsAt()))
			.param("ends", Timestamp.from(valid.endsAt()))
			.param("c", user.communityId())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(notice.version());
		}
		this.jdbc.sql("delete from notice_building where community_id = :c and notice_id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.update();
		saveBuildings(user, id, valid.buildings());
		this.audit.record(user.community(), "NOTICE_CHANGED", "NOTICE", id, detail(valid));
		return find(user, id);
	}

	/**
	 * Withdraws a notice, with its links to appeals; the appeals stay.
	 * @throws NotFound when there is no such notice in the caller's grids
	 * @throws StaleVersion when someone changed it since {@code expectedVersion}
	 */
	public void delete(CurrentUser user, long id, long expectedVersion) {
		require(user, Permission.NOTICES_MANAGE);
		Notice notice = get(user, id);
		int deleted = this.jdbc.sql("delete from notice where community_id = :c and id = :id and version = :version")
			.param("c", user.communityId())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new StaleVersion(notice.version());
		}
		this.audit.record(user.community(), "NOTICE_DELETED", "NOTICE", id,
				Map.of("utility", notice.utility().name(), "title", notice.title()));
	}

	/**
	 * @throws NotFound when there is no such notice, or none of its buildings lies in the
	 * caller's grids; the latter is audited as a denied access
	 */
	@Transactional(readOnly = true)
	public Notice get(CurrentUser user, long id) {
		require(user, Permission.APPEALS_READ);
		Notice notice = find(user, id);
		Long[] grids = user.scope().gridFilter();
		boolean reached = grids == null || !this.jdbc.sql("""
				select 1 from notice_building where community_id = :c and notice_id = :id and grid_id = any(:grids)
				""")
			.param("c", user.communityId())
			.param("id", id)
			.param("grids", grids)
			.query()
			.listOfRows()
			.isEmpty();
		this.reach.require(user, reached, "NOTICE", "notice", id);
		return notice;
	}

	/**
	 * @param active only the notices whose window is on now
	 * @param placeId only those naming the building this place (a building, unit or room)
	 * lies in: what staff see at intake for a caller's address
	 * @return the notices touching the caller's grids, the latest window first
	 */
	@Transactional(readOnly = true)
	public List<Notice> list(CurrentUser user, boolean active, @Nullable Long placeId) {
		require(user, Permission.APPEALS_READ);
		Long building = null;
		if (placeId != null) {
			Optional<Long> found = this.buildings.buildingOf(user.community(), placeId);
			if (found.isEmpty()) {
				return List.of();
			}
			building = found.get();
		}
		return this.jdbc.sql("select " + COLUMNS + """
				 from notice n
				where n.community_id = :c
				  and (not :active or (n.starts_at <= :now and n.ends_at > :now))
				  and (cast(:building as bigint) is null or exists (select 1 from notice_building b
				       where b.community_id = n.community_id and b.notice_id = n.id and b.building_id = :building))
				  and (cast(:grids as bigint[]) is null or exists (select 1 from notice_building b
				       where b.community_id = n.community_id and b.notice_id = n.id and b.grid_id = any(:grids)))
				order by n.starts_at desc, n.id desc limit 200
				""")
			.param("c", user.communityId())
			.param("active", active)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("building", building)
			.param("grids", user.scope().gridFilter())
			.query((rs, row) -> read(user.communityId(), rs))
			.list();
	}

	/**
	 * The notices a resident sees on the portal: those naming the building they live in
	 * whose window has not ended, the soonest first.
	 */
	@Transactional(readOnly = true)
	public List<Notice> forResident(CurrentUser resident) {
		if (resident.role() != Role.RESIDENT || resident.personId() == null) {
			throw new AccessDeniedException("only a resident has a home on the portal");
		}
		Optional<Long> building = this.homes.roomOf(resident.community(), resident.personId())
			.flatMap((room) -> this.buildings.buildingOf(resident.community(), room));
		if (building.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + """
				 from notice n
				join notice_building b on b.community_id = n.community_id and b.notice_id = n.id
				where n.community_id = :c and b.building_id = :building and n.ends_at > :now
				order by n.starts_at, n.id
				""")
			.param("c", resident.communityId())
			.param("building", building.get())
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, row) -> read(resident.communityId(), rs))
			.list();
	}

	/**
	 * @return the appeals linked to the notice, the newest first
	 */
	@Transactional(readOnly = true)
	public List<AppealHeadline> linkedAppeals(CurrentUser user, long id) {
		get(user, id);
		return this.jdbc.sql("""
				select appeal_id from notice_appeal where community_id = :c and notice_id = :id order by appeal_id desc
				""")
			.param("c", user.communityId())
			.param("id", id)
			.query(Long.class)
			.list()
			.stream()
			.flatMap((appeal) -> this.appeals.headline(user.community(), appeal).stream())
			.toList();
	}

	private Valid validate(CurrentUser user, NoticeForm form, boolean creating) {
		List<Violation> errors = new ArrayList<>();
		if (form.utility() == null) {
			errors.add(new Violation("utility", "field.required"));
		}
		String title = text(form.title(), "title", 100, true, errors);
		String body = text(form.body(), "body", 2000, false, errors);
		String points = text(form.talkingPoints(), "talkingPoints", 2000, true, errors);
		if (form.startsAt() == null) {
			errors.add(new Violation("startsAt", "field.required"));
		}
		if (form.endsAt() == null) {
			errors.add(new Violation("endsAt", "field.required"));
		}
		else if (form.startsAt() != null && !form.endsAt().isAfter(form.startsAt())) {
			errors.add(new Violation("endsAt", "notices.window.order"));
		}
		else if (form.startsAt() != null
				&& Duration.between(form.startsAt(), form.endsAt()).compareTo(MAX_WINDOW) > 0) {
			errors.add(new Violation("endsAt", "notices.window.tooLong", MAX_WINDOW.toDays()));
		}
		else if (creating && !form.endsAt().isAfter(this.clock.instant())) {
			errors.add(new Violation("endsAt", "notices.window.past"));
		}
		Set<Long> ids = new LinkedHashSet<>((form.buildingIds() != null) ? form.buildingIds() : List.of());
		ids.remove(null);
		List<Place> buildings = new ArrayList<>();
		if (ids.isEmpty()) {
			errors.add(new Violation("buildingIds", "notices.buildings.none"));
		}
		else if (ids.size() > MAX_BUILDINGS) {
			errors.add(new Violation("buildingIds", "notices.buildings.tooMany", MAX_BUILDINGS));
		}
		else {
			for (Long id : ids) {
				Optional<Place> place = reachable(user, id);
				if (place.isEmpty() || place.get().kind() != PlaceKind.BUILDING) {
					errors.add(new Violation("buildingIds", "notices.buildings.unknown", String.valueOf(id)));
				}
				else {
					buildings.add(place.get());
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return new Valid(form.utility(), title, body, points, form.startsAt(), form.endsAt(), buildings);
	}

	private Optional<Place> reachable(CurrentUser user, long id) {
		try {
			return Optional.of(this.places.get(user, id));
		}
		catch (NotFound ex) {
			return Optional.empty();
		}
	}

	private static @Nullable String text(@Nullable String given, String field, int max, boolean required,
			List<Violation> errors) {
		String text = (given == null || given.isBlank()) ? null : given.strip();
		if (text == null && required) {
			errors.add(new Violation(field, "field.required"));
		}
		else if (text != null && text.length() > max) {
			errors.add(new Violation(field, "notices.text.long", max));
		}
		return text;
	}

	private void saveBuildings(CurrentUser user, long id, List<Place> buildings) {
		for (Place building : buildings) {
			this.jdbc.sql("""
					insert into notice_building (community_id, notice_id, building_id, grid_id)
					values (:c, :id, :building, :grid)
					""")
				.param("c", user.communityId())
				.param("id", id)
				.param("building", building.id())
				.param("grid", building.gridId())
				.update();
		}
	}

	private static Map<String, Object> detail(Valid valid) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("utility", valid.utility().name());
		detail.put("title", valid.title());
		detail.put("startsAt", valid.startsAt().toString());
		detail.put("endsAt", valid.endsAt().toString());
		detail.put("buildingIds", valid.buildings().stream().map(Place::id).toList());
		return detail;
	}

	private Notice find(CurrentUser user, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from notice n where n.community_id = :c and n.id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, row) -> read(user.communityId(), rs))
			.optional()
			.orElseThrow(() -> new NotFound("notice", id));
	}

	private Notice read(long community, ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		Utility utility = Utility.valueOf(rs.getString("utility"));
		Instant starts = rs.getTimestamp("starts_at").toInstant();
		Instant ends = rs.getTimestamp("ends_at").toInstant();
		Instant now = this.clock.instant();
		List<Notice.Building> named = this.jdbc
			.sql("select building_id from notice_building where community_id = :c and notice_id = :id")
			.param("c", community)
			.param("id", id)
			.query(Long.class)
			.list()
			.stream()
			.flatMap((building) -> this.places.find(new CommunityId(community), building).stream())
			.map((place) -> new Notice.Building(place.id(), place.name()))
			.sorted(Comparator.comparing(Notice.Building::name))
			.toList();
		return new Notice(id, utility,
				this.messages.getMessage("notices.utility." + utility.name(), null, utility.name(),
						LocaleContextHolder.getLocale()),
				rs.getString("title"), rs.getString("body"), rs.getString("talking_points"), starts, ends,
				!now.isBefore(starts) && now.isBefore(ends), named, rs.getInt("linked"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

	static void require(CurrentUser user, Permission permission) {
		if (!user.may(permission)) {
			throw new AccessDeniedException(permission.name());
		}
	}

	private record Valid(Utility utility, String title, @Nullable String body, String talkingPoints, Instant startsAt,
			Instant endsAt, List<Place> buildings) {
	}

}
