package org.anju.stability;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.identity.OutOfReach;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
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
 * Registers conflict cases and moves them through their lifecycle. Registration checks
 * every field against the registry within the caller's scope, refuses a second case for
 * an appeal or for a dispute that is already on record (reopen it instead), and sets the
 * deadline by the case's risk level on the working-day calendar. Every change writes its
 * timeline entry, its audit row and its {@link ConflictCaseChanged} in one transaction. A
 * grid worker reaches only the cases of their grids; any other case answers as if it did
 * not exist.
 */
@Service
@Transactional
public class ConflictManagement {

	static final int MAX_PAGE = 200;

	private static final int TOTAL_CAP = 10_000;

	private final JdbcClient jdbc;

	private final ConflictCases cases;

	private final CaseDeadlines deadlines;

	private final AppealManagement appeals;

	private final PersonManagement people;

	private final InterestGroups groups;

	private final PlaceManagement places;

	private final UserManagement users;

	private final Departments departments;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final OutOfReach reach;

	ConflictManagement(JdbcClient jdbc, ConflictCases cases, CaseDeadlines deadlines, AppealManagement appeals,
			PersonManagement people, InterestGroups groups, PlaceManagement places, UserManagement users,
			Departments departments, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			OutOfReach reach) {
		this.reach = reach;
		this.jdbc = jdbc;
		this.cases = cases;
		this.deadlines = deadlines;
		this.appeals = appeals;
		this.people = people;
		this.groups = groups;
		this.places = places;
		this.users = users;
		this.departments = departments;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers a case. With a {@code sourceAppealId} it escalates that appeal, which the
	 * caller must be able to see, and the two stay linked.
	 * @return the case with its first timeline entry
	 * @throws InvalidInput naming every field that breaks a rule, with nothing written
	 * @throws Refused when the appeal was escalated before or the dispute is already on
	 * record
	 */
	public ConflictCaseView register(CurrentUser user, NewConflictCase input) {
		requireWork(user);
		List<Violation> problems = new ArrayList<>();
		ConflictCases.Registration registration = validate(user, input, "", null, null, problems);
		if (!problems.isEmpty() || registration == null) {
			throw new InvalidInput(problems);
		}
		return get(user, insert(user, registration));
	}

	/**
	 * Checks a case as {@link #register} does, adding what is wrong to {@code problems}
	 * with each field prefixed, for a screening report that files several at once.
	 * @param roundId the screening round the case was found in; its source is then
	 * {@link CaseSource#SCREENING}
	 * @param gridId the report's grid, for a finding that names none
	 * @return the checked case, or {@literal null} when something is wrong
	 */
	ConflictCases.@Nullable Registration validate(CurrentUser user, NewConflictCase input, String prefix,
			@Nullable Long roundId, @Nullable Long gridId, List<Violation> problems) {
		int before = problems.size();
		ConflictType type = code(ConflictType.class, input.type(), prefix + "type", "conflict.type.unknown", problems);
		RiskLevel level = code(RiskLevel.class, input.level(), prefix + "level", "conflict.level.unknown", problems);
		CaseSource source = CaseSource.REPORT;
		if (roundId != null) {
			source = CaseSource.SCREENING;
		}
		else if (input.sourceAppealId() != null) {
			source = CaseSource.APPEAL;
		}
		else if (input.source() != null) {
			CaseSource given = code(CaseSource.class, input.source(), prefix + "source", "conflict.source.unknown",
					problems);
			if (given == CaseSource.SCREENING || given == CaseSource.APPEAL) {
				problems.add(new Violation(prefix + "source", "conflict.source.notDirect", given.name()));
			}
			else if (given != null) {
				source = given;
			}
		}
		AppealView appeal = null;
		if (input.sourceAppealId() != null) {
			if (roundId != null) {
				problems.add(new Violation(prefix + "sourceAppealId", "conflict.source.notDirect", "APPEAL"));
			}
			else {
				try {
					appeal = this.appeals.get(user, input.sourceAppealId());
				}
				catch (NotFound | AccessDeniedException ex) {
					problems.add(new Violation(prefix + "sourceAppealId", "conflict.appeal.unknown",
							input.sourceAppealId()));
				}
			}
		}
		String title = text(problems, (input.title() != null || appeal == null) ? input.title() : appeal.title(),
				prefix + "title", 100);
		String description = text(problems,
				(input.description() != null || appeal == null) ? input.description() : appeal.description(),
				prefix + "description", 5000);
		Set<Long> persons = new LinkedHashSet<>(input.partyPersonIds());
		if (persons.isEmpty() && appeal != null) {
			if (appeal.personId() != null) {
				persons.add(appeal.personId());
			}
			persons.addAll(appeal.coSignerIds());
		}
		Long personGrid = null;
		for (Long personId : persons) {
			try {
				Long grid = this.people.get(user, personId).gridId();
				personGrid = (personGrid != null) ? personGrid : grid;
			}
			catch (NotFound | AccessDeniedException ex) {
				problems.add(new Violation(prefix + "partyPersonIds", "conflict.person.unknown", personId));
			}
		}
		Map<String, InterestGroup> known = this.groups.byCode(user.community());
		Set<String> groupCodes = new LinkedHashSet<>();
		for (String code : input.partyGroupCodes()) {
			if (code == null || !known.containsKey(code.strip())) {
				problems.add(new Violation(prefix + "partyGroupCodes", "conflict.group.unknown", code));
			}
			else {
				groupCodes.add(code.strip());
			}
		}
		int peopleCount = Math.max(persons.size(), 1);
		if (input.peopleCount() != null) {
			peopleCount = input.peopleCount();
			if (peopleCount < 1 || peopleCount > 100_000) {
				problems.add(new Violation(prefix + "peopleCount", "conflict.peopleCount.range"));
			}
			else if (peopleCount < persons.size()) {
				problems
					.add(new Violation(prefix + "peopleCount", "conflict.peopleCount.belowParties", persons.size()));
			}
		}
		else if (appeal != null) {
			peopleCount = Math.max(peopleCount, appeal.peopleCount());
		}
		Long grid = input.gridId();
		if (grid == null) {
			grid = (gridId != null) ? gridId
					: (appeal != null && appeal.gridId() != null) ? appeal.gridId() : personGrid;
		}
		Long areaId = null;
		if (grid == null) {
			problems.add(new Violation(prefix + "gridId", "field.required"));
		}
		else {
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
				areaId = place.areaId();
			}
		}
		Long owner = input.ownerLeaderId();
		if (owner == null) {
			problems.add(new Violation(prefix + "ownerLeaderId", "field.required"));
		}
		else if (!staff(user.community(), owner, null)) {
			problems.add(new Violation(prefix + "ownerLeaderId", "conflict.leader.unknown", owner));
		}
		String unit = (input.responsibleUnitCode() != null && !input.responsibleUnitCode().isBlank())
				? input.responsibleUnitCode().strip() : null;
		if (unit != null && this.departments.find(user.community(), unit).isEmpty()) {
			problems.add(new Violation(prefix + "responsibleUnitCode", "conflict.unit.unknown", unit));
		}
		Long gridWorker = input.gridWorkerId();
		if (gridWorker == null && user.role() == Role.GRID_WORKER && grid != null && user.gridIds().contains(grid)) {
			gridWorker = user.userId();
		}
		if (input.gridWorkerId() != null && (grid == null || !staff(user.community(), input.gridWorkerId(), grid))) {
			problems.add(new Violation(prefix + "gridWorkerId", "conflict.gridWorker.notOfGrid", input.gridWorkerId()));
		}
		if (problems.size() > before || type == null || level == null || grid == null || owner == null) {
			return null;
		}
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
		return new ConflictCases.Registration(type, title, description, level, source,
				(appeal != null) ? appeal.id() : null, roundId, List.copyOf(persons), List.copyOf(groupCodes),
				peopleCount, owner, unit, gridWorker, areaId, grid, now, this.deadlines.dueDate(level, today));
	}

	/**
	 * Inserts a checked case with its first timeline entry, audit row and event.
	 * @return the new case's id
	 * @throws Refused when the appeal was escalated before or the dispute is already on
	 * record
	 */
	long insert(CurrentUser user, ConflictCases.Registration registration) {
		CommunityId community = user.community();
		if (registration.sourceAppealId() != null) {
			Optional<ConflictCases.CaseRow> earlier = this.cases.fromAppeal(community, registration.sourceAppealId());
			if (earlier.isPresent()) {
				throw new Refused("conflict.appeal.escalated", registration.sourceAppealId(), earlier.get().id());
			}
		}
		if (!registration.partyPersonIds().isEmpty()) {
			Optional<Long> same = this.jdbc.sql("""
					select id from conflict_case
					where community_id = :c and type = :type and party_person_ids && cast(:persons as bigint[])
					order by id desc limit 1
					""")
				.param("c", community.value())
				.param("type", registration.type().name())
				.param("persons", registration.partyPersonIds().toArray(Long[]::new))
				.query(Long.class)
				.optional();
			if (same.isPresent()) {
				throw new Refused("conflict.duplicate", same.get());
			}
		}
		long id = this.cases.insert(community, registration, user.actor());
		this.cases.timeline(community, id, user.actor(),
				new ConflictCase.Step("register", null, ConflictState.REGISTERED, null,
						detail("source", registration.source().name(), "level", registration.level().name(),
								"sourceAppealId", registration.sourceAppealId(), "dueDate",
								registration.dueDate().toString())));
		this.audit.record(community, "CONFLICT_REGISTERED", "CONFLICT_CASE", id,
				detail("type", registration.type().name(), "level", registration.level().name(), "source",
						registration.source().name(), "sourceAppealId", registration.sourceAppealId(), "gridId",
						registration.gridId()));
		this.events.publishEvent(new ConflictCaseChanged(community, id, "register", ConflictState.REGISTERED,
				registration.level(), registration.gridId(), registration.ownerLeaderId()));
		return id;
	}

	/**
	 * Takes one step on a case.
	 * @param expectedVersion the version the caller saw ({@code If-Match})
	 * @throws NotFound when there is no such case or it lies outside the caller's grids
	 * @throws StaleVersion when the case changed since
	 * @throws Refused when its state does not allow the step
	 * @throws InvalidInput when the step's content breaks a rule, with nothing written
	 */
	public ConflictCaseView act(CurrentUser user, long id, long expectedVersion, ConflictAction action) {
		requireWork(user);
		CommunityId community = user.community();
		ConflictCases.CaseRow row = load(user, id);
		if (row.version() != expectedVersion) {
			throw new StaleVersion(row.version());
		}
		check(action, row, today());
		ConflictCase case_ = row.toCase();
		Instant now = this.clock.instant();
		if (action instanceof ConflictAction.Mediate mediation) {
			case_.mediate(mediation);
			this.cases.mediation(community, id, mediation, user.actor());
		}
		else if (action instanceof ConflictAction.Resolve resolution) {
			case_.resolve(resolution, now);
		}
		else if (action instanceof ConflictAction.Stabilise stabilising) {
			case_.stabilise(stabilising);
		}
		else if (action instanceof ConflictAction.HandOver handing) {
			case_.handOver(handing, now);
		}
		else if (action instanceof ConflictAction.Reopen reopening) {
			case_.reopen(reopening,
					this.deadlines.dueDate(row.level(), LocalDate.ofInstant(now, WorkingCalendar.ZONE)));
		}
		this.cases.save(community, case_, user.actor());
		this.audit.record(community, "CONFLICT_" + action.name().toUpperCase().replace('-', '_'), "CONFLICT_CASE", id,
				Map.of("from", row.state().name(), "to", case_.state().name()));
		this.events.publishEvent(new ConflictCaseChanged(community, id, action.name(), case_.state(), row.level(),
				row.gridId(), row.ownerLeaderId()));
		return get(user, id);
	}

	/**
	 * @return the case with its mediations and timeline
	 * @throws NotFound when there is no such case or it lies outside the caller's grids
	 */
	@Transactional(readOnly = true)
	public ConflictCaseView get(CurrentUser user, long id) {
		requireRead(user);
		ConflictCases.CaseRow row = load(user, id);
		return row.view(today(), this.cases.mediations(user.community(), id),
				this.cases.timeline(user.community(), id));
	}

	/**
	 * @return the case the appeal was escalated into, if the caller reaches it
	 */
	@Transactional(readOnly = true)
	public Optional<ConflictCaseView> escalatedFrom(CurrentUser user, long appealId) {
		if (!user.may(Permission.STABILITY_READ)) {
			return Optional.empty();
		}
		return this.cases.fromAppeal(user.community(), appealId)
			.filter((row) -> user.scope().covers(row.gridId()))
			.map((row) -> row.view(today(), List.of(), List.of()));
	}

	/**
	 * The cases the caller reaches that match the query, the nearest due day first.
	 * @throws BadParameter for a size outside 1 to {@value #MAX_PAGE} or a cursor this
	 * server did not make
	 */
	@Transactional(readOnly = true)
	public ConflictCasePage list(CurrentUser user, ConflictQuery query, @Nullable String cursor, int size) {
		requireRead(user);
		if (size < 1 || size > MAX_PAGE) {
			throw new BadParameter("size", "search.size", MAX_PAGE);
		}
		SqlFilter filter = filter(user, query);
		DayCursor after = DayCursor.parse(cursor);
		String sql = "select " + ConflictCases.COLUMNS + " from conflict_case k where " + filter.where()
				+ ((after != null) ? " and (k.due_date, k.id) > (:afterDue, :afterId)" : "")
				+ " order by k.due_date, k.id limit :limit";
		var statement = filter.bind(this.jdbc.sql(sql)).param("limit", size + 1);
		if (after != null) {
			statement = statement.param("afterDue", after.day()).param("afterId", after.id());
		}
		List<ConflictCases.CaseRow> rows = new ArrayList<>(statement.query(ConflictCases.CaseRow::read).list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			ConflictCases.CaseRow last = rows.get(size - 1);
			next = new DayCursor(last.dueDate(), last.id()).encode();
		}
		long total = filter.bind(this.jdbc.sql("select count(*) from (select 1 from conflict_case k where "
				+ filter.where() + " limit " + (TOTAL_CAP + 1) + ") t"))
			.query(Long.class)
			.single();
		LocalDate today = today();
		return new ConflictCasePage(rows.stream().map((row) -> row.view(today, List.of(), List.of())).toList(), next,
				Math.min(total, TOTAL_CAP), total > TOTAL_CAP);
	}

	private SqlFilter filter(CurrentUser user, ConflictQuery query) {
		SqlFilter filter = new SqlFilter("k.community_id = :community").param("community", user.communityId());
		Long[] grids = user.scope().gridFilter();
		filter.andIf(grids, "k.grid_id = any(:scopeGrids)", "scopeGrids");
		if (query.state() != null) {
			filter.and("k.state = :state").param("state", query.state().name());
		}
		else if (query.open() || query.overdue()) {
			filter.and("k.state in ('REGISTERED', 'RESOLVING')");
		}
		if (query.overdue()) {
			filter.and("k.due_date < :today").param("today", today());
		}
		filter.andIf(query.level(), "k.level = :level", "level");
		filter.andIf(query.type(), "k.type = :type", "type");
		filter.andIf(query.gridId(), "k.grid_id = :grid", "grid");
		filter.andIf(query.areaId(), "k.area_id = :area", "area");
		filter.andIf(query.ownerLeaderId(), "k.owner_leader_id = :owner", "owner");
		filter.andIf(query.personId(), "k.party_person_ids @> array[cast(:person as bigint)]", "person");
		filter.andIf(query.groupCode(), "k.party_group_codes @> array[cast(:group as text)]", "group");
		filter.andIf(query.sourceAppealId(), "k.source_appeal_id = :appeal", "appeal");
		filter.andIf(query.roundId(), "k.source_round_id = :round", "round");
		return filter;
	}

	private ConflictCases.CaseRow load(CurrentUser user, long id) {
		ConflictCases.CaseRow row = this.cases.find(user.community(), id)
			.orElseThrow(() -> new NotFound("conflict", id));
		this.reach.require(user, user.scope().covers(row.gridId()), "CONFLICT_CASE", "conflict", id);
		return row;
	}

	private static void check(ConflictAction action, ConflictCases.CaseRow row, LocalDate today) {
		List<Violation> problems = new ArrayList<>();
		if (action instanceof ConflictAction.Mediate mediation) {
			length(problems, mediation.method(), "method", 50);
			length(problems, mediation.participants(), "participants", 500);
			length(problems, mediation.agreement(), "agreement", 2000);
			length(problems, mediation.outcome(), "outcome", 2000);
			LocalDate registered = LocalDate.ofInstant(row.registeredAt(), WorkingCalendar.ZONE);
			if (mediation.date().isBefore(registered.minusDays(365))) {
				problems.add(new Violation("date", "conflict.mediation.date"));
			}
			if (mediation.date().isAfter(today)) {
				problems.add(new Violation("date", "stability.date.future"));
			}
		}
		else if (action instanceof ConflictAction.Resolve resolution) {
			length(problems, resolution.summary(), "summary", 2000);
		}
		else if (action instanceof ConflictAction.Stabilise stabilising) {
			length(problems, stabilising.summary(), "summary", 2000);
		}
		else if (action instanceof ConflictAction.HandOver handing) {
			length(problems, handing.body(), "body", 100);
			length(problems, handing.summary(), "summary", 2000);
		}
		else if (action instanceof ConflictAction.Reopen reopening) {
			length(problems, reopening.reason(), "reason", 2000);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private static void length(List<Violation> problems, String value, String field, int max) {
		if (value.isBlank()) {
			problems.add(new Violation(field, "field.required"));
		}
		else if (value.strip().length() > max) {
			problems.add(new Violation(field, "conflict.text.length", max));
		}
	}

	/**
	 * @param gridId the grid the user must work in, or {@literal null} for any staff
	 * member
	 */
	private boolean staff(CommunityId community, long userId, @Nullable Long gridId) {
		try {
			UserAccount account = this.users.get(community, userId);
			if (!account.enabled() || account.role() == Role.RESIDENT) {
				return false;
			}
			return gridId == null || (account.role() == Role.GRID_WORKER && account.gridIds().contains(gridId));
		}
		catch (NotFound ex) {
			return false;
		}
	}

	static void requireRead(CurrentUser user) {
		if (!user.may(Permission.STABILITY_READ)) {
			throw new AccessDeniedException("needs STABILITY_READ");
		}
	}

	static void requireWork(CurrentUser user) {
		if (!user.may(Permission.STABILITY_WORK)) {
			throw new AccessDeniedException("needs STABILITY_WORK");
		}
	}

	static <E extends Enum<E>> @Nullable E code(Class<E> type, @Nullable String value, String field, String unknown,
			List<Violation> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new Violation(field, "field.required"));
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Violation(field, unknown, value));
			return null;
		}
	}

	static String text(List<Violation> problems, @Nullable String value, String field, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new Violation(field, "field.required"));
			return "";
		}
		String clean = value.strip();
		if (clean.length() > max) {
			problems.add(new Violation(field, "conflict.text.length", max));
		}
		return clean;
	}

	/**
	 * @return the pairs as a map that leaves out the pairs whose value is null
	 */
	private static Map<String, Object> detail(Object... pairs) {
		Map<String, Object> detail = new java.util.LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				detail.put((String) pairs[i], pairs[i + 1]);
			}
		}
		return detail;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE);
	}

}
