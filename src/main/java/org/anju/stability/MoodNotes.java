package org.anju.stability;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.identity.OutOfReach;
import org.anju.appeals.AppealCategories;
import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.people.InterestGroups;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.platform.SqlFilter;
import org.anju.shared.BadParameter;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files and lists mood notes (思想动态). A note about a person lies in that person's grid; a
 * note about a group lies in the grid it was taken in, which a grid worker must name.
 * Filing writes the note, its audit row (without the summary's free text) and its
 * {@link MoodNoteFiled} in one transaction. A grid worker sees only the notes of their
 * grids.
 */
@Service
@Transactional
public class MoodNotes {

	static final int MAX_TAGS = 10;

	static final int MAX_TAG = 20;

	private static final int TOTAL_CAP = 10_000;

	static final String COLUMNS = """
			n.id, n.subject_type, n.person_id, n.group_code, n.grid_id, n.area_id, n.noted_on, n.source, n.mood,
			n.topics, n.tags, n.summary, n.round_id, n.recorded_by, n.recorded_at""";

	private final JdbcClient jdbc;

	private final PersonManagement people;

	private final InterestGroups groups;

	private final PlaceManagement places;

	private final AppealCategories categories;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OutOfReach reach;

	MoodNotes(JdbcClient jdbc, PersonManagement people, InterestGroups groups, PlaceManagement places,
			AppealCategories categories, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			OutOfReach reach) {
		this.reach = reach;
		this.jdbc = jdbc;
		this.people = people;
		this.groups = groups;
		this.places = places;
		this.categories = categories;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Files a note.
	 * @return the note as stored
	 * @throws InvalidInput naming every field that breaks a rule, with nothing written
	 */
	public MoodNote file(CurrentUser user, NewMoodNote input) {
		ConflictManagement.requireWork(user);
		List<Violation> problems = new ArrayList<>();
		Checked note = validate(user, input, "", null, problems);
		if (!problems.isEmpty() || note == null) {
			throw new InvalidInput(problems);
		}
		return get(user, insert(user, note, null));
	}

	/**
	 * @return the note
	 * @throws NotFound when there is none or it lies outside the caller's grids
	 */
	@Transactional(readOnly = true)
	public MoodNote get(CurrentUser user, long id) {
		ConflictManagement.requireRead(user);
		MoodNote note = this.jdbc
			.sql("select " + COLUMNS + " from mood_note n where n.community_id = :c and n.id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query(MoodNotes::read)
			.optional()
			.orElseThrow(() -> new NotFound("mood-note", id));
		this.reach.require(user, user.scope().covers(note.gridId()), "MOOD_NOTE", "mood-note", id);
		return note;
	}

	/**
	 * The notes the caller reaches that match the query, the latest first.
	 * @throws BadParameter for a size outside 1 to 200 or a cursor this server did not
	 * make
	 */
	@Transactional(readOnly = true)
	public MoodNotePage list(CurrentUser user, MoodNoteQuery query, @Nullable String cursor, int size) {
		ConflictManagement.requireRead(user);
		if (size < 1 || size > ConflictManagement.MAX_PAGE) {
			throw new BadParameter("size", "search.size", ConflictManagement.MAX_PAGE);
		}
		SqlFilter filter = filter(user, query);
		DayCursor after = DayCursor.parse(cursor);
		String sql = "select " + COLUMNS + " from mood_note n where " + filter.where()
				+ ((after != null) ? " and (n.noted_on, n.id) < (:afterDay, :afterId)" : "")
				+ " order by n.noted_on desc, n.id desc limit :limit";
		var statement = filter.bind(this.jdbc.sql(sql)).param("limit", size + 1);
		if (after != null) {
			statement = statement.param("afterDay", after.day()).param("afterId", after.id());
		}
		List<MoodNote> notes = new ArrayList<>(statement.query(MoodNotes::read).list());
		String next = null;
		if (notes.size() > size) {
			notes.remove(size);
			MoodNote last = notes.get(size - 1);
			next = new DayCursor(last.date(), last.id()).encode();
		}
		long total = filter.bind(this.jdbc.sql("select count(*) from (select 1 from mood_note n where " + filter.where()
				+ " limit " + (TOTAL_CAP + 1) + ") t"))
			.query(Long.class)
			.single();
		return new MoodNotePage(notes, next, Math.min(total, TOTAL_CAP), total > TOTAL_CAP);
	}

	static SqlFilter filter(CurrentUser user, MoodNoteQuery query) {
		SqlFilter filter = new SqlFilter("n.community_id = :community").param("community", user.communityId());
		Long[] grids = user.scope().gridFilter();
		filter.andIf(grids, "n.grid_id = any(:scopeGrids)", "scopeGrids");
		filter.andIf(query.subjectType(), "n.subject_type = :subject", "subject");
		filter.andIf(query.personId(), "n.person_id = :person", "person");
		filter.andIf(query.groupCode(), "n.group_code = :group", "group");
		filter.andIf(query.gridId(), "n.grid_id = :grid", "grid");
		filter.andIf(query.mood(), "n.mood = :mood", "mood");
		filter.andIf(query.from(), "n.noted_on >= :from", "from");
		filter.andIf(query.to(), "n.noted_on <= :to", "to");
		return filter;
	}

	/**
	 * Checks a note as {@link #file} does, adding what is wrong to {@code problems} with
	 * each field prefixed, for a screening report that files several at once.
	 * @param reportGrid the report's grid, for a group note that names none
	 * @return the checked note, or {@literal null} when something is wrong
	 */
	@Nullable Checked validate(CurrentUser user, NewMoodNote input, String prefix, @Nullable Long reportGrid,
			List<Violation> problems) {
		int before = problems.size();
		MoodSubject subject = ConflictManagement.code(MoodSubject.class, input.subjectType(), prefix + "subjectType",
				"mood.subjectType.unknown", problems);
		Long gridId = null;
		Long areaId = null;
		Long personId = null;
		String groupCode = null;
		if (subject == MoodSubject.PERSON) {
			if (input.groupCode() != null) {
				problems.add(new Violation(prefix + "groupCode", "mood.subject.both"));
			}
			if (input.personId() == null) {
				problems.add(new Violation(prefix + "personId", "field.required"));
			}
			else {
				try {
					Person person = this.people.get(user, input.personId());
					personId = person.id();
					gridId = person.gridId();
					areaId = person.areaId();
				}
				catch (NotFound | AccessDeniedException ex) {
					problems.add(new Violation(prefix + "personId", "conflict.person.unknown", input.personId()));
				}
			}
		}
		else if (subject == MoodSubject.GROUP) {
			if (input.personId() != null) {
				problems.add(new Violation(prefix + "personId", "mood.subject.both"));
			}
			if (input.groupCode() == null || input.groupCode().isBlank()) {
				problems.add(new Violation(prefix + "groupCode", "field.required"));
			}
			else if (!this.groups.byCode(user.community()).containsKey(input.groupCode().strip())) {
				problems.add(new Violation(prefix + "groupCode", "conflict.group.unknown", input.groupCode()));
			}
			else {
				groupCode = input.groupCode().strip();
			}
			Long grid = (input.gridId() != null) ? input.gridId() : reportGrid;
			if (grid == null && !user.scope().wholeCommunity()) {
				problems.add(new Violation(prefix + "gridId", "field.required"));
			}
			else if (grid != null) {
				Place place = null;
				try {
					place = this.places.get(user, grid);
				}
				catch (NotFound | AccessDeniedException ex) {
					// answered below as an unknown grid
				}
				if (place == null || place.kind() != PlaceKind.GRID) {
					problems.add(new Violation(prefix + "gridId", "conflict.grid.unknown", grid));
				}
				else {
					gridId = place.id();
					areaId = place.areaId();
				}
			}
		}
		LocalDate date = day(input.date(), prefix + "date", today(), problems);
		MoodSource source = ConflictManagement.code(MoodSource.class, input.source(), prefix + "source",
				"mood.source.unknown", problems);
		Mood mood = ConflictManagement.code(Mood.class, input.mood(), prefix + "mood", "mood.mood.unknown", problems);
		Set<String> topics = new LinkedHashSet<>();
		for (String topic : input.topics()) {
			if (topic == null || this.categories.find(user.community(), topic.strip()).isEmpty()) {
				problems.add(new Violation(prefix + "topics", "mood.topic.unknown", topic));
			}
			else {
				topics.add(topic.strip());
			}
		}
		Set<String> tags = new LinkedHashSet<>();
		for (String tag : input.tags()) {
			if (tag == null || tag.isBlank() || tag.strip().length() > MAX_TAG) {
				problems.add(new Violation(prefix + "tags", "mood.tag.length", MAX_TAG));
			}
			else {
				tags.add(tag.strip());
			}
		}
		if (tags.size() > MAX_TAGS) {
			problems.add(new Violation(prefix + "tags", "mood.tags.tooMany", MAX_TAGS));
		}
		String summary = ConflictManagement.text(problems, input.summary(), prefix + "summary", 2000);
		if (problems.size() > before || subject == null || date == null || source == null || mood == null) {
			return null;
		}
		return new Checked(subject, personId, groupCode, gridId, areaId, date, source, mood, List.copyOf(topics),
				List.copyOf(tags), summary);
	}

	/**
	 * Writes a checked note with its audit row and event.
	 * @return the note's id
	 */
	long insert(CurrentUser user, Checked note, @Nullable Long roundId) {
		long id = this.jdbc.sql("""
				insert into mood_note (community_id, subject_type, person_id, group_code, grid_id, area_id, noted_on,
				                       source, mood, topics, tags, summary, round_id, recorded_by)
				values (:c, :subject, :person, :group, :grid, :area, :date, :source, :mood, :topics, :tags, :summary,
				        :round, :actor)
				returning id
				""")
			.param("c", user.communityId())
			.param("subject", note.subject().name())
			.param("person", note.personId())
			.param("group", note.groupCode())
			.param("grid", note.gridId())
			.param("area", note.areaId())
			.param("date", note.date())
			.param("source", note.source().name())
			.param("mood", note.mood().name())
			.param("topics", note.topics().toArray(String[]::new))
			.param("tags", note.tags().toArray(String[]::new))
			.param("summary", note.summary())
			.param("round", roundId)
			.param("actor", user.actor())
			.query(Long.class)
			.single();
		Map<String, Object> detail = new java.util.LinkedHashMap<>();
		detail.put("subjectType", note.subject().name());
		detail.put("mood", note.mood().name());
		detail.put("date", note.date().toString());
		if (note.personId() != null) {
			detail.put("personId", note.personId());
		}
		if (note.groupCode() != null) {
			detail.put("groupCode", note.groupCode());
		}
		this.audit.record(user.community(), "MOOD_NOTE_FILED", "MOOD_NOTE", id, detail);
		this.events.publishEvent(new MoodNoteFiled(user.community(), id, note.subject(), note.personId(),
				note.groupCode(), note.gridId(), note.mood(), note.date()));
		return id;
	}

	/**
	 * @return the day, or {@literal null} with a problem added when it is missing, not a
	 * date, or after {@code today}
	 */
	static @Nullable LocalDate day(@Nullable String text, String field, LocalDate today, List<Violation> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new Violation(field, "field.required"));
			return null;
		}
		try {
			LocalDate day = LocalDate.parse(text.strip());
			if (day.isAfter(today)) {
				problems.add(new Violation(field, "stability.date.future"));
				return null;
			}
			return day;
		}
		catch (DateTimeParseException ex) {
			problems.add(new Violation(field, "stability.date.format", text));
			return null;
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE);
	}

	static MoodNote read(ResultSet rs, int row) throws SQLException {
		return new MoodNote(rs.getLong("id"), MoodSubject.valueOf(rs.getString("subject_type")),
				rs.getObject("person_id", Long.class), rs.getString("group_code"), rs.getObject("grid_id", Long.class),
				rs.getObject("area_id", Long.class), rs.getObject("noted_on", LocalDate.class),
				MoodSource.valueOf(rs.getString("source")), Mood.valueOf(rs.getString("mood")),
				strings(rs.getArray("topics")), strings(rs.getArray("tags")), rs.getString("summary"),
				rs.getObject("round_id", Long.class), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return List.copyOf(Arrays.asList((String[]) array.getArray()));
	}

	/**
	 * A note about to be inserted, checked.
	 */
	record Checked(MoodSubject subject, @Nullable Long personId, @Nullable String groupCode, @Nullable Long gridId,
			@Nullable Long areaId, LocalDate date, MoodSource source, Mood mood, List<String> topics, List<String> tags,
			String summary) {
	}

}
