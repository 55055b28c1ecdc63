package org.anju.stability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.DataScope;
import org.anju.identity.GridDirectory;
import org.anju.identity.Role;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening rounds (排查). A round opens once per period (monthly by default,
 * {@code anju.stability.screening.cadence=WEEKLY} for weekly) for every grid, and is due
 * {@code anju.stability.screening.report-days} working days after the day it opens. Each
 * grid files its findings, each becoming a conflict case or a mood note, or an explicit
 * zero report. On the deadline day a grid that has not reported is reminded; after it,
 * its lateness is escalated to the head of its area; each fires once per grid, claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so that several nodes never fire one twice.
 */
@Service
@Transactional
public class ScreeningRounds {

	/**
	 * How often rounds open.
	 */
	enum Cadence {

		MONTHLY, WEEKLY

	}

	private final JdbcClient jdbc;

	private final ConflictManagement conflicts;

	private final MoodNotes notes;

	private final PlaceManagement places;

	private final GridDirectory grids;

	private final WorkingCalendar calendar;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Cadence cadence;

	private final int reportDays;

	ScreeningRounds(JdbcClient jdbc, ConflictManagement conflicts, MoodNotes notes, PlaceManagement places,
			GridDirectory grids, WorkingCalendar calendar, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock, @Value("${anju.stability.screening.cadence:MONTHLY}") Cadence cadence,
			@Value("${anju.stability.screening.report-days:5}") int reportDays) {
		if (reportDays < 0) {
			throw new IllegalArgumentException("anju.stability.screening.report-days must not be negative");
		}
		this.jdbc = jdbc;
		this.conflicts = conflicts;
		this.notes = notes;
		this.places = places;
		this.grids = grids;
		this.calendar = calendar;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.cadence = cadence;
		this.reportDays = reportDays;
	}

	/**
	 * Opens the round of the period that {@code day} lies in, unless it is open already,
	 * and adds the grids created since while the round runs. Opening is once-only: the
	 * period is unique per community, so of two nodes one opens it and the other finds
	 * it.
	 * @return the round's id
	 */
	long open(CommunityId community, LocalDate day) {
		String period = period(day);
		LocalDate deadline = this.calendar.addWorkingDays(day, this.reportDays);
		Optional<Long> opened = this.jdbc.sql("""
				insert into screening_round (community_id, period, opened_at, opens_on, deadline)
				values (:c, :period, :now, :day, :deadline)
				on conflict (community_id, period) do nothing
				returning id
				""")
			.param("c", community.value())
			.param("period", period)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("day", day)
			.param("deadline", deadline)
			.query(Long.class)
			.optional();
		long id = opened.orElseGet(
				() -> this.jdbc.sql("select id from screening_round where community_id = :c and period = :period")
					.param("c", community.value())
					.param("period", period)
					.query(Long.class)
					.single());
		int added = addGrids(community, id, day);
		if (opened.isPresent()) {
			this.audit.record(community, "SCREENING_ROUND_OPENED", "SCREENING_ROUND", id,
					Map.of("period", period, "deadline", deadline.toString(), "grids", added));
			this.events.publishEvent(new ScreeningRoundOpened(community, id, period, deadline, added));
		}
		return id;
	}

	/**
	 * @return how many grids joined the round: none once its deadline has passed
	 */
	private int addGrids(CommunityId community, long roundId, LocalDate day) {
		List<Place> all = this.places.list(new DataScope(community.value(), Role.ADMIN, Set.of(), null, null),
				PlaceKind.GRID, null);
		int added = 0;
		for (Place grid : all) {
			added += this.jdbc.sql("""
					insert into screening_grid (community_id, round_id, grid_id, area_id)
					select r.community_id, r.id, :grid, :area from screening_round r
					where r.community_id = :c and r.id = :round and r.deadline >= :day
					on conflict do nothing
					""")
				.param("c", community.value())
				.param("round", roundId)
				.param("grid", grid.id())
				.param("area", grid.areaId())
				.param("day", day)
				.update();
		}
		return added;
	}

	/**
	 * Reminds every grid that has not reported on its round's deadline day, once.
	 * @return how many grids were reminded
	 */
	int remind(CommunityId community, LocalDate today) {
		return fire(community, "r.deadline = :today", "reminded_at", (row) -> {
			this.audit.record(community, "SCREENING_REMINDED", "SCREENING_ROUND", row.roundId(),
					Map.of("gridId", row.gridId(), "deadline", row.deadline().toString()));
			this.events.publishEvent(new ScreeningReportDue(community, row.roundId(), row.period(), row.gridId(),
					row.areaId(), row.deadline()));
		}, today);
	}

	/**
	 * Escalates every grid that missed its round's deadline to the head of its area,
	 * once.
	 * @return how many grids were escalated
	 */
	int escalate(CommunityId community, LocalDate today) {
		return fire(community, "r.deadline < :today", "late_escalated_at", (row) -> {
			this.audit.record(community, "SCREENING_GRID_LATE", "SCREENING_ROUND", row.roundId(),
					Map.of("gridId", row.gridId(), "deadline", row.deadline().toString()));
			this.events.publishEvent(new ScreeningGridLate(community, row.roundId(), row.period(), row.gridId(),
					row.areaId(), row.deadline()));
		}, today);
	}

	private int fire(CommunityId community, String when, String firedColumn,
			java.util.function.Consumer<Unreported> each, LocalDate today) {
		List<Unreported> due = this.jdbc.sql("""
				select g.round_id, r.period, g.grid_id, g.area_id, r.deadline
				from screening_grid g
				join screening_round r on r.community_id = g.community_id and r.id = g.round_id
				where g.community_id = :c and g.reported_at is null and g.%s is null and %s
				  and exists (select 1 from place p where p.community_id = g.community_id and p.id = g.grid_id)
				order by g.round_id, g.grid_id
				for update of g skip locked
				""".formatted(firedColumn, when))
			.param("c", community.value())
			.param("today", today)
			.query((rs, n) -> new Unreported(rs.getLong("round_id"), rs.getString("period"), rs.getLong("grid_id"),
					rs.getObject("area_id", Long.class), rs.getObject("deadline", LocalDate.class)))
			.list();
		Timestamp now = Timestamp.from(this.clock.instant());
		for (Unreported row : due) {
			this.jdbc
				.sql("update screening_grid set %s = :now where community_id = :c and round_id = :r and grid_id = :g"
					.formatted(firedColumn))
				.param("now", now)
				.param("c", community.value())
				.param("r", row.roundId())
				.param("g", row.gridId())
				.update();
			each.accept(row);
		}
		return due.size();
	}

	/**
	 * Files one finding as a grid's report, the way a console form for a conflict case or
	 * a mood note reports it.
	 * @return the round as the caller sees it after the report
	 * @throws InvalidInput naming the finding's fields as its own ({@code title}, not
	 * {@code findings[0].title}), so that they land on the form's fields
	 * @see #report(CurrentUser, long, ScreeningReport)
	 */
	public ScreeningRound reportFinding(CurrentUser user, long roundId, @Nullable Long gridId,
			ScreeningReport.Finding finding) {
		try {
			return report(user, roundId, new ScreeningReport(gridId, false, List.of(finding)));
		}
		catch (InvalidInput ex) {
			throw new InvalidInput(ex.violations()
				.stream()
				.map((v) -> new Violation(v.field().replace("findings[0].", ""), v.code(), v.args()))
				.toList());
		}
	}

	/**
	 * Files a grid's report: its findings become conflict cases and mood notes, all in
	 * one transaction with the report, or nothing is written.
	 * @return the round as the caller sees it after the report
	 * @throws NotFound when there is no such round or none of its grids is the caller's
	 * @throws InvalidInput naming every field that breaks a rule, findings by index
	 * ({@code findings[2].level})
	 * @throws Refused when the grid filed a zero report, or a zero report follows
	 * findings, or a finding is a dispute already on record
	 */
	public ScreeningRound report(CurrentUser user, long roundId, ScreeningReport report) {
		ConflictManagement.requireWork(user);
		ScreeningRound round = get(user, roundId);
		List<Violation> problems = new ArrayList<>();
		Long gridId = report.gridId();
		ScreeningRound.GridReport grid = null;
		if (gridId == null) {
			problems.add(new Violation("gridId", "field.required"));
		}
		else {
			grid = round.grids().stream().filter((g) -> g.gridId() == gridId).findFirst().orElse(null);
			if (grid == null) {
				problems.add(new Violation("gridId", "screening.grid.notInRound", gridId, round.period()));
			}
		}
		if (report.zeroReport() && !report.findings().isEmpty()) {
			problems.add(new Violation("zeroReport", "screening.zeroWithFindings"));
		}
		if (!report.zeroReport() && report.findings().isEmpty()) {
			problems.add(new Violation("findings", "screening.report.empty"));
		}
		List<ConflictCases.Registration> cases = new ArrayList<>();
		List<MoodNotes.Checked> moods = new ArrayList<>();
		for (int i = 0; i < report.findings().size(); i++) {
			ScreeningReport.Finding finding = report.findings().get(i);
			String prefix = "findings[" + i + "].";
			if ("CONFLICT".equals(finding.kind()) && finding.conflict() != null) {
				NewConflictCase conflict = finding.conflict();
				if (conflict.gridId() != null && !conflict.gridId().equals(gridId)) {
					problems.add(new Violation(prefix + "gridId", "screening.finding.otherGrid"));
				}
				ConflictCases.Registration checked = this.conflicts.validate(user, conflict, prefix, roundId, gridId,
						problems);
				if (checked != null) {
					cases.add(checked);
				}
			}
			else if ("MOOD".equals(finding.kind()) && finding.mood() != null) {
				NewMoodNote mood = finding.mood();
				if (mood.gridId() != null && !mood.gridId().equals(gridId)) {
					problems.add(new Violation(prefix + "gridId", "screening.finding.otherGrid"));
				}
				MoodNotes.Checked checked = this.notes.validate(user, mood, prefix, gridId, problems);
				if (checked != null) {
					moods.add(checked);
				}
			}
			else {
				problems.add(new Violation(prefix + "kind", "screening.finding.kind", finding.kind()));
			}
		}
		if (!problems.isEmpty() || grid == null) {
			throw new InvalidInput(problems);
		}
		// findings may follow findings; a zero report is the grid's only word in the
		// round
		if (grid.zeroReport() || (grid.reportedAt() != null && report.zeroReport())) {
			throw new Refused("screening.alreadyReported", round.period());
		}
		cases.forEach((checked) -> this.conflicts.insert(user, checked));
		moods.forEach((checked) -> this.notes.insert(user, checked, roundId));
		Instant now = this.clock.instant();
		int updated = this.jdbc.sql("""
				update screening_grid set reported_at = coalesce(reported_at, :now),
				       reported_by = coalesce(reported_by, :actor), zero_report = :zero, findings = findings + :findings
				where community_id = :c and round_id = :round and grid_id = :grid and not zero_report
				  and (reported_at is null or not :zero)
				""")
			.param("now", Timestamp.from(now))
			.param("actor", user.actor())
			.param("zero", report.zeroReport())
			.param("findings", report.findings().size())
			.param("c", user.communityId())
			.param("round", roundId)
			.param("grid", gridId)
			.update();
		if (updated == 0) {
			throw new Refused("screening.alreadyReported", round.period());
		}
		boolean late = now.isAfter(endOf(round.deadline()));
		this.audit.record(user.community(), "SCREENING_REPORTED", "SCREENING_ROUND", roundId, Map.of("gridId", gridId,
				"zeroReport", report.zeroReport(), "findings", report.findings().size(), "late", late));
		this.events.publishEvent(new ScreeningGridReported(user.community(), roundId, gridId, report.zeroReport(),
				report.findings().size(), late));
		return get(user, roundId);
	}

	/**
	 * @return the round with the grids the caller reaches
	 * @throws NotFound when there is no such round or none of its grids is the caller's
	 */
	@Transactional(readOnly = true)
	public ScreeningRound get(CurrentUser user, long id) {
		ConflictManagement.requireRead(user);
		Map<Long, String> names = this.grids.gridNames(user.community());
		return this.jdbc
			.sql("select " + ROUND_COLUMNS + " from screening_round r where r.community_id = :c and r.id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, n) -> round(rs, gridReports(user, id, rs.getObject("deadline", LocalDate.class), names)))
			.optional()
			.filter((round) -> !round.grids().isEmpty() || user.scope().wholeCommunity())
			.orElseThrow(() -> new NotFound("screening-round", id));
	}

	/**
	 * @return the latest round with any grid the caller reaches, with those grids
	 */
	@Transactional(readOnly = true)
	public Optional<ScreeningRound> latest(CurrentUser user) {
		List<ScreeningRound> page = list(user, null, 1).items();
		return page.isEmpty() ? Optional.empty() : Optional.of(get(user, page.get(0).id()));
	}

	/**
	 * The rounds with any grid the caller reaches, the latest first, each with its counts
	 * over those grids and without the grids themselves.
	 * @throws BadParameter for a size outside 1 to 200 or a cursor this server did not
	 * make
	 */
	@Transactional(readOnly = true)
	public ScreeningRoundPage list(CurrentUser user, @Nullable String cursor, int size) {
		ConflictManagement.requireRead(user);
		if (size < 1 || size > ConflictManagement.MAX_PAGE) {
			throw new BadParameter("size", "search.size", ConflictManagement.MAX_PAGE);
		}
		DayCursor after = DayCursor.parse(cursor);
		Long[] scope = user.scope().gridFilter();
		List<ScreeningRound> rounds = new ArrayList<>(this.jdbc
			.sql("select " + ROUND_COLUMNS
					+ """
							, count(g.grid_id) as grid_count, count(g.reported_at) as reported,
							  count(*) filter (where (g.reported_at is null and r.deadline < :today)
							                      or g.reported_at >= (r.deadline + 1)::timestamp at time zone 'Asia/Shanghai') as late
							from screening_round r
							left join screening_grid g on g.community_id = r.community_id and g.round_id = r.id
							     and (cast(:scope as bigint[]) is null or g.grid_id = any(:scope))
							  and (g.reported_at is not null
							       or exists (select 1 from place p where p.community_id = g.community_id and p.id = g.grid_id))
							where r.community_id = :c
							  and (cast(:afterDay as date) is null or (r.opens_on, r.id) < (:afterDay, :afterId))
							group by r.community_id, r.id
							having cast(:scope as bigint[]) is null or count(g.grid_id) > 0
							order by r.opens_on desc, r.id desc limit :limit
							""")
			.param("c", user.communityId())
			.param("scope", scope)
			.param("today", LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE))
			.param("afterDay", (after != null) ? after.day() : null)
			.param("afterId", (after != null) ? after.id() : 0L)
			.param("limit", size + 1)
			.query((rs, n) -> new ScreeningRound(rs.getLong("id"), rs.getString("period"),
					rs.getObject("opens_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
					rs.getTimestamp("opened_at").toInstant(), rs.getInt("reported"), rs.getInt("late"), List.of()))
			.list());
		String next = null;
		if (rounds.size() > size) {
			rounds.remove(size);
			ScreeningRound last = rounds.get(size - 1);
			next = new DayCursor(last.opensOn(), last.id()).encode();
		}
		return new ScreeningRoundPage(rounds, next);
	}

	private static final String ROUND_COLUMNS = "r.id, r.period, r.opens_on, r.deadline, r.opened_at";

	private List<ScreeningRound.GridReport> gridReports(CurrentUser user, long roundId, LocalDate deadline,
			Map<Long, String> names) {
		Map<Long, Integer> position = new java.util.HashMap<>();
		names.keySet().forEach((grid) -> position.put(grid, position.size()));
		Instant due = endOf(deadline);
		boolean past = this.clock.instant().isAfter(due);
		return this.jdbc
			.sql("""
					select grid_id, area_id, reported_at, reported_by, zero_report, findings, reminded_at, late_escalated_at
					from screening_grid
					where community_id = :c and round_id = :round and (cast(:scope as bigint[]) is null or grid_id = any(:scope))
					""")
			.param("c", user.communityId())
			.param("round", roundId)
			.param("scope", user.scope().gridFilter())
			.query((rs, n) -> {
				Instant reported = instant(rs, "reported_at");
				long grid = rs.getLong("grid_id");
				return new ScreeningRound.GridReport(grid, names.get(grid), rs.getObject("area_id", Long.class),
						reported, rs.getString("reported_by"), rs.getBoolean("zero_report"), rs.getInt("findings"),
						(reported == null) ? past : reported.isAfter(due), instant(rs, "reminded_at"),
						instant(rs, "late_escalated_at"));
			})
			.list()
			.stream()
			// a grid deleted since the round opened owes no report; one that reported
			// keeps it
			.filter((g) -> g.gridName() != null || g.reportedAt() != null)
			// the directory's order: by area, then grid, 第2网格 before 第10网格
			.sorted(java.util.Comparator
				.comparingInt((ScreeningRound.GridReport g) -> position.getOrDefault(g.gridId(), Integer.MAX_VALUE))
				.thenComparing(ScreeningRound.GridReport::gridId))
			.toList();
	}

	private static ScreeningRound round(ResultSet rs, List<ScreeningRound.GridReport> grids) throws SQLException {
		return new ScreeningRound(rs.getLong("id"), rs.getString("period"), rs.getObject("opens_on", LocalDate.class),
				rs.getObject("deadline", LocalDate.class), rs.getTimestamp("opened_at").toInstant(),
				(int) grids.stream().filter((g) -> g.reportedAt() != null).count(),
				(int) grids.stream().filter(ScreeningRound.GridReport::late).count(), grids);
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * @return the end of the day: 00:00 in Asia/Shanghai of the day after it
	 */
	private static Instant endOf(LocalDate day) {
		return day.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
	}

	String period(LocalDate day) {
		return switch (this.cadence) {
			case MONTHLY -> YearMonth.from(day).toString();
			case WEEKLY -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
					day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
		};
	}

	/**
	 * A grid that has not reported, with its round.
	 */
	private record Unreported(long roundId, String period, long gridId, @Nullable Long areaId, LocalDate deadline) {
	}

}
