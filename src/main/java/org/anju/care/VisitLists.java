package org.anju.care;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.DataScope;
import org.anju.identity.OutOfReach;
import org.anju.identity.Permission;
import org.anju.identity.UserManagement;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.platform.SqlFilter;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.anju.care.SpecialLists.require;

/**
 * Care-visit lists (走访慰问名单): a rule picks the people for a period and each becomes an
 * entry assigned to the grid workers of their grid. The same rule and period make the
 * same list, so generating it again only adds whoever qualifies since. A visit ticks the
 * person's open entries; a death cancels them. Progress and coverage are counted within
 * the caller's grids. The workers given new people hear of it through
 * {@link VisitListAssigned}.
 */
@Service
@Transactional
public class VisitLists {

	/** The longest period a non-festival rule may cover. */
	public static final int MAX_PERIOD_DAYS = 366;

	/**
	 * How long before a list's period a visit still counts for it: festival visits are
	 * made in the weeks before the day.
	 */
	static final int EARLY_DAYS = 30;

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String LIST_COLUMNS = """
			l.id, l.rule, l.period_start, l.period_end, l.due_date, l.generated_by, l.generated_at, l.version""";

	private static final String ENTRY_COLUMNS = """
			e.list_id, e.person_id, e.person_name, e.grid_id, e.group_codes, e.why_code, e.why_args, e.assignee_ids,
			e.state, e.visit_id, e.closed_on, e.close_reason, l.due_date""";

	private final JdbcClient jdbc;

	private final List<VisitCandidates> candidates;

	private final UserManagement users;

	private final PlaceManagement places;

	private final InterestGroups groups;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	private final OutOfReach reach;

	private final ApplicationEventPublisher events;

	VisitLists(JdbcClient jdbc, List<VisitCandidates> candidates, UserManagement users, PlaceManagement places,
			InterestGroups groups, AuditTrail audit, MessageSource messages, Clock clock, OutOfReach reach,
			ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.candidates = candidates;
		this.users = users;
		this.places = places;
		this.groups = groups;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.reach = reach;
	}

	/**
	 * The outcome of generating a list: the list, whether it is new, and how many people
	 * were added to it.
	 */
	public record Generation(VisitList list, boolean created, int added) {
	}

	/**
	 * Generates the list of a rule for a period, or tops up the one already there. Only
	 * staff who reach the whole community generate lists.
	 * @throws InvalidInput listing every field that breaks a rule
	 * @throws AccessDeniedException for a caller limited to some grids
	 */
	public Generation generate(CurrentUser user, NewVisitList form) {
		require(user, Permission.PEOPLE_WRITE);
		if (!user.scope().wholeCommunity()) {
			throw new AccessDeniedException("generating a visit list needs the whole community");
		}
		List<Violation> errors = new ArrayList<>();
		VisitListRule rule = form.rule();
		LocalDate from = null;
		LocalDate to = null;
		if (rule == null) {
			errors.add(new Violation("rule", "field.required"));
		}
		else if (rule.festival()) {
			if (form.year() == null) {
				errors.add(new Violation("year", "field.required"));
			}
			else if (form.year() < 2000 || form.year() > 2100) {
				errors.add(new Violation("year", "care.qualification.year"));
			}
			else {
				from = rule.dayIn(form.year());
				to = from;
			}
		}
		else {
			if (form.from() == null) {
				errors.add(new Violation("from", "field.required"));
			}
			if (form.to() == null) {
				errors.add(new Violation("to", "field.required"));
			}
			if (form.from() != null && form.to() != null) {
				if (form.to().isBefore(form.from())) {
					errors.add(new Violation("to", "care.visitList.toBeforeFrom"));
				}
				else if (ChronoUnit.DAYS.between(form.from(), form.to()) >= MAX_PERIOD_DAYS) {
					errors.add(new Violation("to", "care.visitList.periodLong", MAX_PERIOD_DAYS));
				}
				else {
					from = form.from();
					to = form.to();
				}
			}
		}
		LocalDate due = (form.dueDate() != null) ? form.dueDate() : to;
		LocalDate start = (from != null || rule == null || rule.festival()) ? from : form.from();
		if (form.dueDate() != null && start != null && form.dueDate().isBefore(start)) {
			errors.add(new Violation("dueDate", "care.visitList.dueBeforePeriod"));
		}
		if (!errors.isEmpty() || rule == null || from == null || to == null || due == null) {
			throw new InvalidInput(errors);
		}
		Long id = this.jdbc.sql("""
				insert into visit_list (community_id, rule, period_start, period_end, due_date, generated_by)
				values (:c, :rule, :from, :to, :due, :by)
				on conflict (community_id, rule, period_start, period_end) do nothing
				returning id
				""")
			.param("c", user.communityId())
			.param("rule", rule.name())
			.param("from", from)
			.param("to", to)
			.param("due", due)
			.param("by", user.actor())
			.query(Long.class)
			.optional()
			.orElse(null);
		boolean created = id != null;
		long listId = created ? id
				: this.jdbc.sql("""
						select id from visit_list where community_id = :c and rule = :rule and period_start = :from
						  and period_end = :to for update
						""")
					.param("c", user.communityId())
					.param("rule", rule.name())
					.param("from", from)
					.param("to", to)
					.query(Long.class)
					.single();
		Map<Long, Integer> assigned = new HashMap<>();
		int added = addEntries(user, listId, rule, from, to, assigned);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("rule", rule.name());
		detail.put("periodStart", from.toString());
		detail.put("periodEnd", to.toString());
		detail.put("added", added);
		if (created) {
			detail.put("dueDate", due.toString());
		}
		else {
			this.jdbc.sql("update visit_list set version = version + 1 where community_id = :c and id = :id")
				.param("c", user.communityId())
				.param("id", listId)
				.update();
		}
		this.audit.record(user.community(), created ? "VISIT_LIST_GENERATED" : "VISIT_LIST_TOPPED_UP", "VISIT_LIST",
				listId, detail);
		VisitList list = find(user.scope(), listId);
		if (!assigned.isEmpty()) {
			this.events.publishEvent(new VisitListAssigned(user.community(), listId, rule, list.periodStart(),
					list.periodEnd(), list.dueDate(), list.version(), assigned));
		}
		return new Generation(list, created, added);
	}

	/**
	 * @param assigned filled with how many of the people added each grid worker was given
	 */
	private int addEntries(CurrentUser user, long listId, VisitListRule rule, LocalDate from, LocalDate to,
			Map<Long, Integer> assigned) {
		VisitCandidates finder = this.candidates.stream()
			.filter((candidates) -> candidates.rules().contains(rule))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no candidates for " + rule));
		List<VisitCandidates.Candidate> found = finder.find(user, rule, from, to);
		Map<Long, Long[]> workers = new HashMap<>();
		int added = 0;
		for (VisitCandidates.Candidate candidate : found) {
			Long grid = candidate.person().gridId();
			Long[] assignees = (grid == null) ? new Long[0] : workers.computeIfAbsent(grid,
					(g) -> this.users.gridWorkerIds(user.community(), g).toArray(Long[]::new));
			int inserted = this.jdbc
				.sql("""
						insert into visit_entry (community_id, list_id, person_id, person_name, grid_id, group_codes, why_code,
						                         why_args, assignee_ids)
						values (:c, :list, :person, :name, :grid, :groups, :why, :args, :assignees)
						on conflict (community_id, list_id, person_id) do nothing
						""")
				.param("c", user.communityId())
				.param("list", listId)
				.param("person", candidate.person().id())
				.param("name", candidate.person().name())
				.param("grid", grid)
				.param("groups", candidate.person().groups().stream().map((g) -> g.code()).toArray(String[]::new))
				.param("why", candidate.whyCode())
				.param("args", candidate.whyArgs().toArray(String[]::new))
				.param("assignees", assignees)
				.update();
			added += inserted;
			if (inserted > 0) {
				for (Long assignee : assignees) {
					assigned.merge(assignee, 1, Integer::sum);
				}
			}
		}
		return added;
	}

	/**
	 * @return the lists, the latest first, each with its progress within the caller's
	 * grids
	 * @param overdue only the lists past their due day with entries still open there
	 * @param dueFrom only the lists due on or after this day, or {@code null}
	 * @param dueTo only the lists due on or before this day, or {@code null}: with
	 * {@code dueFrom}, the lists behind a period's
	 * {@link #coverage(DataScope, LocalDate, LocalDate)}
	 * @throws BadParameter for a size outside 1 to 200 or a cursor this list did not make
	 */
	@Transactional(readOnly = true)
	public VisitListPage list(CurrentUser user, boolean overdue, @Nullable LocalDate dueFrom, @Nullable LocalDate dueTo,
			@Nullable String cursor, int size) {
		require(user, Permission.PEOPLE_READ);
		if (size < 1 || size > SpecialLists.MAX_PAGE) {
			throw new BadParameter("size", "search.size", SpecialLists.MAX_PAGE);
		}
		Long after = KeysetCursor.parse(cursor);
		SqlFilter filter = new SqlFilter("l.community_id = :c").param("c", user.communityId());
		filter.andIf(dueFrom, "l.due_date >= :dueFrom", "dueFrom");
		filter.andIf(dueTo, "l.due_date <= :dueTo", "dueTo");
		if (overdue) {
			filter.and("l.due_date < :today").param("today", today());
			filter.and("exists (select 1 from visit_entry e where e.community_id = l.community_id and e.list_id = l.id"
					+ " and e.state = 'OPEN'" + gridClause(user.scope()) + ")");
			bindGrids(filter, user.scope());
		}
		long total = filter.bind(this.jdbc.sql("select count(*) from visit_list l where " + filter.where()))
			.query(Long.class)
			.single();
		filter.andIf(after, "l.id < :after", "after");
		List<Long> ids = new ArrayList<>(filter
			.bind(this.jdbc
				.sql("select l.id from visit_list l where " + filter.where() + " order by l.id desc limit :limit"))
			.param("limit", size + 1)
			.query(Long.class)
			.list());
		String next = null;
		if (ids.size() > size) {
			ids.remove(size);
			next = KeysetCursor.encode(ids.get(size - 1));
		}
		return new VisitListPage(ids.stream().map((id) -> find(user.scope(), id)).toList(), next, total);
	}

	/**
	 * @param state only the entries in this state, or {@code null} for all; with
	 * {@code overdue} only the open entries past the due day
	 * @return the list with a page of its entries within the caller's grids, by person
	 * @throws NotFound when there is no such list
	 */
	@Transactional(readOnly = true)
	public VisitListDetail get(CurrentUser user, long id, VisitEntry.@Nullable State state, boolean overdue,
			@Nullable String cursor, int size) {
		require(user, Permission.PEOPLE_READ);
		if (size < 1 || size > SpecialLists.MAX_PAGE) {
			throw new BadParameter("size", "search.size", SpecialLists.MAX_PAGE);
		}
		Long after = KeysetCursor.parse(cursor);
		VisitList list = find(user.scope(), id);
		SqlFilter filter = new SqlFilter("e.community_id = :c and e.list_id = :list").param("c", user.communityId())
			.param("list", id);
		bindGrids(filter.and("true" + gridClause(user.scope())), user.scope());
		if (overdue) {
			filter.and("e.state = 'OPEN' and l.due_date < :today").param("today", today());
		}
		filter.andIf((state != null) ? state.name() : null, "e.state = :state", "state");
		String from = " from visit_entry e join visit_list l on l.community_id = e.community_id and l.id = e.list_id";
		long total = filter.bind(this.jdbc.sql("select count(*)" + from + " where " + filter.where()))
			.query(Long.class)
			.single();
		filter.andIf(after, "e.person_id > :after", "after");
		List<VisitEntry> rows = new ArrayList<>(filter
			.bind(this.jdbc.sql("select " + ENTRY_COLUMNS + from + " where " + filter.where()
					+ " order by e.person_id limit :limit"))
			.param("limit", size + 1)
			.query(this::readEntry)
			.list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			next = KeysetCursor.encode(rows.get(size - 1).personId());
		}
		return new VisitListDetail(list, rows, next, total);
	}

	/**
	 * @return the share of the list visited, in all, by grid and by interest group,
	 * within the caller's grids
	 * @throws NotFound when there is no such list
	 */
	@Transactional(readOnly = true)
	public ListCoverage coverage(CurrentUser user, long id) {
		require(user, Permission.PEOPLE_READ);
		VisitList list = find(user.scope(), id);
		boolean pastDue = list.dueDate().isBefore(today());
		Locale locale = LocaleContextHolder.getLocale();
		List<ListCoverage.Part> byGrid = new ArrayList<>();
		for (Count count : counts(user.scope(), id, "cast(e.grid_id as text)")) {
			String name = (count.key() == null) ? null
					: this.places.find(user.community(), Long.parseLong(count.key())).map(Place::name).orElse(null);
			byGrid.add(new ListCoverage.Part(String.valueOf(count.key()), name, count.progress(pastDue)));
		}
		Map<String, InterestGroup> known = this.groups.byCode(user.community());
		List<ListCoverage.Part> byGroup = new ArrayList<>();
		for (Count count : counts(user.scope(), id, "unnest(e.group_codes)")) {
			InterestGroup group = (count.key() != null) ? known.get(count.key()) : null;
			byGroup.add(new ListCoverage.Part(String.valueOf(count.key()), (group != null) ? group.name(locale) : null,
					count.progress(pastDue)));
		}
		return new ListCoverage(id, list.progress(), byGrid, byGroup);
	}

	/**
	 * The care-visit coverage of a period for the dashboard and the monthly report: of
	 * the entries on the lists due within the period, within the scope's grids, the share
	 * visited. It reads committed rows only and writes nothing.
	 * @param scope whose grids to count; a scope of the whole community counts all
	 * @return never {@literal null}
	 */
	@Transactional(readOnly = true)
	public VisitCoverage coverage(DataScope scope, LocalDate from, LocalDate to) {
		SqlFilter filter = new SqlFilter("l.community_id = :c and l.due_date between :from and :to")
			.param("c", scope.communityId())
			.param("from", from)
			.param("to", to);
		record Row(long lists, long entries, long visited) {
		}
		Row row = bindGrids(filter, scope).bind(this.jdbc
			.sql("""
					select count(distinct l.id) as lists, count(e.person_id) filter (where e.state <> 'CANCELLED') as entries,
					       count(e.person_id) filter (where e.state = 'VISITED') as visited
					from visit_list l left join visit_entry e on e.community_id = l.community_id and e.list_id = l.id"""
					+ gridClause(scope) + " where " + filter.where()))
			.query(Row.class)
			.single();
		VisitList.Progress progress = VisitList.Progress.of(row.entries(), row.visited(), 0, false);
		return new VisitCoverage(from, to, row.lists(), row.entries(), row.visited(), progress.percent());
	}

	/**
	 * Ticks the person's open entries on the lists whose period began no more than
	 * {@value #EARLY_DAYS} days after the visit. Part of recording the visit, in its
	 * transaction.
	 * @return the ids of the lists ticked
	 */
	List<Long> tick(CurrentUser user, long personId, long visitId, LocalDate visitedOn) {
		return this.jdbc.sql("""
				update visit_entry e set state = 'VISITED', visit_id = :visit, closed_on = :on
				from visit_list l
				where e.community_id = :c and e.person_id = :person and e.state = 'OPEN'
				  and l.community_id = e.community_id and l.id = e.list_id and l.period_start <= :latest
				returning e.list_id
				""")
			.param("visit", visitId)
			.param("on", visitedOn)
			.param("c", user.communityId())
			.param("person", personId)
			.param("latest", visitedOn.plusDays(EARLY_DAYS))
			.query(Long.class)
			.list();
	}

	/**
	 * Cancels the open entries of a person who died, keeping them (and the visited ones)
	 * as history. Part of a death's registration, in its transaction.
	 */
	void cancelForDeath(CommunityId community, long personId, LocalDate diedOn) {
		List<Long> lists = this.jdbc.sql("""
				update visit_entry set state = 'CANCELLED', closed_on = :on, close_reason = 'DECEASED'
				where community_id = :c and person_id = :person and state = 'OPEN'
				returning list_id
				""")
			.param("on", diedOn)
			.param("c", community.value())
			.param("person", personId)
			.query(Long.class)
			.list();
		for (Long list : lists) {
			this.audit.record(community, "VISIT_ENTRY_CANCELLED", "VISIT_LIST", list,
					Map.of("personId", personId, "reason", "DECEASED", "diedOn", diedOn.toString()));
		}
	}

	/**
	 * Keeps the open entries of a person who moved with the grid, and so with its grid
	 * workers.
	 */
	void move(CommunityId community, long personId, @Nullable Long gridId) {
		Long[] assignees = (gridId == null) ? new Long[0]
				: this.users.gridWorkerIds(community, gridId).toArray(Long[]::new);
		this.jdbc.sql("""
				update visit_entry set grid_id = :grid, assignee_ids = :assignees
				where community_id = :c and person_id = :person and state = 'OPEN'
				""")
			.param("grid", gridId)
			.param("assignees", assignees)
			.param("c", community.value())
			.param("person", personId)
			.update();
	}

	private record Count(@Nullable String key, long entries, long visited, long cancelled) {

		VisitList.Progress progress(boolean pastDue) {
			return VisitList.Progress.of(this.entries, this.visited, this.cancelled, pastDue);
		}

	}

	private List<Count> counts(DataScope scope, long listId, String key) {
		SqlFilter filter = new SqlFilter("e.community_id = :c and e.list_id = :list").param("c", scope.communityId())
			.param("list", listId);
		bindGrids(filter.and("true" + gridClause(scope)), scope);
		return filter
			.bind(this.jdbc.sql("select k as key, count(*) filter (where state <> 'CANCELLED') as entries,"
					+ " count(*) filter (where state = 'VISITED') as visited,"
					+ " count(*) filter (where state = 'CANCELLED') as cancelled from (select " + key
					+ " as k, e.state from visit_entry e where " + filter.where() + ") t group by k order by k"))
			.query(Count.class)
			.list();
	}

	VisitList find(DataScope scope, long id) {
		record Row(long id, String rule, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate,
				String generatedBy, java.sql.Timestamp generatedAt, long version) {
		}
		Row row = this.jdbc
			.sql("select " + LIST_COLUMNS + " from visit_list l where l.community_id = :c and l.id = :id")
			.param("c", scope.communityId())
			.param("id", id)
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new NotFound("visitList", id));
		SqlFilter filter = new SqlFilter("e.community_id = :c and e.list_id = :list").param("c", scope.communityId())
			.param("list", id);
		bindGrids(filter.and("true" + gridClause(scope)), scope);
		Count count = filter
			.bind(this.jdbc.sql("select null as key, count(*) filter (where state <> 'CANCELLED') as entries,"
					+ " count(*) filter (where state = 'VISITED') as visited,"
					+ " count(*) filter (where state = 'CANCELLED') as cancelled from visit_entry e where "
					+ filter.where()))
			.query(Count.class)
			.single();
		boolean pastDue = row.dueDate().isBefore(today());
		VisitList.Progress progress = count.progress(pastDue);
		VisitListRule rule = VisitListRule.valueOf(row.rule());
		return new VisitList(row.id(), rule, text("care.visit.rule." + rule.name()), row.periodStart(), row.periodEnd(),
				row.dueDate(), row.generatedBy(), row.generatedAt().toInstant(), progress, progress.overdue() > 0,
				row.version());
	}

	private static String gridClause(DataScope scope) {
		return (scope.gridFilter() != null) ? " and e.grid_id = any(:grids)" : "";
	}

	private static SqlFilter bindGrids(SqlFilter filter, DataScope scope) {
		Long[] grids = scope.gridFilter();
		return (grids != null) ? filter.param("grids", grids) : filter;
	}

	private VisitEntry readEntry(ResultSet rs, int row) throws SQLException {
		java.sql.Date closed = rs.getDate("closed_on");
		VisitEntry.State state = VisitEntry.State.valueOf(rs.getString("state"));
		String code = rs.getString("why_code");
		Object[] args = strings(rs.getArray("why_args")).toArray();
		return new VisitEntry(rs.getLong("list_id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getObject("grid_id", Long.class), strings(rs.getArray("group_codes")),
				this.messages.getMessage("care.visit.why." + code, args, code, LocaleContextHolder.getLocale()),
				longs(rs.getArray("assignee_ids")), state, rs.getObject("visit_id", Long.class),
				(closed != null) ? closed.toLocalDate() : null, rs.getString("close_reason"),
				state == VisitEntry.State.OPEN && rs.getDate("due_date").toLocalDate().isBefore(today()));
	}

	static List<String> strings(@Nullable Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	static List<Long> longs(@Nullable Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((Long[]) array.getArray());
	}

	private String text(String code) {
		return this.messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(SHANGHAI));
	}

}
