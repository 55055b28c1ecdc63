package org.anju.stability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.OutOfReach;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key persons (重点人员). A registered person is designated with a reason, a grade and a
 * responsible staff member; the grade is computed (by the warning engine through
 * {@link #regrade}, until then given at designation) and may be overridden by hand with a
 * reason. Each grade has a contact interval; the next contact is due that many days after
 * the last one (or the designation), and every due day that passes without one is fired
 * once by {@link KeyPersonClock} as a {@link KeyPersonContactMissed}. Stopping keeps the
 * record and its contacts. Every change writes its audit row in its transaction. A grid
 * worker reaches only the key persons who live in their grids.
 */
@Service
@Transactional
public class KeyPersons {

	static final int BATCH = 100;

	private static final int TOTAL_CAP = 10_000;

	private static final String EFFECTIVE = "coalesce(k.override_grade, k.computed_grade)";

	/**
	 * The effective grade's interval in days, the community's own or the default.
	 */
	private static final String INTERVAL = "coalesce((select i.days from key_person_interval i where i.community_id = "
			+ "k.community_id and i.grade = " + EFFECTIVE + "), case " + EFFECTIVE
			+ " when 'A' then :defaultA when 'B' then :defaultB else :defaultC end)";

	private static final String COLUMNS = """
			k.id, k.person_id, p.name as person_name, p.grid_id, k.reason, k.computed_grade, k.computed_explanation,
			k.computed_at, k.override_grade, k.override_reason, k.override_by, k.override_at, k.responsible_user_id,
			u.display_name as responsible_name, k.designated_on, k.last_contact_on, k.next_due, k.ended_at,
			k.ended_reason, k.version""";

	private static final String FROM = """
			 from key_person k
			join person p on p.community_id = k.community_id and p.id = k.person_id
			join user_account u on u.community_id = k.community_id and u.id = k.responsible_user_id""";

	private final JdbcClient jdbc;

	private final PersonManagement people;

	private final UserManagement users;

	private final MoodNotes notes;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OutOfReach reach;

	KeyPersons(JdbcClient jdbc, PersonManagement people, UserManagement users, MoodNotes notes, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock, OutOfReach reach) {
		this.jdbc = jdbc;
		this.people = people;
		this.users = users;
		this.notes = notes;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.reach = reach;
	}

	/**
	 * Designates a registered person within the caller's reach as a key person.
	 * @return the key person, their first contact due one interval from today
	 * @throws InvalidInput naming every field that breaks a rule, with nothing written
	 */
	public KeyPerson designate(CurrentUser user, NewKeyPerson input) {
		return designate(user, input, today(), new ArrayList<>());
	}

	/**
	 * Takes over a key person followed before Anju (a paper register, 重点人员台账): the
	 * designation on its day and the contacts logged on theirs, in the caller's
	 * transaction; then the due days that passed without a contact are recorded as
	 * missed, as the clock would have recorded them.
	 * @param designatedOn the day of the designation, not in the future
	 * @return the key person with the contacts
	 * @throws InvalidInput naming every field that breaks a rule (a contact's as
	 * {@code contacts[i].field})
	 */
	public KeyPerson recordPast(CurrentUser user, NewKeyPerson input, LocalDate designatedOn,
			List<NewContact> contacts) {
		List<Violation> problems = new ArrayList<>();
		if (designatedOn.isAfter(today())) {
			problems.add(new Violation("designatedOn", "stability.date.future"));
		}
		KeyPerson designated = designate(user, input, designatedOn, problems);
		for (int i = 0; i < contacts.size(); i++) {
			try {
				logContact(user, designated.id(), null, contacts.get(i));
			}
			catch (InvalidInput ex) {
				String prefix = "contacts[" + i + "].";
				throw new InvalidInput(ex.violations()
					.stream()
					.map((v) -> new Violation(prefix + v.field(), v.code(), v.args()))
					.toList());
			}
		}
		fireMissed(user.community(), today());
		return get(user, designated.id());
	}

	private KeyPerson designate(CurrentUser user, NewKeyPerson input, LocalDate designatedOn,
			List<Violation> problems) {
		ConflictManagement.requireWork(user);
		Long personId = null;
		if (input.personId() == null) {
			problems.add(new Violation("personId", "field.required"));
		}
		else {
			try {
				Person person = this.people.get(user, input.personId());
				if (person.status() != PersonStatus.REGISTERED) {
					problems.add(new Violation("personId", "keyPerson.person.notRegistered", person.name()));
				}
				else {
					personId = person.id();
					current(user.community(), personId).ifPresent((existing) -> problems
						.add(new Violation("personId", "keyPerson.person.already", existing)));
				}
			}
			catch (NotFound | AccessDeniedException ex) {
				problems.add(new Violation("personId", "keyPerson.person.unknown", input.personId()));
			}
		}
		String reason = ConflictManagement.text(problems, input.reason(), "reason", 500);
		Grade grade = ConflictManagement.code(Grade.class, input.grade(), "grade", "keyPerson.grade.unknown", problems);
		String explanation = (input.explanation() != null && !input.explanation().isBlank())
				? ConflictManagement.text(problems, input.explanation(), "explanation", 2000) : reason;
		Long responsible = responsible(user.community(), input.responsibleUserId(), problems);
		if (!problems.isEmpty() || personId == null || grade == null || responsible == null) {
			throw new InvalidInput(problems);
		}
		long id = this.jdbc.sql("""
				insert into key_person (community_id, person_id, reason, computed_grade, computed_explanation,
				                        computed_at, responsible_user_id, designated_on, designated_by, next_due)
				values (:c, :person, :reason, :grade, :explanation, :now, :responsible, :today, :actor, :due)
				returning id
				""")
			.param("c", user.communityId())
			.param("person", personId)
			.param("reason", reason)
			.param("grade", grade.name())
			.param("explanation", explanation)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("responsible", responsible)
			.param("today", designatedOn)
			.param("actor", user.actor())
			.param("due", designatedOn.plusDays(intervals(user.community()).get(grade)))
			.query(Long.class)
			.single();
		this.audit.record(user.community(), "KEY_PERSON_DESIGNATED", "KEY_PERSON", id,
				Map.of("personId", personId, "grade", grade.name(), "responsibleUserId", responsible));
		return get(user, id);
	}

	/**
	 * @return the key person with their contact log
	 * @throws NotFound when there is none or the person lives outside the caller's grids
	 */
	@Transactional(readOnly = true)
	public KeyPerson get(CurrentUser user, long id) {
		ConflictManagement.requireRead(user);
		KeyPerson found = load(user, id);
		List<KeyPerson.Contact> contacts = this.jdbc.sql("""
				select id, contacted_on, method, summary, mood_note_id, recorded_by, recorded_at
				from key_person_contact where community_id = :c and key_person_id = :id
				order by contacted_on desc, id desc
				""")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, row) -> new KeyPerson.Contact(rs.getLong("id"), rs.getObject("contacted_on", LocalDate.class),
					ContactMethod.valueOf(rs.getString("method")), rs.getString("summary"),
					rs.getObject("mood_note_id", Long.class), rs.getString("recorded_by"),
					rs.getTimestamp("recorded_at").toInstant()))
			.list();
		return withContacts(found, contacts);
	}

	/**
	 * @return the current key-person record of a person the caller reaches, if any
	 */
	@Transactional(readOnly = true)
	public Optional<KeyPerson> ofPerson(CurrentUser user, long personId) {
		ConflictManagement.requireRead(user);
		return current(user.community(), personId).map((id) -> get(user, id));
	}

	/**
	 * The key persons the caller reaches that match the query, the nearest due day first.
	 * @throws BadParameter for a size outside 1 to 200 or a cursor this server did not
	 * make
	 */
	@Transactional(readOnly = true)
	public KeyPersonPage list(CurrentUser user, KeyPersonQuery query, @Nullable String cursor, int size) {
		ConflictManagement.requireRead(user);
		if (size < 1 || size > ConflictManagement.MAX_PAGE) {
			throw new BadParameter("size", "search.size", ConflictManagement.MAX_PAGE);
		}
		LocalDate today = today();
		SqlFilter filter = new SqlFilter("k.community_id = :community").param("community", user.communityId());
		filter.and(query.ended() ? "k.ended_at is not null" : "k.ended_at is null");
		filter.andIf(user.scope().gridFilter(), "p.grid_id = any(:scopeGrids)", "scopeGrids");
		filter.andIf(query.grade(), EFFECTIVE + " = :grade", "grade");
		filter.andIf(query.responsibleUserId(), "k.responsible_user_id = :responsible", "responsible");
		filter.andIf(query.gridId(), "p.grid_id = :grid", "grid");
		if (query.overdue()) {
			filter.and("k.next_due < :today").param("today", today);
		}
		DayCursor after = DayCursor.parse(cursor);
		String sql = "select " + COLUMNS + FROM + " where " + filter.where()
				+ ((after != null) ? " and (k.next_due, k.id) > (:afterDay, :afterId)" : "")
				+ " order by k.next_due, k.id limit :limit";
		var statement = filter.bind(this.jdbc.sql(sql)).param("limit", size + 1);
		if (after != null) {
			statement = statement.param("afterDay", after.day()).param("afterId", after.id());
		}
		List<KeyPerson> rows = new ArrayList<>(statement.query((rs, row) -> read(rs, today)).list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			KeyPerson last = rows.get(size - 1);
			next = new DayCursor(last.nextDue(), last.id()).encode();
		}
		long total = filter
			.bind(this.jdbc.sql("select count(*) from (select 1" + FROM + " where " + filter.where() + " limit "
					+ (TOTAL_CAP + 1) + ") t"))
			.query(Long.class)
			.single();
		return new KeyPersonPage(rows, next, Math.min(total, TOTAL_CAP), total > TOTAL_CAP);
	}

	/**
	 * Names another staff member responsible for the key person.
	 * @throws InvalidInput when the user is not an enabled staff account
	 */
	public KeyPerson assign(CurrentUser user, long id, long expectedVersion, @Nullable Long responsibleUserId) {
		KeyPerson found = changeable(user, id, expectedVersion);
		List<Violation> problems = new ArrayList<>();
		Long responsible = responsible(user.community(), responsibleUserId, problems);
		if (responsible == null) {
			throw new InvalidInput(problems);
		}
		update(user.community(), id, "responsible_user_id = :value", responsible);
		this.audit.record(user.community(), "KEY_PERSON_RESPONSIBLE_CHANGED", "KEY_PERSON", id,
				Map.of("from", found.responsibleUserId(), "to", responsible));
		return get(user, id);
	}

	/**
	 * Logs a contact; with a mood, files a mood note about the person in the same
	 * transaction. The next contact is then due one interval after the latest contact.
	 * @param expectedVersion the version the caller saw, or {@literal null} to log
	 * regardless: contacts do not overwrite one another
	 * @throws InvalidInput naming every field that breaks a rule, with nothing written
	 * @throws Refused when the person is no longer a key person
	 */
	public KeyPerson logContact(CurrentUser user, long id, @Nullable Long expectedVersion, NewContact input) {
		KeyPerson found = changeable(user, id, expectedVersion);
		List<Violation> problems = new ArrayList<>();
		LocalDate date = MoodNotes.day(input.date(), "date", today(), problems);
		if (date != null && date.isBefore(found.designatedOn())) {
			problems.add(new Violation("date", "keyPerson.contact.beforeDesignation", found.designatedOn()));
		}
		ContactMethod method = ConflictManagement.code(ContactMethod.class, input.method(), "method",
				"keyPerson.contact.method.unknown", problems);
		String summary = ConflictManagement.text(problems, input.summary(), "summary", 2000);
		MoodNotes.Checked note = null;
		if (input.mood() != null && !input.mood().isBlank()) {
			List<Violation> noteProblems = new ArrayList<>();
			if (input.topics().contains(null)) {
				problems.add(new Violation("topics", "mood.topic.unknown", "null"));
			}
			note = this.notes.validate(user,
					new NewMoodNote(MoodSubject.PERSON.name(), found.personId(), null, null, input.date(),
							(method != null) ? method.moodSource().name() : null, input.mood(),
							input.topics().stream().filter(Objects::nonNull).toList(), List.of(), input.summary()),
					"", null, noteProblems);
			noteProblems.stream()
				.filter((violation) -> Set.of("mood", "topics", "personId").contains(violation.field()))
				.forEach(problems::add);
		}
		if (!problems.isEmpty() || date == null || method == null) {
			throw new InvalidInput(problems);
		}
		Long noteId = (note != null) ? this.notes.insert(user, note, null) : null;
		long contactId = this.jdbc
			.sql("""
					insert into key_person_contact (community_id, key_person_id, contacted_on, method, summary, mood_note_id,
					                                recorded_by)
					values (:c, :kp, :date, :method, :summary, :note, :actor)
					returning id
					""")
			.param("c", user.communityId())
			.param("kp", id)
			.param("date", date)
			.param("method", method.name())
			.param("summary", summary)
			.param("note", noteId)
			.param("actor", user.actor())
			.query(Long.class)
			.single();
		this.jdbc
			.sql("update key_person k set last_contact_on = greatest(k.last_contact_on, :date), version = version + 1,"
					+ " updated_at = now() where community_id = :c and id = :id")
			.param("date", date)
			.param("c", user.communityId())
			.param("id", id)
			.update();
		reschedule(user.community(), id);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("contactId", contactId);
		detail.put("date", date.toString());
		detail.put("method", method.name());
		if (noteId != null) {
			detail.put("moodNoteId", noteId);
		}
		this.audit.record(user.community(), "KEY_PERSON_CONTACTED", "KEY_PERSON", id, detail);
		return get(user, id);
	}

	/**
	 * Overrides the computed grade by hand; the contact plan follows the new grade.
	 * @throws InvalidInput when the grade or the reason is missing or wrong
	 */
	public KeyPerson override(CurrentUser user, long id, long expectedVersion, @Nullable String grade,
			@Nullable String reason) {
		KeyPerson found = changeable(user, id, expectedVersion);
		List<Violation> problems = new ArrayList<>();
		Grade given = ConflictManagement.code(Grade.class, grade, "grade", "keyPerson.grade.unknown", problems);
		String why = ConflictManagement.text(problems, reason, "reason", 500);
		if (!problems.isEmpty() || given == null) {
			throw new InvalidInput(problems);
		}
		this.jdbc.sql("""
				update key_person set override_grade = :grade, override_reason = :reason, override_by = :actor,
				                      override_at = :now, version = version + 1, updated_at = now()
				where community_id = :c and id = :id
				""")
			.param("grade", given.name())
			.param("reason", why)
			.param("actor", user.actor())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("c", user.communityId())
			.param("id", id)
			.update();
		reschedule(user.community(), id);
		this.audit.record(user.community(), "KEY_PERSON_GRADE_OVERRIDDEN", "KEY_PERSON", id, Map.of("from",
				found.grade().name(), "to", given.name(), "computed", found.computedGrade().name(), "reason", why));
		return get(user, id);
	}

	/**
	 * Clears the manual override: the computed grade holds again.
	 * @throws Refused when there is no override
	 */
	public KeyPerson clearOverride(CurrentUser user, long id, long expectedVersion) {
		KeyPerson found = changeable(user, id, expectedVersion);
		if (found.overrideGrade() == null) {
			throw new Refused("keyPerson.override.none");
		}
		this.jdbc.sql("""
				update key_person set override_grade = null, override_reason = null, override_by = null,
				                      override_at = null, version = version + 1, updated_at = now()
				where community_id = :c and id = :id
				""").param("c", user.communityId()).param("id", id).update();
		reschedule(user.community(), id);
		this.audit.record(user.community(), "KEY_PERSON_OVERRIDE_CLEARED", "KEY_PERSON", id,
				Map.of("from", found.overrideGrade().name(), "to", found.computedGrade().name()));
		return get(user, id);
	}

	/**
	 * Ends the designation; the record and its contacts stay as history, and the person
	 * may be designated again.
	 */
	public KeyPerson stop(CurrentUser user, long id, long expectedVersion, @Nullable String reason) {
		changeable(user, id, expectedVersion);
		List<Violation> problems = new ArrayList<>();
		String why = ConflictManagement.text(problems, reason, "reason", 500);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		this.jdbc.sql("""
				update key_person set ended_at = :now, ended_by = :actor, ended_reason = :reason,
				                      version = version + 1, updated_at = now()
				where community_id = :c and id = :id
				""")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("actor", user.actor())
			.param("reason", why)
			.param("c", user.communityId())
			.param("id", id)
			.update();
		this.audit.record(user.community(), "KEY_PERSON_ENDED", "KEY_PERSON", id, Map.of("reason", why));
		return get(user, id);
	}

	/**
	 * Sets the computed grade of a person's current key-person record, for the warning
	 * engine. A manual override still wins; the contact plan follows the effective grade.
	 * Setting the grade and explanation it already has changes nothing and writes
	 * nothing.
	 * @param explanation why, in words a person can check: the signals and their weights
	 * @return whether the record changed; {@literal false} when the person is not a
	 * current key person
	 * @throws IllegalArgumentException when the explanation is blank: a grade always says
	 * why
	 */
	public boolean regrade(CommunityId community, long personId, Grade grade, String explanation) {
		if (explanation.isBlank()) {
			throw new IllegalArgumentException("a grade needs its explanation");
		}
		String text = explanation.strip();
		text = (text.length() > 2000) ? text.substring(0, 2000) : text;
		Optional<Long> id = current(community, personId);
		if (id.isEmpty()) {
			return false;
		}
		String before = this.jdbc
			.sql("select computed_grade from key_person where community_id = :c and id = :id for update")
			.param("c", community.value())
			.param("id", id.get())
			.query(String.class)
			.single();
		int changed = this.jdbc.sql("""
				update key_person set computed_grade = :grade, computed_explanation = :explanation, computed_at = :now,
				                      version = version + 1, updated_at = now()
				where community_id = :c and id = :id
				  and (computed_grade <> :grade or computed_explanation <> :explanation)
				""")
			.param("grade", grade.name())
			.param("explanation", text)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("c", community.value())
			.param("id", id.get())
			.update();
		if (changed == 0) {
			return false;
		}
		reschedule(community, id.get());
		this.audit.record(community, "KEY_PERSON_REGRADED", "KEY_PERSON", id.get(),
				Map.of("personId", personId, "from", before, "to", grade.name()));
		return true;
	}

	/**
	 * The current key persons whose next contact is past due, the longest overdue first,
	 * for the warning engine's missed-contact signal.
	 * @return never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<MissedContact> missedContacts(CommunityId community) {
		LocalDate today = today();
		return defaults(this.jdbc.sql("select k.id, k.person_id, p.grid_id, " + EFFECTIVE
				+ " as grade, k.responsible_user_id, k.next_due, " + INTERVAL + " as days, "
				+ """
						array(select m.id from key_person_miss m
						      where m.community_id = k.community_id and m.key_person_id = k.id and m.due_date >= k.next_due
						      order by m.due_date) as miss_ids
						from key_person k join person p on p.community_id = k.community_id and p.id = k.person_id
						where k.community_id = :c and k.ended_at is null and k.next_due < :today
						order by k.next_due, k.id
						"""))
			.param("c", community.value())
			.param("today", today)
			.query((rs, row) -> {
				LocalDate due = rs.getObject("next_due", LocalDate.class);
				int overdue = (int) ChronoUnit.DAYS.between(due, today);
				return new MissedContact(rs.getLong("id"), rs.getLong("person_id"), rs.getObject("grid_id", Long.class),
						Grade.valueOf(rs.getString("grade")), rs.getLong("responsible_user_id"), due, overdue,
						(overdue - 1) / rs.getInt("days") + 1,
						List.copyOf(Arrays.asList((Long[]) rs.getArray("miss_ids").getArray())));
			})
			.list();
	}

	/**
	 * The key persons who were behind their contact plan at the end of a past day, read
	 * from the due days the clock recorded as missed ({@code key_person_miss}), which
	 * hold the interval of their time: those after the last contact dated by then (or the
	 * designation), and before the day. A designation counts from its day until it ended.
	 * @param day the day, in the past
	 * @param at the end of that day
	 * @return each with the recorded misses as {@code missIds}; {@code grade} is today's
	 */
	@Transactional(readOnly = true)
	public List<MissedContact> missedContactsAsOf(CommunityId community, LocalDate day, Instant at) {
		return this.jdbc
			.sql("select k.id, k.person_id, p.grid_id, " + EFFECTIVE + " as grade, k.responsible_user_id," + """
					 m.miss_ids, m.first_due
					from key_person k join person p on p.community_id = k.community_id and p.id = k.person_id
					cross join lateral (
					    select greatest(k.designated_on, max(c.contacted_on)) as last_contact
					    from key_person_contact c
					    where c.community_id = k.community_id and c.key_person_id = k.id and c.contacted_on <= :day) l
					cross join lateral (
					    select array_agg(x.id order by x.due_date) as miss_ids, min(x.due_date) as first_due
					    from key_person_miss x
					    where x.community_id = k.community_id and x.key_person_id = k.id
					      and x.due_date > l.last_contact and x.due_date < :day) m
					where k.community_id = :c and k.designated_on <= :day and (k.ended_at is null or k.ended_at > :at)
					  and m.first_due is not null
					order by m.first_due, k.id
					""")
			.param("c", community.value())
			.param("day", day)
			.param("at", Timestamp.from(at))
			.query((rs, row) -> {
				LocalDate due = rs.getObject("first_due", LocalDate.class);
				List<Long> misses = List.copyOf(Arrays.asList((Long[]) rs.getArray("miss_ids").getArray()));
				return new MissedContact(rs.getLong("id"), rs.getLong("person_id"), rs.getObject("grid_id", Long.class),
						Grade.valueOf(rs.getString("grade")), rs.getLong("responsible_user_id"), due,
						(int) ChronoUnit.DAYS.between(due, day), misses.size(), misses);
			})
			.list();
	}

	/**
	 * @return the days between contacts for each grade, the community's own or the
	 * default
	 */
	@Transactional(readOnly = true)
	public Map<Grade, Integer> intervals(CommunityId community) {
		Map<Grade, Integer> days = new EnumMap<>(Grade.class);
		for (Grade grade : Grade.values()) {
			days.put(grade, grade.defaultDays());
		}
		this.jdbc.sql("select grade, days from key_person_interval where community_id = :c")
			.param("c", community.value())
			.query((rs, row) -> days.put(Grade.valueOf(rs.getString("grade")), rs.getInt("days")))
			.list();
		return days;
	}

	/**
	 * Sets a grade's contact interval, for administrators and leaders; the next contact
	 * of every current key person of that grade moves with it.
	 * @throws InvalidInput on {@code days} when it is missing or outside 1 to 366
	 */
	public Map<Grade, Integer> setInterval(CurrentUser user, Grade grade, @Nullable Integer days) {
		Map<Grade, @Nullable Integer> one = new EnumMap<>(Grade.class);
		one.put(grade, days);
		return change(user, one, (given) -> "days");
	}

	/**
	 * Sets several grades' contact intervals at once, all or none, as
	 * {@link #setInterval} does each.
	 * @throws InvalidInput on each grade's name whose days are missing or outside 1 to
	 * 366, with nothing written
	 */
	public Map<Grade, Integer> setIntervals(CurrentUser user, Map<Grade, @Nullable Integer> days) {
		return change(user, days, Grade::name);
	}

	private Map<Grade, Integer> change(CurrentUser user, Map<Grade, @Nullable Integer> days,
			Function<Grade, String> field) {
		SensitiveDates.requireLead(user);
		List<Violation> problems = new ArrayList<>();
		days.forEach((grade, given) -> {
			if (given == null) {
				problems.add(new Violation(field.apply(grade), "field.required"));
			}
			else if (given < 1 || given > 366) {
				problems.add(new Violation(field.apply(grade), "keyPerson.interval.range"));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<Grade, Integer> before = intervals(user.community());
		days.forEach((grade, given) -> {
			if (given == null || given.equals(before.get(grade))) {
				return;
			}
			this.jdbc.sql("""
					insert into key_person_interval (community_id, grade, days) values (:c, :grade, :days)
					on conflict (community_id, grade) do update set days = excluded.days,
					    version = key_person_interval.version + 1, updated_at = now()
					""").param("c", user.communityId()).param("grade", grade.name()).param("days", given).update();
			this.jdbc
				.sql("update key_person k set next_due = coalesce(k.last_contact_on, k.designated_on) + :days"
						+ " where k.community_id = :c and k.ended_at is null and " + EFFECTIVE + " = :grade")
				.param("days", given)
				.param("c", user.communityId())
				.param("grade", grade.name())
				.update();
			this.audit.record(user.community(), "KEY_PERSON_INTERVAL_CHANGED", "KEY_PERSON_INTERVAL", grade.name(),
					Map.of("from", before.get(grade), "to", given));
		});
		return intervals(user.community());
	}

	/**
	 * Records each due day that passed without a contact, once, and publishes a
	 * {@link KeyPersonContactMissed} for it. Claims up to {@value #BATCH} key persons
	 * with {@code FOR UPDATE SKIP LOCKED}, so that several nodes never fire one twice.
	 * @param today the day it is now; every due day before it has passed
	 * @return how many key persons were claimed; {@value #BATCH} means there may be more
	 */
	int fireMissed(CommunityId community, LocalDate today) {
		record Due(long id, long personId, String personName, @Nullable Long gridId, Grade grade, long responsible,
				LocalDate nextDue, @Nullable LocalDate firedFor, int days) {
		}
		List<Due> claimed = defaults(this.jdbc.sql("select k.id, k.person_id, p.name, p.grid_id, " + EFFECTIVE
				+ " as grade, k.responsible_user_id, k.next_due, k.missed_fired_for, " + INTERVAL + " as days" + """
						 from key_person k join person p on p.community_id = k.community_id and p.id = k.person_id
						where k.community_id = :c and k.ended_at is null and k.next_due < :today
						  and (k.missed_fired_for is null or k.missed_fired_for < k.next_due
						       or k.missed_fired_for + \
						""" + INTERVAL + " < :today) order by k.next_due, k.id limit " + BATCH
				+ " for update of k skip locked"))
			.param("c", community.value())
			.param("today", today)
			.query((rs, row) -> new Due(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
					rs.getObject("grid_id", Long.class), Grade.valueOf(rs.getString("grade")),
					rs.getLong("responsible_user_id"), rs.getObject("next_due", LocalDate.class),
					rs.getObject("missed_fired_for", LocalDate.class), rs.getInt("days")))
			.list();
		Instant now = this.clock.instant();
		for (Due due : claimed) {
			LocalDate day = (due.firedFor() == null || due.firedFor().isBefore(due.nextDue())) ? due.nextDue()
					: due.firedFor().plusDays(due.days());
			LocalDate last = due.firedFor();
			for (; day.isBefore(today); day = day.plusDays(due.days())) {
				last = day;
				Optional<Long> miss = this.jdbc
					.sql("""
							insert into key_person_miss (community_id, key_person_id, due_date, responsible_user_id, fired_at)
							values (:c, :kp, :due, :responsible, :now)
							on conflict (community_id, key_person_id, due_date) do nothing
							returning id
							""")
					.param("c", community.value())
					.param("kp", due.id())
					.param("due", day)
					.param("responsible", due.responsible())
					.param("now", Timestamp.from(now))
					.query(Long.class)
					.optional();
				if (miss.isPresent()) {
					this.audit.record(community, "KEY_PERSON_CONTACT_MISSED", "KEY_PERSON", due.id(),
							Map.of("dueDate", day.toString(), "missId", miss.get()));
					this.events.publishEvent(new KeyPersonContactMissed(community, due.id(), due.personId(),
							due.personName(), due.gridId(), due.grade(), due.responsible(), day));
				}
			}
			this.jdbc.sql("update key_person set missed_fired_for = :last where community_id = :c and id = :id")
				.param("last", last)
				.param("c", community.value())
				.param("id", due.id())
				.update();
		}
		return claimed.size();
	}

	private JdbcClient.StatementSpec defaults(JdbcClient.StatementSpec statement) {
		return statement.param("defaultA", Grade.A.defaultDays())
			.param("defaultB", Grade.B.defaultDays())
			.param("defaultC", Grade.C.defaultDays());
	}

	/**
	 * Moves the next contact to one interval of the effective grade after the last
	 * contact or the designation.
	 */
	private void reschedule(CommunityId community, long id) {
		defaults(this.jdbc.sql("update key_person k set next_due = coalesce(k.last_contact_on, k.designated_on) + "
				+ INTERVAL + " where k.community_id = :c and k.id = :id"))
			.param("c", community.value())
			.param("id", id)
			.update();
	}

	private void update(CommunityId community, long id, String assignment, Object value) {
		this.jdbc
			.sql("update key_person set " + assignment
					+ ", version = version + 1, updated_at = now() where community_id = :c and id = :id")
			.param("value", value)
			.param("c", community.value())
			.param("id", id)
			.update();
	}

	/**
	 * @return the current key person, checked for the caller's right to change it and its
	 * version
	 */
	private KeyPerson changeable(CurrentUser user, long id, @Nullable Long expectedVersion) {
		ConflictManagement.requireWork(user);
		KeyPerson found = load(user, id);
		if (expectedVersion != null && found.version() != expectedVersion) {
			throw new StaleVersion(found.version());
		}
		if (found.endedAt() != null) {
			throw new Refused("keyPerson.ended");
		}
		return found;
	}

	private KeyPerson load(CurrentUser user, long id) {
		LocalDate today = today();
		KeyPerson found = this.jdbc.sql("select " + COLUMNS + FROM + " where k.community_id = :c and k.id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, row) -> read(rs, today))
			.optional()
			.orElseThrow(() -> new NotFound("key-person", id));
		this.reach.require(user, user.scope().covers(found.gridId()), "KEY_PERSON", "key-person", id);
		return found;
	}

	private Optional<Long> current(CommunityId community, long personId) {
		return this.jdbc
			.sql("select id from key_person where community_id = :c and person_id = :person and ended_at is null")
			.param("c", community.value())
			.param("person", personId)
			.query(Long.class)
			.optional();
	}

	private @Nullable Long responsible(CommunityId community, @Nullable Long userId, List<Violation> problems) {
		if (userId == null) {
			problems.add(new Violation("responsibleUserId", "field.required"));
			return null;
		}
		try {
			UserAccount account = this.users.get(community, userId);
			if (account.enabled() && account.role() != Role.RESIDENT) {
				return account.id();
			}
		}
		catch (NotFound ex) {
			// answered below as not a staff member
		}
		problems.add(new Violation("responsibleUserId", "keyPerson.responsible.unknown", userId));
		return null;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE);
	}

	private static KeyPerson read(ResultSet rs, LocalDate today) throws SQLException {
		LocalDate due = rs.getObject("next_due", LocalDate.class);
		Timestamp ended = rs.getTimestamp("ended_at");
		boolean overdue = ended == null && due.isBefore(today);
		String override = rs.getString("override_grade");
		Grade computed = Grade.valueOf(rs.getString("computed_grade"));
		Timestamp overrideAt = rs.getTimestamp("override_at");
		return new KeyPerson(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getObject("grid_id", Long.class), rs.getString("reason"),
				(override != null) ? Grade.valueOf(override) : computed, computed, rs.getString("computed_explanation"),
				rs.getTimestamp("computed_at").toInstant(), (override != null) ? Grade.valueOf(override) : null,
				rs.getString("override_reason"), rs.getString("override_by"),
				(overrideAt != null) ? overrideAt.toInstant() : null, rs.getLong("responsible_user_id"),
				rs.getString("responsible_name"), rs.getObject("designated_on", LocalDate.class),
				rs.getObject("last_contact_on", LocalDate.class), due, overdue,
				overdue ? (int) ChronoUnit.DAYS.between(due, today) : 0, (ended != null) ? ended.toInstant() : null,
				rs.getString("ended_reason"), rs.getLong("version"), List.of());
	}

	private static KeyPerson withContacts(KeyPerson k, List<KeyPerson.Contact> contacts) {
		return new KeyPerson(k.id(), k.personId(), k.personName(), k.gridId(), k.reason(), k.grade(), k.computedGrade(),
				k.computedExplanation(), k.computedAt(), k.overrideGrade(), k.overrideReason(), k.overrideBy(),
				k.overrideAt(), k.responsibleUserId(), k.responsibleName(), k.designatedOn(), k.lastContactOn(),
				k.nextDue(), k.overdue(), k.daysOverdue(), k.endedAt(), k.endedReason(), k.version(), contacts);
	}

}
