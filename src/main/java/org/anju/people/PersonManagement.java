package org.anju.people;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.anju.identity.OutOfReach;
import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.places.Address;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.IdNumber;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.PersonName;
import org.anju.shared.Phone;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers people and keeps their records: edits, moves between rooms, status changes,
 * merges of duplicates and audited unmasking. Every change writes its history entry and
 * its audit row in the same transaction, with masked values only. A grid worker reaches
 * only the people of their grids.
 */
@Service
@Transactional
public class PersonManagement {

	/** The relations a person can have to the head of their household. */
	public static final List<String> RELATIONS = List.of("HEAD", "SPOUSE", "CHILD", "PARENT", "GRANDCHILD", "SIBLING",
			"OTHER");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final PlaceManagement places;

	private final InterestGroups groups;

	private final UserManagement users;

	private final List<PersonReferences> references;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final ObjectMapper json;

	private final Clock clock;

	private final OutOfReach reach;

	PersonManagement(JdbcClient jdbc, PlaceManagement places, InterestGroups groups, UserManagement users,
			List<PersonReferences> references, AuditTrail audit, ApplicationEventPublisher events, ObjectMapper json,
			Clock clock, OutOfReach reach) {
		this.reach = reach;
		this.jdbc = jdbc;
		this.places = places;
		this.groups = groups;
		this.users = users;
		this.references = references;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @throws NotFound when there is no such person, or they live outside the caller's
	 * grids; the latter is audited as a denied access
	 */
	@Transactional(readOnly = true)
	public Person get(CurrentUser user, long id) {
		return view(user, load(user, id));
	}

	/**
	 * Registers a person.
	 * @throws InvalidInput listing every field that breaks a rule, including an ID number
	 * that is already registered
	 */
	public Person register(CurrentUser user, PersonForm form) {
		require(user, Permission.PEOPLE_WRITE);
		Valid valid = validate(user, form, null);
		PinyinIndex.Keys pinyin = PinyinIndex.of(valid.name().value());
		long id = this.jdbc.sql("""
				insert into person (community_id, name, id_number, id_last4, gender, birth_date, phone, phone_last4,
				                    room_id, area_id, grid_id, address, household_relation, former_unit, notes,
				                    pinyin_keys, pinyin_text, sort_key)
				values (:c, :name, :idNumber, :idLast4, :gender, :birthDate, :phone, :phoneLast4, :room, :area, :grid,
				        :address, :relation, :formerUnit, :notes, :keys, :text, :sortKey)
				returning id
				""").paramSource(fields(valid, pinyin).addValue("c", user.communityId())).query(Long.class).single();
		replaceGroups(user, id, valid.groupCodes());
		StoredPerson created = stored(user, id).orElseThrow();
		Map<String, Object> snapshot = snapshot(created);
		history(user, id, "REGISTERED", snapshot);
		this.audit.record(user.community(), "PERSON_REGISTERED", "PERSON", id, snapshot);
		this.events.publishEvent(new PersonRegistered(user.community(), id));
		return view(user, created);
	}

	/**
	 * Edits a person's record. A new room is recorded as a move, the rest as an edit. An
	 * ID number or phone sent back exactly as it was shown, masked, keeps the stored
	 * value: an edit form never needs the full numbers.
	 * @throws StaleVersion when someone changed the person since {@code expectedVersion}
	 */
	public Person update(CurrentUser user, long id, long expectedVersion, PersonForm form) {
		require(user, Permission.PEOPLE_WRITE);
		StoredPerson before = load(user, id);
		Valid valid = validate(user, keepingMasked(form, before), id);
		PinyinIndex.Keys pinyin = PinyinIndex.of(valid.name().value());
		int updated = this.jdbc.sql("""
				update person set name = :name, id_number = :idNumber, id_last4 = :idLast4, gender = :gender,
				       birth_date = :birthDate, phone = :phone, phone_last4 = :phoneLast4, room_id = :room,
				       area_id = :area, grid_id = :grid, address = :address, household_relation = :relation,
				       household_id = case when :room is not distinct from room_id then household_id end,
				       former_unit = :formerUnit, notes = :notes, pinyin_keys = :keys, pinyin_text = :text,
				       sort_key = :sortKey, version = version + 1, updated_at = now()
				where community_id = :c and id = :id and version = :version
				""")
			.paramSource(fields(valid, pinyin).addValue("c", user.communityId())
				.addValue("id", id)
				.addValue("version", expectedVersion))
			.update();
		if (updated == 0) {
			throw new StaleVersion(before.version());
		}
		replaceGroups(user, id, valid.groupCodes());
		StoredPerson after = stored(user, id).orElseThrow();
		recordChange(user, before, after);
		return view(user, after);
	}

	/**
	 * Records that a person moved out or died, or is registered again, on a given day.
	 * @throws InvalidInput for a missing or impossible date
	 */
	public Person changeStatus(CurrentUser user, long id, long expectedVersion, PersonStatus status,
			@Nullable LocalDate date) {
		require(user, Permission.PEOPLE_WRITE);
		StoredPerson before = load(user, id);
		LocalDate today = LocalDate.now(this.clock.withZone(SHANGHAI));
		if (status != PersonStatus.REGISTERED && date == null) {
			throw new InvalidInput("statusDate", "person.statusDate.required");
		}
		if (date != null && (date.isAfter(today) || date.isBefore(before.birthDate()))) {
			throw new InvalidInput("statusDate", "person.statusDate.range");
		}
		if (before.status() == status) {
			throw new Refused("person.status.same");
		}
		int updated = this.jdbc.sql("""
				update person set status = :status, status_date = :date, version = version + 1, updated_at = now()
				where community_id = :c and id = :id and version = :version
				""")
			.param("status", status.name())
			.param("date", date)
			.param("c", user.communityId())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(before.version());
		}
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("status", List.of(before.status().name(), status.name()));
		change.put("statusDate", (date != null) ? date.toString() : null);
		history(user, id, "STATUS", change);
		this.audit.record(user.community(), "PERSON_STATUS_CHANGED", "PERSON", id, change);
		if (status == PersonStatus.DECEASED && date != null) {
			this.events.publishEvent(new PersonDeceased(user.community(), id, date));
		}
		return get(user, id);
	}

	/**
	 * Shows the full ID number or phone of a person, for a stated reason. Audited.
	 * @throws InvalidInput without a reason, or for a field that is not {@code idNumber}
	 * or {@code phone}
	 */
	public Optional<String> unmask(CurrentUser user, long id, String field, @Nullable String reason) {
		require(user, Permission.PEOPLE_UNMASK);
		if (!"idNumber".equals(field) && !"phone".equals(field)) {
			throw new InvalidInput("field", "person.unmask.field");
		}
		if (reason == null || reason.strip().length() < 2 || reason.strip().length() > 200) {
			throw new InvalidInput("reason", "person.unmask.reason");
		}
		StoredPerson person = load(user, id);
		this.audit.record(user.community(), "PERSON_UNMASKED", "PERSON", id,
				Map.of("field", field, "reason", reason.strip()));
		return Optional.ofNullable("idNumber".equals(field) ? person.idNumber() : person.phone());
	}

	/**
	 * Merges two records of one person. The kept record takes the other's groups, and any
	 * field it lacks; everything that pointed at the other record points at the kept one
	 * afterwards; the other record's ID still finds the kept one.
	 */
	public Person merge(CurrentUser user, long keptId, long mergedId) {
		require(user, Permission.PEOPLE_MERGE);
		if (keptId == mergedId) {
			throw new InvalidInput("mergedId", "person.merge.same");
		}
		StoredPerson kept = load(user, keptId);
		StoredPerson merged = load(user, mergedId);
		Map<String, Object> keptBefore = snapshot(kept);
		Map<String, Object> mergedSnapshot = snapshot(merged);
		this.jdbc
			.sql("""
					update person k set phone = coalesce(k.phone, m.phone), phone_last4 = coalesce(k.phone_last4, m.phone_last4),
					       room_id = coalesce(k.room_id, m.room_id), area_id = case when k.room_id is null then m.area_id else k.area_id end,
					       grid_id = case when k.room_id is null then m.grid_id else k.grid_id end,
					       address = coalesce(k.address, m.address), former_unit = coalesce(k.former_unit, m.former_unit),
					       notes = nullif(concat_ws('；', k.notes, m.notes), ''), version = k.version + 1, updated_at = now()
					from person m where k.community_id = :c and k.id = :kept and m.community_id = :c and m.id = :merged
					""")
			.param("c", user.communityId())
			.param("kept", keptId)
			.param("merged", mergedId)
			.update();
		this.jdbc.sql("""
				insert into person_group (community_id, person_id, group_code)
				select community_id, :kept, group_code from person_group where community_id = :c and person_id = :merged
				on conflict do nothing
				""").param("c", user.communityId()).param("kept", keptId).param("merged", mergedId).update();
		for (String sql : List.of(
				"update person_history set person_id = :kept where community_id = :c and person_id = :merged",
				"update household set head_person_id = :kept where community_id = :c and head_person_id = :merged",
				"update person_alias set kept_id = :kept where community_id = :c and kept_id = :merged")) {
			this.jdbc.sql(sql).param("c", user.communityId()).param("kept", keptId).param("merged", mergedId).update();
		}
		this.users.repointPerson(user.community(), mergedId, keptId);
		this.references.forEach((reference) -> reference.repoint(user.community(), mergedId, keptId));
		this.jdbc.sql("delete from person where community_id = :c and id = :merged")
			.param("c", user.communityId())
			.param("merged", mergedId)
			.update();
		this.jdbc.sql("insert into person_alias (community_id, merged_id, kept_id) values (:c, :merged, :kept)")
			.param("c", user.communityId())
			.param("kept", keptId)
			.param("merged", mergedId)
			.update();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("keptId", keptId);
		detail.put("mergedId", mergedId);
		detail.put("kept", keptBefore);
		detail.put("merged", mergedSnapshot);
		history(user, keptId, "MERGED", detail);
		this.audit.record(user.community(), "PERSON_MERGED", "PERSON", keptId, detail);
		this.events.publishEvent(new PeopleMerged(user.community(), keptId, mergedId));
		return get(user, keptId);
	}

	/**
	 * The mobile number to send a text message to, for modules that write to the message
	 * outbox. It is never shown: the outbox is the record of its use.
	 * @return empty when the person has no phone, or only a landline
	 */
	@Transactional(readOnly = true)
	public Optional<Phone> mobileForMessages(CommunityId community, long personId) {
		return this.jdbc.sql("select phone from person where community_id = :c and id = :id and phone is not null")
			.param("c", community.value())
			.param("id", personId)
			.query(String.class)
			.optional()
			.map(Phone::parse)
			.filter(Phone::isMobile);
	}

	/**
	 * The grid each of many people lives in, for a module that weighs them all at once,
	 * such as the warning engine placing risk scores within grid workers' reach.
	 * @return person id to grid id, leaving out unknown people and those without a grid
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> gridsOf(CommunityId community, java.util.Collection<Long> personIds) {
		Map<Long, Long> grids = new java.util.HashMap<>();
		this.jdbc
			.sql("select id, grid_id from person where community_id = :c and id = any(cast(:ids as bigint[])) "
					+ "and grid_id is not null")
			.param("c", community.value())
			.param("ids", personIds.toArray(Long[]::new))
			.query((rs) -> {
				grids.put(rs.getLong(1), rs.getLong(2));
			});
		return grids;
	}

	/**
	 * The interest groups of each of many people, for a module that weighs them all at
	 * once, such as a backtest asking whether a person's group was the one that gathered.
	 * @return person id to group codes, leaving out unknown people and those in no group
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<String>> groupsOf(CommunityId community, java.util.Collection<Long> personIds) {
		Map<Long, List<String>> groups = new java.util.HashMap<>();
		this.jdbc.sql("""
				select person_id, array_agg(group_code order by group_code) from person_group
				where community_id = :c and person_id = any(cast(:ids as bigint[])) group by person_id
				""").param("c", community.value()).param("ids", personIds.toArray(Long[]::new)).query((rs) -> {
			groups.put(rs.getLong(1), List.of((String[]) rs.getArray(2).getArray()));
		});
		return groups;
	}

	/**
	 * @return the person's history, newest first
	 */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(CurrentUser user, long id) {
		StoredPerson person = load(user, id);
		return this.jdbc.sql("""
				select id, at, actor, kind, changes::text as changes from person_history
				where community_id = :c and person_id = :id order by at desc, id desc
				""")
			.param("c", user.communityId())
			.param("id", person.id())
			.query((rs, n) -> new HistoryEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("actor"), rs.getString("kind"), this.json.readValue(rs.getString("changes"), MAP)))
			.list();
	}

	private StoredPerson load(CurrentUser user, long id) {
		Optional<StoredPerson> found = stored(user, id);
		if (found.isEmpty()) {
			Optional<Long> kept = this.jdbc
				.sql("select kept_id from person_alias where community_id = :c and merged_id = :id")
				.param("c", user.communityId())
				.param("id", id)
				.query(Long.class)
				.optional();
			found = kept.flatMap((keptId) -> stored(user, keptId));
		}
		StoredPerson person = found.orElseThrow(() -> new NotFound("person", id));
		// a resident reaches their own record, for their own appeals
		boolean self = user.role() == Role.RESIDENT && Long.valueOf(person.id()).equals(user.personId());
		this.reach.require(user, user.scope().covers(person.gridId()) || self, "PERSON", "person", id);
		return person;
	}

	private Optional<StoredPerson> stored(CurrentUser user, long id) {
		return this.jdbc
			.sql("select " + StoredPerson.COLUMNS + " from person p where p.community_id = :c and p.id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query(StoredPerson::read)
			.optional();
	}

	private Valid validate(CurrentUser user, PersonForm form, @Nullable Long existingId) {
		List<Violation> problems = new ArrayList<>();
		PersonName name = attempt(problems, () -> PersonName.parse(String.valueOf(form.name())));
		IdNumber idNumber = null;
		if (form.idNumber() == null || form.idNumber().isBlank()) {
			problems.add(new Violation("idNumber", "field.required"));
		}
		else {
			idNumber = attempt(problems, () -> IdNumber.parse(form.idNumber()));
		}
		if (idNumber != null) {
			Optional<Long> holder = this.jdbc.sql("select id from person where community_id = :c and id_number = :n")
				.param("c", user.communityId())
				.param("n", idNumber.value())
				.query(Long.class)
				.optional();
			if (holder.isPresent() && !holder.get().equals(existingId)) {
				problems.add(visible(user, holder.get())
						? new Violation("idNumber", "person.idNumber.taken", idNumber.masked(), holder.get())
						: new Violation("idNumber", "person.idNumber.takenElsewhere", idNumber.masked()));
			}
		}
		Phone phone = (form.phone() == null || form.phone().isBlank()) ? null
				: attempt(problems, () -> Phone.parse(form.phone()));
		Address address = null;
		if (form.roomId() != null) {
			address = this.places.address(user.community(), form.roomId())
				.filter((found) -> user.scope().covers(found.gridId()))
				.orElse(null);
			if (address == null) {
				problems.add(new Violation("roomId", "person.room.unknown", form.roomId()));
			}
		}
		Set<String> codes = new LinkedHashSet<>();
		Map<String, InterestGroup> known = this.groups.byCode(user.community());
		List<String> held = (existingId != null)
				? stored(user, existingId).map(StoredPerson::groupCodes).orElse(List.of()) : List.of();
		for (String code : form.groupCodes()) {
			InterestGroup group = known.get(code.strip());
			if (group == null) {
				problems.add(new Violation("groups", "person.group.unknown", code));
			}
			else if (!group.active() && !held.contains(group.code())) {
				problems.add(new Violation("groups", "person.group.inactive", group.nameZh()));
			}
			else {
				codes.add(group.code());
			}
		}
		String relation = blankToNull(form.householdRelation());
		if (relation != null && !RELATIONS.contains(relation)) {
			problems.add(new Violation("householdRelation", "person.relation.unknown", relation));
		}
		String formerUnit = blankToNull(form.formerUnit());
		if (formerUnit != null && formerUnit.length() > 100) {
			problems.add(new Violation("formerUnit", "person.formerUnit.length"));
		}
		String notes = blankToNull(form.notes());
		if (notes != null && notes.length() > 2000) {
			problems.add(new Violation("notes", "person.notes.length"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Valid(Objects.requireNonNull(name), Objects.requireNonNull(idNumber), phone, address, codes,
				relation, formerUnit, notes);
	}

	private static PersonForm keepingMasked(PersonForm form, StoredPerson before) {
		String idNumber = before.maskedIdNumber().equals(form.idNumber()) ? before.idNumber() : form.idNumber();
		String phone = (before.phone() != null && Objects.equals(before.maskedPhone(), form.phone())) ? before.phone()
				: form.phone();
		return new PersonForm(form.name(), idNumber, phone, form.roomId(), form.groupCodes(), form.householdRelation(),
				form.formerUnit(), form.notes());
	}

	/**
	 * Whether the caller may learn that a person exists: a grid worker may not, for
	 * people outside their grids.
	 */
	private boolean visible(CurrentUser user, long personId) {
		return stored(user, personId).map((person) -> user.scope().covers(person.gridId())).orElse(false);
	}

	/**
	 * The columns that registering and editing a person both write.
	 */
	private static MapSqlParameterSource fields(Valid valid, PinyinIndex.Keys pinyin) {
		Phone phone = valid.phone();
		Address address = valid.address();
		return new MapSqlParameterSource().addValue("name", valid.name().value())
			.addValue("idNumber", valid.idNumber().value())
			.addValue("idLast4", valid.idNumber().lastFour())
			.addValue("gender", valid.idNumber().gender().name())
			.addValue("birthDate", valid.idNumber().birthDate())
			.addValue("phone", (phone != null) ? phone.value() : null)
			.addValue("phoneLast4", (phone != null) ? phone.lastFour() : null)
			.addValue("room", (address != null) ? address.roomId() : null)
			.addValue("area", (address != null) ? address.areaId() : null)
			.addValue("grid", (address != null) ? address.gridId() : null)
			.addValue("address", (address != null) ? address.text() : null)
			.addValue("relation", valid.relation())
			.addValue("formerUnit", valid.formerUnit())
			.addValue("notes", valid.notes())
			.addValue("keys", pinyin.keys().toArray(String[]::new))
			.addValue("text", pinyin.text())
			.addValue("sortKey", pinyin.sortKey());
	}

	private static <T> @Nullable T attempt(List<Violation> problems, java.util.function.Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidInput ex) {
			problems.addAll(ex.violations());
			return null;
		}
	}

	private void replaceGroups(CurrentUser user, long id, Set<String> codes) {
		this.jdbc.sql("delete from person_group where community_id = :c and person_id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.update();
		this.jdbc.sql("""
				insert into person_group (community_id, person_id, group_code)
				select :c, :id, unnest(cast(:codes as text[]))
				""")
			.param("c", user.communityId())
			.param("id", id)
			.param("codes", codes.toArray(String[]::new))
			.update();
	}

	private void recordChange(CurrentUser user, StoredPerson before, StoredPerson after) {
		Map<String, Object> was = snapshot(before);
		Map<String, Object> now = snapshot(after);
		Map<String, Object> changes = new LinkedHashMap<>();
		now.forEach((field, value) -> {
			if (!Objects.equals(was.get(field), value)) {
				changes.put(field, java.util.Arrays.asList(was.get(field), value));
			}
		});
		if (changes.isEmpty()) {
			return;
		}
		boolean moved = !Objects.equals(before.roomId(), after.roomId());
		Map<String, Object> edits = new LinkedHashMap<>(changes);
		if (moved) {
			Map<String, Object> move = new LinkedHashMap<>();
			move.put("address", changes.get("address"));
			move.put("roomId", java.util.Arrays.asList(before.roomId(), after.roomId()));
			history(user, after.id(), "MOVED", move);
			edits.remove("address");
			this.events.publishEvent(new PersonMoved(user.community(), after.id(), before.gridId(), after.gridId()));
		}
		if (!edits.isEmpty()) {
			history(user, after.id(), "EDITED", edits);
		}
		this.audit.record(user.community(), moved ? "PERSON_MOVED" : "PERSON_UPDATED", "PERSON", after.id(), changes);
	}

	private void history(CurrentUser user, long personId, String kind, Map<String, Object> changes) {
		this.jdbc.sql("""
				insert into person_history (community_id, person_id, actor, kind, changes)
				values (:c, :id, :actor, :kind, cast(:changes as jsonb))
				""")
			.param("c", user.communityId())
			.param("id", personId)
			.param("actor", user.username())
			.param("kind", kind)
			.param("changes", this.json.writeValueAsString(changes))
			.update();
	}

	/**
	 * The record as history and audit keep it: the ID number and phone masked.
	 */
	static Map<String, Object> snapshot(StoredPerson person) {
		return new RecordedFields(person.name(), person.maskedIdNumber(), person.maskedPhone(), person.address(),
				person.groupCodes(), person.householdRelation(), person.formerUnit(), person.notes())
			.asMap();
	}

	private Person view(CurrentUser user, StoredPerson person) {
		Locale locale = LocaleContextHolder.getLocale();
		return PersonViews.masked(person, this.groups.byCode(user.community()), locale);
	}

	private static void require(CurrentUser user, Permission permission) {
		if (!user.may(permission)) {
			throw new AccessDeniedException("needs " + permission);
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private record Valid(PersonName name, IdNumber idNumber, @Nullable Phone phone, @Nullable Address address,
			Set<String> groupCodes, @Nullable String relation, @Nullable String formerUnit, @Nullable String notes) {
	}

}
