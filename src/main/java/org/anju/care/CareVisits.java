package org.anju.care;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.OutOfReach;
import org.anju.identity.Permission;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.people.PersonStatus;
import org.anju.platform.SqlFilter;
import org.anju.shared.BadParameter;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.stability.Mood;
import org.anju.stability.MoodNote;
import org.anju.stability.MoodNotes;
import org.anju.stability.NewMoodNote;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.anju.care.SpecialLists.require;
import static org.anju.care.SpecialLists.trimmed;

/**
 * Records care visits (走访慰问). In one transaction a visit writes itself, its gifts and
 * needs, files its mood note through stability (so that it feeds thinking dynamics),
 * turns each need marked for it into an appeal of channel {@code VISIT} through appeals,
 * ticks the person's open entries on the visit lists, and writes its audit row. A grid
 * worker records and sees only the visits of their grids.
 */
@Service
@Transactional
public class CareVisits {

	static final int MAX_VISITORS = 10;

	static final int MAX_GIFTS = 20;

	static final int MAX_NEEDS = 10;

	static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");

	/** How far back a visit may be recorded. */
	static final int MAX_AGE_DAYS = 366;

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String COLUMNS = """
			id, person_id, person_name, grid_id, visited_on, visitor_ids, reason, condition, mood, mood_note_id,
			recorded_by, recorded_at, version""";

	private final JdbcClient jdbc;

	private final PersonManagement people;

	private final UserManagement users;

	private final AppealCategories categories;

	private final AppealManagement appeals;

	private final MoodNotes moodNotes;

	private final VisitLists lists;

	private final AuditTrail audit;

	private final Clock clock;

	private final OutOfReach reach;

	CareVisits(JdbcClient jdbc, PersonManagement people, UserManagement users, AppealCategories categories,
			AppealManagement appeals, MoodNotes moodNotes, VisitLists lists, AuditTrail audit, Clock clock,
			OutOfReach reach) {
		this.jdbc = jdbc;
		this.people = people;
		this.users = users;
		this.categories = categories;
		this.appeals = appeals;
		this.moodNotes = moodNotes;
		this.lists = lists;
		this.audit = audit;
		this.clock = clock;
		this.reach = reach;
	}

	/**
	 * Records a visit.
	 * @return the visit as stored, with the numbers of the appeals its needs became
	 * @throws InvalidInput naming every field that breaks a rule, with nothing written
	 * @throws NotFound when the person is not there or outside the caller's grids
	 * @throws Refused when the person is no longer on the registry
	 */
	public CareVisit record(CurrentUser user, NewVisit form) {
		require(user, Permission.PEOPLE_WRITE);
		List<Violation> errors = new ArrayList<>();
		if (form.personId() == null) {
			errors.add(new Violation("personId", "field.required"));
		}
		LocalDate date = date(form.date(), errors);
		Set<Long> visitors = visitors(user, form.visitorIds(), errors);
		VisitReason reason = code(VisitReason.class, form.reason(), "reason", "care.visit.reason.unknown", errors);
		List<CareVisit.Gift> gifts = gifts(form.gifts(), errors);
		String condition = trimmed(form.condition());
		if (condition == null) {
			errors.add(new Violation("condition", "field.required"));
		}
		else if (condition.length() > 1000) {
			errors.add(new Violation("condition", "care.text.long", 1000));
		}
		Mood mood = code(Mood.class, form.mood(), "mood", "care.visit.mood.unknown", errors);
		String moodNote = trimmed(form.moodNote());
		if (moodNote != null && moodNote.length() > 2000) {
			errors.add(new Violation("moodNote", "care.text.long", 2000));
		}
		List<CheckedNeed> needs = needs(user, form.needs(), errors);
		if (!errors.isEmpty() || date == null || reason == null || condition == null || mood == null) {
			throw new InvalidInput(errors);
		}
		Person person = this.people.get(user, form.personId());
		if (person.status() != PersonStatus.REGISTERED) {
			throw new Refused("care.person.notRegistered");
		}
		if (date.isBefore(person.birthDate())) {
			throw new InvalidInput("date", "care.date.beforeBirth");
		}
		MoodNote note = this.moodNotes.file(user, new NewMoodNote("PERSON", person.id(), null, null, date.toString(),
				"VISIT", mood.name(), List.of(), List.of(), (moodNote != null) ? moodNote : condition));
		long id = this.jdbc.sql("""
				insert into care_visit (community_id, person_id, person_name, grid_id, visited_on, visitor_ids, reason,
				                        condition, mood, mood_note_id, recorded_by)
				values (:c, :person, :name, :grid, :on, :visitors, :reason, :condition, :mood, :note, :by)
				returning id
				""")
			.param("c", user.communityId())
			.param("person", person.id())
			.param("name", person.name())
			.param("grid", person.gridId())
			.param("on", date)
			.param("visitors", visitors.toArray(Long[]::new))
			.param("reason", reason.name())
			.param("condition", condition)
			.param("mood", mood.name())
			.param("note", note.id())
			.param("by", user.actor())
			.query(Long.class)
			.single();
		BigDecimal total = BigDecimal.ZERO;
		for (int i = 0; i < gifts.size(); i++) {
			CareVisit.Gift gift = gifts.get(i);
			total = total.add(gift.amountYuan());
			this.jdbc.sql("""
					insert into visit_gift (community_id, visit_id, seq, item, amount_yuan)
					values (:c, :visit, :seq, :item, :amount)
					""")
				.param("c", user.communityId())
				.param("visit", id)
				.param("seq", i)
				.param("item", gift.item())
				.param("amount", gift.amountYuan())
				.update();
		}
		List<Long> appealIds = new ArrayList<>();
		for (int i = 0; i < needs.size(); i++) {
			CheckedNeed need = needs.get(i);
			AppealView appeal = (need.category() != null) ? submit(user, person, need, i) : null;
			if (appeal != null) {
				appealIds.add(appeal.id());
			}
			this.jdbc.sql("""
					insert into visit_need (community_id, visit_id, seq, text, appeal_id, appeal_number)
					values (:c, :visit, :seq, :text, :appeal, :number)
					""")
				.param("c", user.communityId())
				.param("visit", id)
				.param("seq", i)
				.param("text", need.text())
				.param("appeal", (appeal != null) ? appeal.id() : null)
				.param("number", (appeal != null) ? appeal.number() : null)
				.update();
		}
		List<Long> ticked = this.lists.tick(user, person.id(), id, date);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("personId", person.id());
		detail.put("date", date.toString());
		detail.put("reason", reason.name());
		detail.put("visitorIds", List.copyOf(visitors));
		detail.put("giftTotalYuan", total.toPlainString());
		detail.put("mood", mood.name());
		detail.put("moodNoteId", note.id());
		detail.put("needs", needs.size());
		detail.put("appealIds", appealIds);
		detail.put("tickedListIds", ticked);
		this.audit.record(user.community(), "CARE_VISIT_RECORDED", "CARE_VISIT", id, detail);
		return find(user.communityId(), id);
	}

	/**
	 * @throws NotFound when there is no such visit, or it lies outside the caller's
	 * grids; the latter is audited as a denied access
	 */
	@Transactional(readOnly = true)
	public CareVisit get(CurrentUser user, long id) {
		require(user, Permission.PEOPLE_READ);
		CareVisit visit = load(user.communityId(), id).orElseThrow(() -> new NotFound("visit", id));
		this.reach.require(user, user.scope().covers(visit.gridId()), "CARE_VISIT", "visit", id);
		return visit;
	}

	/**
	 * The visits within the caller's grids, the latest recorded first.
	 * @param personId one person's visits only, or {@code null}
	 * @throws BadParameter for a size outside 1 to 200 or a cursor this list did not make
	 */
	@Transactional(readOnly = true)
	public VisitPage list(CurrentUser user, @Nullable Long personId, @Nullable String cursor, int size) {
		require(user, Permission.PEOPLE_READ);
		if (size < 1 || size > SpecialLists.MAX_PAGE) {
			throw new BadParameter("size", "search.size", SpecialLists.MAX_PAGE);
		}
		Long after = KeysetCursor.parse(cursor);
		SqlFilter filter = new SqlFilter("community_id = :c").param("c", user.communityId());
		filter.andIf(user.scope().gridFilter(), "grid_id = any(:grids)", "grids");
		filter.andIf(personId, "person_id = :person", "person");
		long total = filter.bind(this.jdbc.sql("select count(*) from care_visit where " + filter.where()))
			.query(Long.class)
			.single();
		filter.andIf(after, "id < :after", "after");
		List<Long> ids = new ArrayList<>(filter
			.bind(this.jdbc.sql("select id from care_visit where " + filter.where() + " order by id desc limit :limit"))
			.param("limit", size + 1)
			.query(Long.class)
			.list());
		String next = null;
		if (ids.size() > size) {
			ids.remove(size);
			next = KeysetCursor.encode(ids.get(size - 1));
		}
		return new VisitPage(ids.stream().map((id) -> find(user.communityId(), id)).toList(), next, total);
	}

	private @Nullable AppealView submit(CurrentUser user, Person person, CheckedNeed need, int index) {
		String title = (need.text().length() > 40) ? need.text().substring(0, 39) + "…" : need.text();
		try {
			return this.appeals.submit(user, new NewAppeal(person.id(), null, null, List.of(), need.category(),
					Channel.VISIT, title, need.text(), person.roomId(), null, false, false, null));
		}
		catch (InvalidInput ex) {
			// the need was checked before anything was written; what appeals still
			// refuses is named on the need
			throw new InvalidInput(ex.violations()
				.stream()
				.map((violation) -> new Violation("needs[" + index + "]." + violation.field(), violation.code(),
						violation.args()))
				.toList());
		}
	}

	private record CheckedNeed(String text, @Nullable String category) {
	}

	private List<CheckedNeed> needs(CurrentUser user, List<NewVisit.Need> needs, List<Violation> errors) {
		if (needs.size() > MAX_NEEDS) {
			errors.add(new Violation("needs", "care.visit.needs.tooMany", MAX_NEEDS));
			return List.of();
		}
		List<CheckedNeed> checked = new ArrayList<>();
		for (int i = 0; i < needs.size(); i++) {
			NewVisit.Need need = needs.get(i);
			String prefix = "needs[" + i + "].";
			String text = (need != null) ? trimmed(need.text()) : null;
			if (text == null) {
				errors.add(new Violation(prefix + "text", "field.required"));
				continue;
			}
			if (text.length() > 500) {
				errors.add(new Violation(prefix + "text", "care.text.long", 500));
			}
			String code = trimmed(need.categoryCode());
			if (need.createAppeal()) {
				if (!user.may(Permission.APPEALS_INTAKE)) {
					errors.add(new Violation(prefix + "createAppeal", "care.visit.need.noIntake"));
				}
				if (code == null) {
					errors.add(new Violation(prefix + "categoryCode", "care.visit.need.category"));
				}
				else {
					Optional<AppealCategory> category = this.categories.find(user.community(), code);
					if (category.isEmpty() || !category.get().active()) {
						errors.add(new Violation(prefix + "categoryCode", "care.visit.need.categoryUnknown", code));
					}
				}
			}
			checked.add(new CheckedNeed(text, need.createAppeal() ? code : null));
		}
		return checked;
	}

	private List<CareVisit.Gift> gifts(List<NewVisit.Gift> gifts, List<Violation> errors) {
		if (gifts.size() > MAX_GIFTS) {
			errors.add(new Violation("gifts", "care.visit.gifts.tooMany", MAX_GIFTS));
			return List.of();
		}
		List<CareVisit.Gift> checked = new ArrayList<>();
		for (int i = 0; i < gifts.size(); i++) {
			NewVisit.Gift gift = gifts.get(i);
			String prefix = "gifts[" + i + "].";
			int before = errors.size();
			String item = (gift != null) ? trimmed(gift.item()) : null;
			BigDecimal amount = (gift != null) ? gift.amountYuan() : null;
			if (item == null) {
				errors.add(new Violation(prefix + "item", "field.required"));
			}
			else if (item.length() > 50) {
				errors.add(new Violation(prefix + "item", "care.text.long", 50));
			}
			if (amount == null) {
				errors.add(new Violation(prefix + "amountYuan", "field.required"));
			}
			else if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0) {
				errors.add(new Violation(prefix + "amountYuan", "care.visit.amount.range", MAX_AMOUNT.toPlainString()));
			}
			else if (amount.stripTrailingZeros().scale() > 2) {
				errors.add(new Violation(prefix + "amountYuan", "care.visit.amount.cents"));
			}
			if (errors.size() == before && item != null && amount != null) {
				checked.add(new CareVisit.Gift(item, amount.setScale(2, java.math.RoundingMode.UNNECESSARY)));
			}
		}
		return checked;
	}

	private Set<Long> visitors(CurrentUser user, List<Long> ids, List<Violation> errors) {
		Set<Long> visitors = new LinkedHashSet<>(ids);
		if (visitors.isEmpty()) {
			errors.add(new Violation("visitorIds", "field.required"));
		}
		else if (visitors.size() > MAX_VISITORS) {
			errors.add(new Violation("visitorIds", "care.visit.visitors.tooMany", MAX_VISITORS));
		}
		else {
			for (Long id : visitors) {
				if (id == null || !enabledStaff(user, id)) {
					errors.add(new Violation("visitorIds", "care.visit.visitor.unknown", String.valueOf(id)));
				}
			}
		}
		return visitors;
	}

	private boolean enabledStaff(CurrentUser user, long id) {
		try {
			UserAccount account = this.users.get(user.community(), id);
			return account.enabled() && account.role() != org.anju.identity.Role.RESIDENT;
		}
		catch (NotFound ex) {
			return false;
		}
	}

	private @Nullable LocalDate date(@Nullable String text, List<Violation> errors) {
		if (text == null || text.isBlank()) {
			errors.add(new Violation("date", "field.required"));
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new Violation("date", "care.visit.date.format"));
			return null;
		}
		LocalDate today = LocalDate.now(this.clock.withZone(SHANGHAI));
		if (date.isAfter(today)) {
			errors.add(new Violation("date", "care.date.future"));
			return null;
		}
		if (date.isBefore(today.minusDays(MAX_AGE_DAYS))) {
			errors.add(new Violation("date", "care.visit.date.old", MAX_AGE_DAYS));
			return null;
		}
		return date;
	}

	private static <E extends Enum<E>> @Nullable E code(Class<E> type, @Nullable String value, String field,
			String unknown, List<Violation> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new Violation(field, "field.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			errors.add(new Violation(field, unknown, value));
			return null;
		}
	}

	private CareVisit find(long community, long id) {
		return load(community, id).orElseThrow(() -> new NotFound("visit", id));
	}

	private Optional<CareVisit> load(long community, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from care_visit where community_id = :c and id = :id")
			.param("c", community)
			.param("id", id)
			.query((rs, n) -> read(community, rs))
			.optional();
	}

	private CareVisit read(long community, ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		List<CareVisit.Gift> gifts = this.jdbc
			.sql("select item, amount_yuan from visit_gift where community_id = :c and visit_id = :id order by seq")
			.param("c", community)
			.param("id", id)
			.query((row, n) -> new CareVisit.Gift(row.getString(1), row.getBigDecimal(2)))
			.list();
		List<CareVisit.Need> needs = this.jdbc.sql("""
				select text, appeal_id, appeal_number from visit_need where community_id = :c and visit_id = :id
				order by seq
				""")
			.param("c", community)
			.param("id", id)
			.query((row, n) -> new CareVisit.Need(row.getString(1), row.getObject(2, Long.class), row.getString(3)))
			.list();
		List<Long> ticked = this.jdbc
			.sql("select list_id from visit_entry where community_id = :c and visit_id = :id order by list_id")
			.param("c", community)
			.param("id", id)
			.query(Long.class)
			.list();
		BigDecimal total = gifts.stream()
			.map(CareVisit.Gift::amountYuan)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(2, java.math.RoundingMode.UNNECESSARY);
		return new CareVisit(id, rs.getLong("person_id"), rs.getString("person_name"),
				rs.getObject("grid_id", Long.class), rs.getDate("visited_on").toLocalDate(),
				VisitLists.longs(rs.getArray("visitor_ids")), VisitReason.valueOf(rs.getString("reason")), gifts, total,
				rs.getString("condition"), Mood.valueOf(rs.getString("mood")), rs.getLong("mood_note_id"), needs,
				ticked, rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getLong("version"));
	}

}
