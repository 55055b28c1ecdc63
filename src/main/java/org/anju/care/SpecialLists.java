package org.anju.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.anju.identity.OutOfReach;
import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.people.PersonStatus;
import org.anju.platform.SqlFilter;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The special lists (特殊人员): puts a person on a list with its own date and source, ends it
 * with a reason, and shows each list within the caller's grids. A person is on a list at
 * most once at a time (for the nine categories, once per category). Every change writes
 * its audit row in its transaction.
 */
@Service
@Transactional
public class SpecialLists {

	/** The most a page holds. */
	public static final int MAX_PAGE = 200;

	private static final Pattern SUB_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String COLUMNS = """
			id, person_id, person_name, grid_id, flag, sub_code, since, source, note, ended_on, end_reason,
			created_by, created_at, version""";

	private final JdbcClient jdbc;

	private final PersonManagement people;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	private final OutOfReach reach;

	SpecialLists(JdbcClient jdbc, PersonManagement people, AuditTrail audit, MessageSource messages, Clock clock,
			OutOfReach reach) {
		this.reach = reach;
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Puts a person on a special list.
	 * @throws InvalidInput listing every field that breaks a rule
	 * @throws NotFound when the person is not there or outside the caller's grids
	 * @throws Refused when the person is already on that list, or is no longer registered
	 */
	public SpecialFlag add(CurrentUser user, NewSpecialFlag form) {
		require(user, Permission.PEOPLE_WRITE);
		List<Violation> errors = new ArrayList<>();
		if (form.personId() == null) {
			errors.add(new Violation("personId", "field.required"));
		}
		if (form.flag() == null) {
			errors.add(new Violation("flag", "field.required"));
		}
		String subCode = trimmed(form.subCode());
		if (form.flag() == SpecialList.NINE_SPECIAL) {
			if (subCode == null) {
				errors.add(new Violation("subCode", "care.flag.subCode.required"));
			}
			else if (!SUB_CODE.matcher(subCode).matches()) {
				errors.add(new Violation("subCode", "care.flag.subCode.format"));
			}
		}
		else if (subCode != null && form.flag() != null) {
			errors.add(new Violation("subCode", "care.flag.subCode.only"));
		}
		LocalDate today = today();
		if (form.since() == null) {
			errors.add(new Violation("since", "field.required"));
		}
		else if (form.since().isAfter(today)) {
			errors.add(new Violation("since", "care.date.future"));
		}
		String source = trimmed(form.source());
		if (source == null) {
			errors.add(new Violation("source", "field.required"));
		}
		else if (source.length() > 50) {
			errors.add(new Violation("source", "care.text.long", 50));
		}
		String note = trimmed(form.note());
		if (note != null && note.length() > 500) {
			errors.add(new Violation("note", "care.text.long", 500));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Person person = this.people.get(user, form.personId());
		if (person.status() != PersonStatus.REGISTERED) {
			throw new Refused("care.person.notRegistered");
		}
		if (form.since().isBefore(person.birthDate())) {
			throw new InvalidInput("since", "care.date.beforeBirth");
		}
		long id;
		try {
			id = this.jdbc
				.sql("""
						insert into special_flag (community_id, person_id, person_name, grid_id, flag, sub_code, since, source,
						                          note, created_by)
						values (:c, :person, :name, :grid, :flag, :sub, :since, :source, :note, :by)
						returning id
						""")
				.param("c", user.communityId())
				.param("person", person.id())
				.param("name", person.name())
				.param("grid", person.gridId())
				.param("flag", form.flag().name())
				.param("sub", (form.flag() == SpecialList.NINE_SPECIAL) ? subCode : null)
				.param("since", form.since())
				.param("source", source)
				.param("note", note)
				.param("by", user.actor())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("care.flag.duplicate");
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("personId", person.id());
		detail.put("flag", form.flag().name());
		detail.put("subCode", subCode);
		detail.put("since", form.since().toString());
		detail.put("source", source);
		this.audit.record(user.community(), "SPECIAL_FLAG_ADDED", "SPECIAL_FLAG", id, detail);
		return find(user.community(), id);
	}

	/**
	 * Takes a person off a list on a day, keeping the flag as history.
	 * @throws Refused when the flag has already ended
	 * @throws StaleVersion when someone changed it since {@code expectedVersion}
	 */
	public SpecialFlag end(CurrentUser user, long id, long expectedVersion, @Nullable LocalDate endedOn,
			@Nullable String reason) {
		require(user, Permission.PEOPLE_WRITE);
		SpecialFlag flag = get(user, id);
		List<Violation> errors = new ArrayList<>();
		if (endedOn == null) {
			errors.add(new Violation("endedOn", "field.required"));
		}
		else if (endedOn.isAfter(today())) {
			errors.add(new Violation("endedOn", "care.date.future"));
		}
		else if (endedOn.isBefore(flag.since())) {
			errors.add(new Violation("endedOn", "care.flag.endBeforeSince"));
		}
		String why = trimmed(reason);
		if (why != null && why.length() > 200) {
			errors.add(new Violation("reason", "care.text.long", 200));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		if (!flag.open()) {
			throw new Refused("care.flag.ended");
		}
		int updated = this.jdbc.sql("""
				update special_flag set ended_on = :on, end_reason = :reason, ended_by = :by, ended_at = now(),
				       version = version + 1
				where community_id = :c and id = :id and version = :version and ended_on is null
				""")
			.param("on", endedOn)
			.param("reason", why)
			.param("by", user.actor())
			.param("c", user.communityId())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(flag.version());
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("personId", flag.personId());
		detail.put("flag", flag.flag().name());
		detail.put("endedOn", endedOn.toString());
		detail.put("reason", why);
		this.audit.record(user.community(), "SPECIAL_FLAG_ENDED", "SPECIAL_FLAG", id, detail);
		return find(user.community(), id);
	}

	/**
	 * @throws NotFound when there is no such flag, or it lies outside the caller's grids;
	 * the latter is audited as a denied access
	 */
	@Transactional(readOnly = true)
	public SpecialFlag get(CurrentUser user, long id) {
		require(user, Permission.PEOPLE_READ);
		SpecialFlag flag = this.jdbc
			.sql("select " + COLUMNS + " from special_flag where community_id = :c and id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query(this::read)
			.optional()
			.orElseThrow(() -> new NotFound("specialFlag", id));
		this.reach.require(user, user.scope().covers(flag.gridId()), "SPECIAL_FLAG", "specialFlag", id);
		return flag;
	}

	/**
	 * The people on a list (or on any list) within the caller's grids, newest first.
	 * @param list the list, or {@code null} for all of them
	 * @param personId one person's flags only, or {@code null}
	 * @param ended whether to show ended flags too
	 * @throws InvalidInput for a size outside 1 to 200 or a cursor this list did not make
	 */
	@Transactional(readOnly = true)
	public SpecialFlagPage list(CurrentUser user, @Nullable SpecialList list, @Nullable Long gridId,
			@Nullable Long personId, boolean ended, @Nullable String cursor, int size) {
		require(user, Permission.PEOPLE_READ);
		if (size < 1 || size > MAX_PAGE) {
			throw new BadParameter("size", "search.size", MAX_PAGE);
		}
		Long after = KeysetCursor.parse(cursor);
		SqlFilter filter = new SqlFilter("community_id = :c").param("c", user.communityId());
		Long[] grids = user.scope().gridFilter();
		filter.andIf(grids, "grid_id = any(:grids)", "grids");
		filter.andIf(list, "flag = :flag", "flag");
		filter.andIf(gridId, "grid_id = :grid", "grid");
		filter.andIf(personId, "person_id = :person", "person");
		if (!ended) {
			filter.and("ended_on is null");
		}
		long total = filter.bind(this.jdbc.sql("select count(*) from special_flag where " + filter.where()))
			.query(Long.class)
			.single();
		filter.andIf(after, "id < :after", "after");
		List<SpecialFlag> rows = new ArrayList<>(filter
			.bind(this.jdbc.sql("select " + COLUMNS + " from special_flag where " + filter.where()
					+ " order by id desc limit :limit"))
			.param("limit", size + 1)
			.query(this::read)
			.list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			next = KeysetCursor.encode(rows.get(size - 1).id());
		}
		return new SpecialFlagPage(rows, next, total);
	}

	/**
	 * Ends every open flag of a person who died, on the day of death. Part of a death's
	 * registration, in its transaction.
	 */
	void endForDeath(CommunityId community, String actor, long personId, LocalDate diedOn) {
		List<Long> ended = this.jdbc.sql("""
				update special_flag set ended_on = greatest(:on, since), end_reason = :reason, ended_by = :by,
				       ended_at = now(), version = version + 1
				where community_id = :c and person_id = :person and ended_on is null
				returning id
				""")
			.param("on", diedOn)
			.param("reason", text("care.flag.endedByDeath"))
			.param("by", actor)
			.param("c", community.value())
			.param("person", personId)
			.query(Long.class)
			.list();
		for (Long id : ended) {
			this.audit.record(community, "SPECIAL_FLAG_ENDED", "SPECIAL_FLAG", id,
					Map.of("personId", personId, "endedOn", diedOn.toString(), "reason", "DECEASED"));
		}
	}

	private SpecialFlag find(CommunityId community, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from special_flag where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(this::read)
			.single();
	}

	private SpecialFlag read(ResultSet rs, int row) throws SQLException {
		SpecialList list = SpecialList.valueOf(rs.getString("flag"));
		java.sql.Date ended = rs.getDate("ended_on");
		return new SpecialFlag(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getObject("grid_id", Long.class), list, text("care.list." + list.name()), rs.getString("sub_code"),
				rs.getDate("since").toLocalDate(), rs.getString("source"), rs.getString("note"),
				(ended != null) ? ended.toLocalDate() : null, rs.getString("end_reason"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

	private String text(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(SHANGHAI));
	}

	static @Nullable String trimmed(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.strip();
	}

	static void require(CurrentUser user, Permission permission) {
		if (!user.may(permission)) {
			throw new AccessDeniedException(permission.name());
		}
	}

}
