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
import java.util.Set;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
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
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.anju.care.SpecialLists.require;
import static org.anju.care.SpecialLists.trimmed;

/**
 * The yearly pension qualification check (资格认证): a campaign opens over every retiree on
 * the registry that day, staff record each check (day, method, who), and the retirees not
 * yet checked are listed by grid. When the deadline passes, {@code CareClocks} flags and
 * reminds the unchecked once.
 */
@Service
@Transactional
public class QualificationChecks {

	/**
	 * The interest groups that draw a pension and so must prove it each year. Internal
	 * early retirees (内部退养) are paid by the enterprise until they retire, and are not
	 * checked.
	 */
	public static final Set<String> RETIREE_GROUPS = Set.of("VETERAN_RETIRED", "RETIRED", "TRUSTEE_COLLECTIVE_RETIRED",
			"RESTRUCTURED_RETIRED", "DIVESTED_RETIRED", "CONTRACT_TERMINATED_RETIRED");

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final String CAMPAIGN = """
			select q.id, q.year, q.title, q.deadline, q.due_at, q.missed_fired_at, q.missed, q.opened_by, q.opened_at,
			       q.version,
			       (select count(*) from qualification_subject s where s.community_id = q.community_id
			          and s.campaign_id = q.id and s.left_on is null %1$s) as subjects,
			       (select count(*) from qualification_subject s where s.community_id = q.community_id
			          and s.campaign_id = q.id and s.left_on is null and s.checked_on is not null %1$s) as checked
			from qualification_campaign q where q.community_id = :c""";

	private static final String SUBJECT = """
			campaign_id, person_id, person_name, grid_id, checked_on, method, checked_by, note, missed_at, left_on""";

	private final JdbcClient jdbc;

	private final PersonManagement people;

	private final PeopleSearch search;

	private final AuditTrail audit;

	private final Clock clock;

	QualificationChecks(JdbcClient jdbc, PersonManagement people, PeopleSearch search, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.search = search;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Opens a year's campaign over every registered retiree of the community. Only staff
	 * who see the whole community open one.
	 * @param title {@code null} for the usual title
	 * @throws InvalidInput for a missing or impossible year or deadline
	 * @throws Refused when the year already has a campaign
	 */
	public QualificationCampaign open(CurrentUser user, @Nullable Integer year, @Nullable LocalDate deadline,
			@Nullable String title) {
		require(user, Permission.PEOPLE_WRITE);
		if (!user.scope().wholeCommunity()) {
			throw new AccessDeniedException("a campaign covers the whole community");
		}
		List<Violation> errors = new ArrayList<>();
		if (year == null) {
			errors.add(new Violation("year", "field.required"));
		}
		else if (year < 2000 || year > 2100) {
			errors.add(new Violation("year", "care.qualification.year"));
		}
		if (deadline == null) {
			errors.add(new Violation("deadline", "field.required"));
		}
		else if (deadline.isBefore(today())) {
			errors.add(new Violation("deadline", "care.qualification.deadlinePast"));
		}
		String named = trimmed(title);
		if (named != null && named.length() > 100) {
			errors.add(new Violation("title", "care.text.long", 100));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		long id;
		try {
			id = this.jdbc.sql("""
					insert into qualification_campaign (community_id, year, title, deadline, due_at, opened_by)
					values (:c, :year, :title, :deadline, :dueAt, :by) returning id
					""")
				.param("c", user.communityId())
				.param("year", year)
				.param("title", (named != null) ? named : year + " 年度养老金领取资格认证")
				.param("deadline", deadline)
				.param("dueAt", Timestamp.from(deadline.plusDays(1).atStartOfDay(SHANGHAI).toInstant()))
				.param("by", user.actor())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("care.qualification.yearTaken", year);
		}
		Map<Long, Person> retirees = new LinkedHashMap<>();
		for (String group : RETIREE_GROUPS) {
			this.search.forEach(user.scope(), new PeopleQuery(null, group, null, null, PersonStatus.REGISTERED),
					(person) -> retirees.putIfAbsent(person.id(), person));
		}
		this.jdbc
			.sql("""
					insert into qualification_subject (community_id, campaign_id, person_id, person_name, grid_id)
					select :c, :id, t.person, t.name, t.grid
					from unnest(cast(:people as bigint[]), cast(:names as text[]), cast(:grids as bigint[])) as t(person, name, grid)
					""")
			.param("c", user.communityId())
			.param("id", id)
			.param("people", retirees.keySet().toArray(Long[]::new))
			.param("names", retirees.values().stream().map(Person::name).toArray(String[]::new))
			.param("grids", retirees.values().stream().map(Person::gridId).toArray(Long[]::new))
			.update();
		this.jdbc.sql("update qualification_campaign set subjects = :n where community_id = :c and id = :id")
			.param("n", retirees.size())
			.param("c", user.communityId())
			.param("id", id)
			.update();
		this.audit.record(user.community(), "QUALIFICATION_CAMPAIGN_OPENED", "QUALIFICATION_CAMPAIGN", id,
				Map.of("year", year, "deadline", deadline.toString(), "retirees", retirees.size()));
		return get(user, id);
	}

	/**
	 * @return every campaign, newest year first, counted within the caller's grids
	 */
	@Transactional(readOnly = true)
	public List<QualificationCampaign> campaigns(CurrentUser user) {
		require(user, Permission.PEOPLE_READ);
		return scoped(user, CAMPAIGN + " order by q.year desc").query(this::campaign).list();
	}

	/**
	 * @throws NotFound when there is no such campaign
	 */
	@Transactional(readOnly = true)
	public QualificationCampaign get(CurrentUser user, long id) {
		require(user, Permission.PEOPLE_READ);
		return scoped(user, CAMPAIGN + " and q.id = :id").param("id", id)
			.query(this::campaign)
			.optional()
			.orElseThrow(() -> new NotFound("qualificationCampaign", id));
	}

	/**
	 * Records that a retiree was checked. A retiree who joined the registry after the
	 * campaign opened is added to it by their check.
	 * @throws InvalidInput listing every field that breaks a rule, or when the person is
	 * no retiree
	 * @throws NotFound when the campaign or the person is not there, or the person lives
	 * outside the caller's grids
	 * @throws Refused when the retiree was already checked in this campaign
	 */
	public QualificationSubject record(CurrentUser user, long campaignId, @Nullable Long personId,
			@Nullable LocalDate checkedOn, @Nullable QualificationMethod method, @Nullable String note) {
		require(user, Permission.PEOPLE_WRITE);
		List<Violation> errors = new ArrayList<>();
		if (personId == null) {
			errors.add(new Violation("personId", "field.required"));
		}
		if (checkedOn == null) {
			errors.add(new Violation("checkedOn", "field.required"));
		}
		else if (checkedOn.isAfter(today())) {
			errors.add(new Violation("checkedOn", "care.date.future"));
		}
		if (method == null) {
			errors.add(new Violation("method", "field.required"));
		}
		String text = trimmed(note);
		if (text != null && text.length() > 500) {
			errors.add(new Violation("note", "care.text.long", 500));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		QualificationCampaign campaign = get(user, campaignId);
		Person person = this.people.get(user, personId);
		if (checkedOn.getYear() != campaign.year()) {
			throw new InvalidInput("checkedOn", "care.qualification.checkedYear", campaign.year());
		}
		QualificationSubject subject = find(user, campaignId, personId).orElse(null);
		if (subject == null) {
			if (person.status() != PersonStatus.REGISTERED
					|| person.groups().stream().noneMatch((group) -> RETIREE_GROUPS.contains(group.code()))) {
				throw new InvalidInput("personId", "care.qualification.notRetiree");
			}
			this.jdbc.sql("""
					insert into qualification_subject (community_id, campaign_id, person_id, person_name, grid_id)
					values (:c, :campaign, :person, :name, :grid) on conflict do nothing
					""")
				.param("c", user.communityId())
				.param("campaign", campaignId)
				.param("person", person.id())
				.param("name", person.name())
				.param("grid", person.gridId())
				.update();
		}
		else if (subject.leftOn() != null) {
			throw new Refused("care.person.notRegistered");
		}
		int updated = this.jdbc
			.sql("""
					update qualification_subject set checked_on = :on, method = :method, checked_by = :by, checked_at = now(),
					       note = :note
					where community_id = :c and campaign_id = :campaign and person_id = :person and checked_on is null
					""")
			.param("on", checkedOn)
			.param("method", method.name())
			.param("by", user.actor())
			.param("note", text)
			.param("c", user.communityId())
			.param("campaign", campaignId)
			.param("person", person.id())
			.update();
		if (updated == 0) {
			throw new Refused("care.qualification.duplicate");
		}
		this.audit.record(user.community(), "QUALIFICATION_CHECKED", "PERSON", person.id(), Map.of("campaignId",
				campaignId, "year", campaign.year(), "checkedOn", checkedOn.toString(), "method", method.name()));
		return find(user, campaignId, person.id()).orElseThrow();
	}

	/**
	 * The retirees of a campaign not yet checked, within the caller's grids, by grid and
	 * then by person.
	 * @param gridId one grid only, or {@code null}
	 * @throws InvalidInput for a size outside 1 to 200 or a cursor this list did not make
	 * @throws NotFound when there is no such campaign
	 */
	@Transactional(readOnly = true)
	public QualificationSubjectPage unchecked(CurrentUser user, long campaignId, @Nullable Long gridId,
			@Nullable String cursor, int size) {
		require(user, Permission.PEOPLE_READ);
		if (size < 1 || size > SpecialLists.MAX_PAGE) {
			throw new BadParameter("size", "search.size", SpecialLists.MAX_PAGE);
		}
		Long after = KeysetCursor.parse(cursor);
		get(user, campaignId);
		SqlFilter filter = new SqlFilter("community_id = :c and campaign_id = :campaign").param("c", user.communityId())
			.param("campaign", campaignId);
		filter.and("checked_on is null and left_on is null");
		Long[] grids = user.scope().gridFilter();
		filter.andIf(grids, "grid_id = any(:grids)", "grids");
		filter.andIf(gridId, "grid_id = :grid", "grid");
		long total = filter.bind(this.jdbc.sql("select count(*) from qualification_subject where " + filter.where()))
			.query(Long.class)
			.single();
		filter.andIf(after, "person_id > :after", "after");
		List<QualificationSubject> rows = new ArrayList<>(filter
			.bind(this.jdbc.sql("select " + SUBJECT + " from qualification_subject where " + filter.where()
					+ " order by person_id limit :limit"))
			.param("limit", size + 1)
			.query(QualificationChecks::subject)
			.list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			next = KeysetCursor.encode(rows.get(size - 1).personId());
		}
		return new QualificationSubjectPage(rows, next, total);
	}

	/**
	 * Takes a retiree who died out of the campaigns still running: they need no check.
	 * Part of a death's registration, in its transaction.
	 */
	void leaveForDeath(CommunityId community, long personId, LocalDate diedOn) {
		this.jdbc.sql("""
				update qualification_subject set left_on = :on
				where community_id = :c and person_id = :person and checked_on is null and left_on is null
				""").param("on", diedOn).param("c", community.value()).param("person", personId).update();
	}

	private java.util.Optional<QualificationSubject> find(CurrentUser user, long campaignId, long personId) {
		return this.jdbc
			.sql("select " + SUBJECT + " from qualification_subject"
					+ " where community_id = :c and campaign_id = :campaign and person_id = :person")
			.param("c", user.communityId())
			.param("campaign", campaignId)
			.param("person", personId)
			.query(QualificationChecks::subject)
			.optional();
	}

	private JdbcClient.StatementSpec scoped(CurrentUser user, String sql) {
		Long[] grids = user.scope().gridFilter();
		JdbcClient.StatementSpec statement = this.jdbc
			.sql(String.format(sql, (grids != null) ? "and s.grid_id = any(:grids)" : ""))
			.param("c", user.communityId());
		return (grids != null) ? statement.param("grids", grids) : statement;
	}

	private QualificationCampaign campaign(ResultSet rs, int row) throws SQLException {
		Timestamp missedAt = rs.getTimestamp("missed_fired_at");
		return new QualificationCampaign(rs.getLong("id"), rs.getInt("year"), rs.getString("title"),
				rs.getDate("deadline").toLocalDate(), rs.getTimestamp("due_at").toInstant(), rs.getLong("subjects"),
				rs.getLong("checked"), (missedAt != null) ? missedAt.toInstant() : null,
				rs.getObject("missed", Integer.class), rs.getString("opened_by"),
				rs.getTimestamp("opened_at").toInstant(), rs.getLong("version"));
	}

	static QualificationSubject subject(ResultSet rs, int row) throws SQLException {
		java.sql.Date checked = rs.getDate("checked_on");
		java.sql.Date left = rs.getDate("left_on");
		Timestamp missed = rs.getTimestamp("missed_at");
		String method = rs.getString("method");
		return new QualificationSubject(rs.getLong("campaign_id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getObject("grid_id", Long.class), (checked != null) ? checked.toLocalDate() : null,
				(method != null) ? QualificationMethod.valueOf(method) : null, rs.getString("checked_by"),
				rs.getString("note"), (missed != null) ? missed.toInstant() : null,
				(left != null) ? left.toLocalDate() : null);
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(SHANGHAI));
	}

}
