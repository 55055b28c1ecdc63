package org.anju.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anju.identity.OutOfReach;
import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.people.Person;
import org.anju.people.PersonDeceased;
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
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.anju.care.SpecialLists.require;
import static org.anju.care.SpecialLists.trimmed;

/**
 * Death registration: in one transaction the person's status becomes {@code DECEASED}
 * through people (their record and history stay), a survivor checklist opens, their
 * special flags end, they leave running qualification checks, their open care-visit
 * entries are cancelled (visited ones stay), and {@link PersonDied} is published. A death
 * recorded as a plain status change in people closes the same care after it commits.
 * Checklist items are ticked off with who and when.
 */
@Service
@Transactional
public class Deaths {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String COLUMNS = """
			community_id, id, person_id, person_name, grid_id, died_on, informant, informant_relation, note, registered_by,
			registered_at, version""";

	private final JdbcClient jdbc;

	private final PersonManagement people;

	private final SpecialLists lists;

	private final QualificationChecks checks;

	private final VisitLists visits;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final Clock clock;

	private final OutOfReach reach;

	Deaths(JdbcClient jdbc, PersonManagement people, SpecialLists lists, QualificationChecks checks, VisitLists visits,
			AuditTrail audit, ApplicationEventPublisher events, MessageSource messages, Clock clock, OutOfReach reach) {
		this.visits = visits;
		this.reach = reach;
		this.jdbc = jdbc;
		this.people = people;
		this.lists = lists;
		this.checks = checks;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Registers a death.
	 * @throws InvalidInput listing every field that breaks a rule
	 * @throws NotFound when the person is not there or outside the caller's grids
	 * @throws Refused when the person's death is already registered, or they are not on
	 * the registry
	 */
	public Death register(CurrentUser user, NewDeath form) {
		require(user, Permission.PEOPLE_WRITE);
		List<Violation> errors = new ArrayList<>();
		if (form.personId() == null) {
			errors.add(new Violation("personId", "field.required"));
		}
		if (form.diedOn() == null) {
			errors.add(new Violation("diedOn", "field.required"));
		}
		else if (form.diedOn().isAfter(LocalDate.now(this.clock.withZone(SHANGHAI)))) {
			errors.add(new Violation("diedOn", "care.date.future"));
		}
		String informant = trimmed(form.informant());
		if (informant == null) {
			errors.add(new Violation("informant", "field.required"));
		}
		else if (informant.length() > 50) {
			errors.add(new Violation("informant", "care.text.long", 50));
		}
		String relation = trimmed(form.informantRelation());
		if (relation != null && relation.length() > 20) {
			errors.add(new Violation("informantRelation", "care.text.long", 20));
		}
		String note = trimmed(form.note());
		if (note != null && note.length() > 500) {
			errors.add(new Violation("note", "care.text.long", 500));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Person person = this.people.get(user, form.personId());
		if (person.status() == PersonStatus.DECEASED) {
			throw new Refused("care.death.already");
		}
		if (person.status() != PersonStatus.REGISTERED) {
			throw new Refused("care.person.notRegistered");
		}
		if (form.diedOn().isBefore(person.birthDate())) {
			throw new InvalidInput("diedOn", "care.date.beforeBirth");
		}
		this.people.changeStatus(user, person.id(), person.version(), PersonStatus.DECEASED, form.diedOn());
		long id;
		try {
			id = this.jdbc.sql("""
					insert into death_registration (community_id, person_id, person_name, grid_id, died_on, informant,
					                                informant_relation, note, registered_by)
					values (:c, :person, :name, :grid, :diedOn, :informant, :relation, :note, :by)
					returning id
					""")
				.param("c", user.communityId())
				.param("person", person.id())
				.param("name", person.name())
				.param("grid", person.gridId())
				.param("diedOn", form.diedOn())
				.param("informant", informant)
				.param("relation", relation)
				.param("note", note)
				.param("by", user.actor())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("care.death.already");
		}
		this.jdbc.sql("""
				insert into survivor_task (community_id, death_id, item)
				select :c, :id, unnest(cast(:items as text[]))
				""")
			.param("c", user.communityId())
			.param("id", id)
			.param("items", java.util.Arrays.stream(SurvivorItem.values()).map(Enum::name).toArray(String[]::new))
			.update();
		closeCare(user.community(), user.actor(), person.id(), form.diedOn());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("personId", person.id());
		detail.put("diedOn", form.diedOn().toString());
		detail.put("informantRelation", relation);
		this.audit.record(user.community(), "DEATH_REGISTERED", "DEATH", id, detail);
		this.events.publishEvent(new PersonDied(user.community(), person.id(), id, form.diedOn()));
		return find(user.community(), id);
	}

	/**
	 * A person's status became {@code DECEASED} without a registration here (a plain
	 * status change in people): their care is closed all the same. After a registration
	 * there is nothing left open, so this changes nothing.
	 */
	@ApplicationModuleListener
	void on(PersonDeceased deceased) {
		closeCare(deceased.community(), "system", deceased.personId(), deceased.diedOn());
	}

	/**
	 * Ends the person's open flags, takes them out of running campaigns and cancels their
	 * open visit entries; what was done for them stays.
	 */
	private void closeCare(CommunityId community, String actor, long personId, LocalDate diedOn) {
		this.lists.endForDeath(community, actor, personId, diedOn);
		this.checks.leaveForDeath(community, personId, diedOn);
		this.visits.cancelForDeath(community, personId, diedOn);
	}

	/**
	 * Ticks off an item of the checklist.
	 * @throws Refused when the item is already done
	 * @throws StaleVersion when someone changed the registration since
	 * {@code expectedVersion}
	 */
	public Death tick(CurrentUser user, long id, long expectedVersion, SurvivorItem item, @Nullable String note) {
		require(user, Permission.PEOPLE_WRITE);
		Death death = get(user, id);
		String text = trimmed(note);
		if (text != null && text.length() > 500) {
			throw new InvalidInput("note", "care.text.long", 500);
		}
		if (death.checklist().stream().anyMatch((task) -> task.item() == item && task.doneAt() != null)) {
			throw new Refused("care.death.itemDone");
		}
		int bumped = this.jdbc.sql("""
				update death_registration set version = version + 1
				where community_id = :c and id = :id and version = :version
				""").param("c", user.communityId()).param("id", id).param("version", expectedVersion).update();
		if (bumped == 0) {
			throw new StaleVersion(death.version());
		}
		this.jdbc.sql("""
				update survivor_task set done_at = now(), done_by = :by, note = :note
				where community_id = :c and death_id = :id and item = :item and done_at is null
				""")
			.param("by", user.actor())
			.param("note", text)
			.param("c", user.communityId())
			.param("id", id)
			.param("item", item.name())
			.update();
		this.audit.record(user.community(), "SURVIVOR_TASK_DONE", "DEATH", id,
				Map.of("personId", death.personId(), "item", item.name()));
		return find(user.community(), id);
	}

	/**
	 * @throws NotFound when there is no such registration, or it lies outside the
	 * caller's grids; the latter is audited as a denied access
	 */
	@Transactional(readOnly = true)
	public Death get(CurrentUser user, long id) {
		require(user, Permission.PEOPLE_READ);
		Death death = this.jdbc
			.sql("select " + COLUMNS + " from death_registration where community_id = :c and id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query(this::read)
			.optional()
			.orElseThrow(() -> new NotFound("death", id));
		this.reach.require(user, user.scope().covers(death.gridId()), "DEATH", "death", id);
		return death;
	}

	/**
	 * Registered deaths within the caller's grids, newest first.
	 * @param open only those whose checklist is not yet done
	 * @throws InvalidInput for a size outside 1 to 200 or a cursor this list did not make
	 */
	@Transactional(readOnly = true)
	public DeathPage list(CurrentUser user, boolean open, @Nullable String cursor, int size) {
		require(user, Permission.PEOPLE_READ);
		if (size < 1 || size > SpecialLists.MAX_PAGE) {
			throw new BadParameter("size", "search.size", SpecialLists.MAX_PAGE);
		}
		Long after = KeysetCursor.parse(cursor);
		SqlFilter filter = new SqlFilter("d.community_id = :c").param("c", user.communityId());
		Long[] grids = user.scope().gridFilter();
		filter.andIf(grids, "d.grid_id = any(:grids)", "grids");
		if (open) {
			filter.and("exists (select 1 from survivor_task t where t.community_id = d.community_id"
					+ " and t.death_id = d.id and t.done_at is null)");
		}
		long total = filter.bind(this.jdbc.sql("select count(*) from death_registration d where " + filter.where()))
			.query(Long.class)
			.single();
		filter.andIf(after, "d.id < :after", "after");
		List<Death> rows = new ArrayList<>(
				filter.bind(this.jdbc.sql("select " + COLUMNS + " from death_registration d where " + filter.where()
						+ " order by d.id desc limit :limit"))
					.param("limit", size + 1)
					.query(this::read)
					.list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			next = KeysetCursor.encode(rows.get(size - 1).id());
		}
		return new DeathPage(rows, next, total);
	}

	private Death find(CommunityId community, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from death_registration where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(this::read)
			.single();
	}

	private Death read(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		List<Death.Task> checklist = this.jdbc.sql("""
				select item, done_at, done_by, note from survivor_task
				where community_id = :c and death_id = :id order by item
				""").param("c", rs.getLong("community_id")).param("id", id).query((task, n) -> {
			SurvivorItem item = SurvivorItem.valueOf(task.getString("item"));
			Timestamp done = task.getTimestamp("done_at");
			return new Death.Task(item, text("care.survivor." + item.name()), (done != null) ? done.toInstant() : null,
					task.getString("done_by"), task.getString("note"));
		}).list();
		List<Death.Task> ordered = new ArrayList<>(checklist);
		ordered.sort(java.util.Comparator.comparing(Death.Task::item));
		return new Death(id, rs.getLong("person_id"), rs.getString("person_name"), rs.getObject("grid_id", Long.class),
				rs.getDate("died_on").toLocalDate(), rs.getString("informant"), rs.getString("informant_relation"),
				rs.getString("note"), rs.getString("registered_by"), rs.getTimestamp("registered_at").toInstant(),
				ordered, rs.getLong("version"));
	}

	private String text(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

}
