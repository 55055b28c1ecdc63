package org.anju.stability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.OutOfReach;
import org.anju.platform.SqlFilter;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early warnings (预警). The engine raises one when a subject's score crosses a level
 * upward; a subject has at most one warning that is not closed, and a further rise
 * re-levels it, restarting its acknowledgement clock. A warning is acknowledged within
 * the hours its level allows, then closed with a disposition. Every change writes its
 * timeline entry and its audit row in one transaction, and a raise or rise publishes
 * {@link WarningRaised}. A grid worker reaches only the warnings about the people and
 * grids of their grids; any other answers as if it did not exist.
 */
@Service
@Transactional
public class Warnings {

	static final int MAX_PAGE = 200;

	private static final int TOTAL_CAP = 10_000;

	private static final int MAX_NOTE = 2000;

	private static final String COLUMNS = """
			w.id, w.subject_type, w.subject_id, w.grid_id, w.level, w.score, w.reasons, w.raised_at, w.ack_due_at,
			w.acknowledged_at, w.state, w.responsible_user_ids, w.disposition, w.close_note, w.closed_at,
			w.model_version, w.version""";

	private final JdbcClient jdbc;

	private final WarningRouting routing;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final OutOfReach reach;

	private final ObjectMapper json;

	private final Clock clock;

	Warnings(JdbcClient jdbc, WarningRouting routing, AuditTrail audit, ApplicationEventPublisher events,
			OutOfReach reach, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.routing = routing;
		this.audit = audit;
		this.events = events;
		this.reach = reach;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Raises a warning for a score that reached a level, or re-levels the subject's open
	 * warning when the level lies above it; a level at or below the open warning's
	 * changes nothing.
	 */
	void raise(CommunityId community, RiskScore score, RiskModel model, Instant now) {
		WarningLevel level = score.level();
		if (level == null) {
			return;
		}
		RiskSubject subject = score.subject();
		String reasons = this.json.writeValueAsString(score.contributions());
		Instant ackDue = now.plus(model.ackWithin(level));
		var open = this.jdbc.sql("""
				select id, level from warning
				where community_id = :c and subject_type = :type and subject_id = :id and state <> 'CLOSED'
				for update
				""")
			.param("c", community.value())
			.param("type", subject.type().name())
			.param("id", subject.id())
			.query((rs, row) -> Map.entry(rs.getLong("id"), WarningLevel.valueOf(rs.getString("level"))))
			.optional();
		List<Long> responsibles = this.routing.responsibles(community, subject, score.gridId(), level);
		if (open.isEmpty()) {
			Long id = this.jdbc.sql("""
					insert into warning (community_id, subject_type, subject_id, grid_id, level, score, reasons, state,
					                     raised_at, ack_due_at, responsible_user_ids, model_version)
					values (:c, :type, :id, :grid, :level, :score, cast(:reasons as jsonb), 'OPEN', :now, :ackDue,
					        cast(:responsibles as bigint[]), :model)
					on conflict (community_id, subject_type, subject_id) where state <> 'CLOSED' do nothing
					returning id
					""")
				.param("c", community.value())
				.param("type", subject.type().name())
				.param("id", subject.id())
				.param("grid", score.gridId())
				.param("level", level.name())
				.param("score", score.score())
				.param("reasons", reasons)
				.param("now", Timestamp.from(now))
				.param("ackDue", Timestamp.from(ackDue))
				.param("responsibles", responsibles.toArray(Long[]::new))
				.param("model", model.version())
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id == null) {
				// another run raised it a moment ago
				return;
			}
			step(community, id, "system", "raise", level, score, null);
			this.audit.record(community, "WARNING_RAISED", "WARNING", id, Map.of("subjectType", subject.type().name(),
					"subjectId", subject.id(), "level", level.name(), "score", score.score()));
			this.events.publishEvent(new WarningRaised(community, id, subject.type().name(), subject.id(), level,
					responsibles, false, 0));
			return;
		}
		long id = open.get().getKey();
		WarningLevel before = open.get().getValue();
		if (!level.above(before)) {
			return;
		}
		long version = this.jdbc.sql("""
				update warning
				set level = :level, score = :score, reasons = cast(:reasons as jsonb), state = 'OPEN',
				    ack_due_at = :ackDue, ack_overdue_fired_at = null, acknowledged_at = null, acknowledged_by = null,
				    responsible_user_ids = cast(:responsibles as bigint[]), model_version = :model,
				    version = version + 1
				where community_id = :c and id = :id
				returning version
				""")
			.param("c", community.value())
			.param("id", id)
			.param("level", level.name())
			.param("score", score.score())
			.param("reasons", reasons)
			.param("ackDue", Timestamp.from(ackDue))
			.param("responsibles", responsibles.toArray(Long[]::new))
			.param("model", model.version())
			.query(Long.class)
			.single();
		step(community, id, "system", "relevel", level, score, before.name() + " → " + level.name());
		this.audit.record(community, "WARNING_RELEVELLED", "WARNING", id,
				Map.of("from", before.name(), "to", level.name(), "score", score.score()));
		this.events.publishEvent(new WarningRaised(community, id, subject.type().name(), subject.id(), level,
				responsibles, true, version));
	}

	/**
	 * Acknowledges an open warning: someone is on it.
	 * @param expectedVersion the version the caller saw ({@code If-Match})
	 * @throws NotFound when there is no such warning or it lies outside the caller's
	 * grids
	 * @throws StaleVersion when the warning changed since
	 * @throws InvalidInput for a note that is too long
	 * @throws Refused unless the warning is open
	 */
	public WarningView acknowledge(CurrentUser user, long id, long expectedVersion, @Nullable String note) {
		ConflictManagement.requireWork(user);
		WarningView warning = load(user, id);
		if (warning.version() != expectedVersion) {
			throw new StaleVersion(warning.version());
		}
		String text = note(note, false);
		if (warning.state() != WarningState.OPEN) {
			throw new Refused("warning.state", warning.state().name());
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update warning set state = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :by,
				                   version = version + 1
				where community_id = :c and id = :id
				""")
			.param("c", user.communityId())
			.param("id", id)
			.param("now", Timestamp.from(now))
			.param("by", user.actor())
			.update();
		step(user.community(), id, user.actor(), "acknowledge", null, null, text);
		this.audit.record(user.community(), "WARNING_ACKNOWLEDGED", "WARNING", id,
				Map.of("level", warning.level().name()));
		return get(user, id);
	}

	/**
	 * Closes a warning that is open or acknowledged.
	 * @param disposition one of {@link Disposition}'s codes
	 * @param note required for {@link Disposition#FALSE_ALARM}
	 * @throws NotFound when there is no such warning or it lies outside the caller's
	 * grids
	 * @throws StaleVersion when the warning changed since
	 * @throws InvalidInput for a missing or unknown disposition, or a missing or too long
	 * note, with nothing written
	 * @throws Refused when the warning is closed already
	 */
	public WarningView close(CurrentUser user, long id, long expectedVersion, @Nullable String disposition,
			@Nullable String note) {
		ConflictManagement.requireWork(user);
		WarningView warning = load(user, id);
		if (warning.version() != expectedVersion) {
			throw new StaleVersion(warning.version());
		}
		List<Violation> problems = new ArrayList<>();
		Disposition how = ConflictManagement.code(Disposition.class, disposition, "disposition",
				"warning.disposition.unknown", problems);
		String text = null;
		try {
			text = note(note, how == Disposition.FALSE_ALARM);
		}
		catch (InvalidInput ex) {
			problems.addAll(ex.violations());
		}
		if (!problems.isEmpty() || how == null) {
			throw new InvalidInput(problems);
		}
		if (warning.state() == WarningState.CLOSED) {
			throw new Refused("warning.state", warning.state().name());
		}
		this.jdbc.sql("""
				update warning set state = 'CLOSED', disposition = :how, close_note = :note, closed_at = :now,
				                   closed_by = :by, version = version + 1
				where community_id = :c and id = :id
				""")
			.param("c", user.communityId())
			.param("id", id)
			.param("how", how.name())
			.param("note", text)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", user.actor())
			.update();
		step(user.community(), id, user.actor(), "close", null, null,
				(text != null) ? how.name() + ": " + text : how.name());
		this.audit.record(user.community(), "WARNING_CLOSED", "WARNING", id,
				Map.of("disposition", how.name(), "from", warning.state().name()));
		this.events.publishEvent(new WarningClosed(user.community(), id, how));
		return get(user, id);
	}

	/**
	 * @return the warning with its timeline
	 * @throws NotFound when there is no such warning or it lies outside the caller's
	 * grids
	 */
	@Transactional(readOnly = true)
	public WarningView get(CurrentUser user, long id) {
		WarningView warning = load(user, id);
		List<WarningView.Step> timeline = this.jdbc.sql("""
				select at, actor, action, level, score, note from warning_timeline
				where community_id = :c and warning_id = :id order by id
				""").param("c", user.communityId()).param("id", id).query((rs, row) -> {
			String level = rs.getString("level");
			return new WarningView.Step(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), (level != null) ? WarningLevel.valueOf(level) : null,
					rs.getBigDecimal("score"), rs.getString("note"));
		}).list();
		return withTimeline(warning, timeline);
	}

	/**
	 * The warnings the caller reaches, the newest first.
	 * @param subjectType {@code PERSON}, {@code GROUP}, {@code GRID}, {@code AREA} or
	 * {@code COMMUNITY}
	 * @param gridId only the warnings that lie in this grid: about it or its people
	 * @throws BadParameter for an unknown subject type, a size outside 1 to
	 * {@value #MAX_PAGE} or a cursor this server did not make
	 */
	@Transactional(readOnly = true)
	public WarningPage list(CurrentUser user, @Nullable WarningLevel level, @Nullable WarningState state,
			@Nullable String subjectType, @Nullable Long gridId, @Nullable String cursor, int size) {
		ConflictManagement.requireRead(user);
		if (size < 1 || size > MAX_PAGE) {
			throw new BadParameter("size", "search.size", MAX_PAGE);
		}
		SqlFilter filter = new SqlFilter("w.community_id = :community").param("community", user.communityId());
		filter.andIf(user.scope().gridFilter(), "w.grid_id = any(:scopeGrids)", "scopeGrids");
		filter.andIf((level != null) ? level.name() : null, "w.level = :level", "level");
		filter.andIf((state != null) ? state.name() : null, "w.state = :state", "state");
		filter.andIf((subjectType != null) ? RiskSubject.Type.parse(subjectType).name() : null,
				"w.subject_type = :type", "type");
		filter.andIf(gridId, "w.grid_id = :grid", "grid");
		MomentCursor after = MomentCursor.parse(cursor);
		String sql = "select " + COLUMNS + " from warning w where " + filter.where()
				+ ((after != null) ? " and (w.raised_at, w.id) < (:afterAt, :afterId)" : "")
				+ " order by w.raised_at desc, w.id desc limit :limit";
		var statement = filter.bind(this.jdbc.sql(sql)).param("limit", size + 1);
		if (after != null) {
			statement = statement.param("afterAt", Timestamp.from(after.at())).param("afterId", after.id());
		}
		List<WarningView> rows = new ArrayList<>(statement.query(this::view).list());
		String next = null;
		if (rows.size() > size) {
			rows.remove(size);
			WarningView last = rows.get(size - 1);
			next = new MomentCursor(last.raisedAt(), last.id()).encode();
		}
		long total = filter.bind(this.jdbc.sql("select count(*) from (select 1 from warning w where " + filter.where()
				+ " limit " + (TOTAL_CAP + 1) + ") t"))
			.query(Long.class)
			.single();
		return new WarningPage(rows, next, Math.min(total, TOTAL_CAP), total > TOTAL_CAP);
	}

	/**
	 * Claims the open warnings whose acknowledgement is overdue, across communities and
	 * nodes ({@code SKIP LOCKED}), and tells each once: its responsible people and the
	 * leaders.
	 * @return how many fired
	 */
	int fireOverdueAcks(int limit) {
		Instant now = this.clock.instant();
		List<WarningAckOverdue> fired = this.jdbc.sql("""
				update warning w set ack_overdue_fired_at = :now
				from (select community_id, id from warning
				      where state = 'OPEN' and ack_overdue_fired_at is null and ack_due_at <= :now
				      order by ack_due_at limit :limit for update skip locked) due
				where w.community_id = due.community_id and w.id = due.id
				returning w.community_id, w.id, w.subject_type, w.subject_id, w.level, w.responsible_user_ids
				""").param("now", Timestamp.from(now)).param("limit", limit).query((rs, row) -> {
			CommunityId community = new CommunityId(rs.getLong("community_id"));
			Set<Long> recipients = new LinkedHashSet<>(
					Arrays.asList((Long[]) rs.getArray("responsible_user_ids").getArray()));
			return new WarningAckOverdue(community, rs.getLong("id"), rs.getString("subject_type"),
					rs.getString("subject_id"), WarningLevel.valueOf(rs.getString("level")), List.copyOf(recipients));
		}).list();
		for (WarningAckOverdue overdue : fired) {
			Set<Long> recipients = new LinkedHashSet<>(overdue.recipients());
			recipients.addAll(this.routing.leaders(overdue.community()));
			step(overdue.community(), overdue.warningId(), "system", "ack-overdue", overdue.level(), null, null);
			this.audit.record(overdue.community(), "WARNING_ACK_OVERDUE", "WARNING", overdue.warningId(),
					Map.of("level", overdue.level().name()));
			this.events.publishEvent(new WarningAckOverdue(overdue.community(), overdue.warningId(),
					overdue.subjectType(), overdue.subjectId(), overdue.level(), List.copyOf(recipients)));
		}
		return fired.size();
	}

	private WarningView load(CurrentUser user, long id) {
		ConflictManagement.requireRead(user);
		WarningView warning = this.jdbc
			.sql("select " + COLUMNS + " from warning w where w.community_id = :c and w.id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query(this::view)
			.optional()
			.orElseThrow(() -> new NotFound("warning", id));
		this.reach.require(user, user.scope().covers(warning.gridId()), "WARNING", "warning", id);
		return warning;
	}

	/**
	 * @return the note stripped, or {@literal null} when none was given
	 * @throws InvalidInput when a required note is missing or a note is too long
	 */
	private static @Nullable String note(@Nullable String note, boolean required) {
		if (note == null || note.isBlank()) {
			if (required) {
				throw new InvalidInput("note", "warning.note.falseAlarm");
			}
			return null;
		}
		if (note.strip().length() > MAX_NOTE) {
			throw new InvalidInput("note", "conflict.text.length", MAX_NOTE);
		}
		return note.strip();
	}

	private void step(CommunityId community, long id, String actor, String action, @Nullable WarningLevel level,
			@Nullable RiskScore score, @Nullable String note) {
		this.jdbc.sql("""
				insert into warning_timeline (community_id, warning_id, actor, action, level, score, note)
				values (:c, :id, :actor, :action, :level, :score, :note)
				""")
			.param("c", community.value())
			.param("id", id)
			.param("actor", actor)
			.param("action", action)
			.param("level", (level != null) ? level.name() : null)
			.param("score", (score != null) ? score.score() : null)
			.param("note", note)
			.update();
	}

	private WarningView view(ResultSet rs, int row) throws SQLException {
		RiskSubject subject = new RiskSubject(RiskSubject.Type.valueOf(rs.getString("subject_type")),
				rs.getString("subject_id"));
		List<Contribution> reasons = this.json.readValue(rs.getString("reasons"),
				new TypeReference<List<Contribution>>() {
				});
		Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
		Timestamp closed = rs.getTimestamp("closed_at");
		String disposition = rs.getString("disposition");
		return new WarningView(rs.getLong("id"), subject.type().name(), subject.apiId(), (Long) rs.getObject("grid_id"),
				WarningLevel.valueOf(rs.getString("level")), rs.getBigDecimal("score"), reasons,
				rs.getTimestamp("raised_at").toInstant(), rs.getTimestamp("ack_due_at").toInstant(),
				(acknowledged != null) ? acknowledged.toInstant() : null, WarningState.valueOf(rs.getString("state")),
				List.of((Long[]) rs.getArray("responsible_user_ids").getArray()),
				(disposition != null) ? Disposition.valueOf(disposition) : null, rs.getString("close_note"),
				(closed != null) ? closed.toInstant() : null, rs.getInt("model_version"), rs.getLong("version"),
				List.of());
	}

	private static WarningView withTimeline(WarningView w, List<WarningView.Step> timeline) {
		return new WarningView(w.id(), w.subjectType(), w.subjectId(), w.gridId(), w.level(), w.score(), w.reasons(),
				w.raisedAt(), w.ackDueAt(), w.acknowledgedAt(), w.state(), w.responsibleUserIds(), w.disposition(),
				w.closeNote(), w.closedAt(), w.modelVersion(), w.version(), timeline);
	}

}
