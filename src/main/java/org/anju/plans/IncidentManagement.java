package org.anju.plans;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.anju.stability.Disposition;
import org.anju.stability.WarningState;
import org.anju.stability.WarningView;
import org.anju.stability.Warnings;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs plans as incidents. An activation takes the plan's approved version and creates
 * the incident with a holder in every role of the plan (unless the activation names
 * another: the person the plan names, or whoever holds the post it names at that moment),
 * a task for every checklist step due its time target after activation, the first, a
 * follow-up and the final information report each with its deadline, and the first line
 * of the timeline. The incident is active until it is closed, which needs the final
 * report and an after-action review. A drill runs the same way.
 * <p>
 * Leaders (and whoever may run incidents) do everything; a role holder ticks the tasks of
 * their own role, the reporting holder and the commander file reports, the commander
 * closes. Staff who may read plans see every incident; a role holder sees their own.
 * Every change writes its timeline line and audit row in one transaction, and increments
 * the incident's version.
 */
@Service
@Transactional
class IncidentManagement {

	static final int MAX_PAGE = 200;

	private final JdbcClient jdbc;

	private final Plans plans;

	private final AuditTrail audit;

	private final Warnings warnings;

	private final Clock clock;

	IncidentManagement(JdbcClient jdbc, Plans plans, AuditTrail audit, Warnings warnings, Clock clock) {
		this.jdbc = jdbc;
		this.warnings = warnings;
		this.plans = plans;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Activates a plan.
	 * @throws InvalidInput naming every field that breaks a rule, a role left without a
	 * holder among them, with nothing written
	 * @throws Refused when the plan has no approved version
	 */
	IncidentView activate(CurrentUser user, NewIncident input) {
		if (!user.may(Permission.INCIDENTS_RUN)) {
			throw new AccessDeniedException("needs INCIDENTS_RUN");
		}
		CommunityId community = user.community();
		List<Violation> problems = new ArrayList<>();
		Plans.PlanRow plan = null;
		if (input.planId() == null) {
			problems.add(new Violation("planId", "field.required"));
		}
		else {
			plan = this.plans.find(community, input.planId()).orElse(null);
			if (plan == null) {
				problems.add(new Violation("planId", "incident.plan.unknown", input.planId()));
			}
		}
		ResponseLevel level = level(input.level(), problems);
		Map<PlanRole, Long> overrides = new EnumMap<>(PlanRole.class);
		Map<String, Long> holders = (input.holders() != null) ? input.holders() : Map.of();
		for (Map.Entry<String, Long> holder : holders.entrySet()) {
			PlanRole role = PlanManagement.role(holder.getKey(), "holders." + holder.getKey(), problems);
			if (role == null || holder.getValue() == null) {
				continue;
			}
			if (!this.plans.staff(community, holder.getValue())) {
				problems.add(new Violation("holders." + role.name(), "plan.user.unknown",
						String.valueOf(holder.getValue())));
			}
			else {
				overrides.put(role, holder.getValue());
			}
		}
		WarningView warning = null;
		if (input.warningId() != null) {
			try {
				warning = this.warnings.get(user, input.warningId());
			}
			catch (NotFound ex) {
				problems.add(new Violation("warningId", "incident.warning.unknown", input.warningId()));
			}
		}
		if (plan == null || level == null) {
			throw new InvalidInput(problems);
		}
		Integer number = plan.approvedNumber();
		if (number == null) {
			throw new Refused("incident.plan.notApproved", plan.name(PlanManagement.english()));
		}
		PlanView.VersionContent content = this.plans.content(community, plan.id(), number).orElseThrow();
		Map<PlanRole, Long> filled = new EnumMap<>(PlanRole.class);
		for (PlanView.RoleView role : content.roles()) {
			Long holder = overrides.getOrDefault(role.role(), role.holderId());
			if (holder != null) {
				filled.put(role.role(), holder);
			}
			else {
				problems.add(vacant(role));
			}
		}
		for (PlanRole role : overrides.keySet()) {
			if (content.role(role) == null) {
				problems.add(new Violation("holders." + role.name(), "incident.role.notInPlan", role.name()));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		boolean drill = Boolean.TRUE.equals(input.drill());
		Instant now = this.clock.instant();
		long id = this.jdbc.sql("""
				insert into incident (community_id, plan_id, plan_number, level, warning_id, drill, state, activated_at,
				                      activated_by)
				values (:c, :plan, :number, :level, :warning, :drill, 'ACTIVE', :at, :by)
				returning id
				""")
			.param("c", community.value())
			.param("plan", plan.id())
			.param("number", number)
			.param("level", level.name())
			.param("warning", input.warningId())
			.param("drill", drill)
			.param("at", Timestamp.from(now))
			.param("by", user.userId())
			.query(Long.class)
			.single();
		for (Map.Entry<PlanRole, Long> holder : filled.entrySet()) {
			this.jdbc
				.sql("insert into incident_role (community_id, incident_id, role, user_id) values (:c, :i, :r, :u)")
				.param("c", community.value())
				.param("i", id)
				.param("r", holder.getKey().name())
				.param("u", holder.getValue())
				.update();
		}
		int sort = 0;
		for (PlanView.RoleView role : content.roles()) {
			for (PlanView.StepView step : role.steps()) {
				this.jdbc.sql("""
						insert into incident_task (community_id, incident_id, role, sort, title, due_at)
						values (:c, :i, :r, :sort, :title, :due)
						""")
					.param("c", community.value())
					.param("i", id)
					.param("r", role.role().name())
					.param("sort", sort++)
					.param("title", step.title())
					.param("due", Timestamp.from(now.plusSeconds(60L * step.minutes())))
					.update();
			}
		}
		for (ReportKind kind : ReportKind.values()) {
			addReport(community, id, kind, now.plus(kind.due()));
		}
		log(community, id, user.actor(), now, drill ? "activate-drill" : "activate",
				plan.name(false) + " v" + number + " · " + level.name());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("planId", plan.id());
		detail.put("planVersion", number);
		detail.put("level", level.name());
		detail.put("drill", drill);
		if (input.warningId() != null) {
			detail.put("warningId", input.warningId());
		}
		detail.put("holders", filled);
		this.audit.record(community, "INCIDENT_ACTIVATED", "INCIDENT", id, detail);
		if (warning != null && !drill && warning.state() != WarningState.CLOSED) {
			// the warning's answer is this incident: it is closed as escalated, in the
			// same
			// transaction, so that nobody acknowledges it a second time
			this.warnings.close(user, warning.id(), warning.version(), Disposition.ESCALATED_TO_PLAN.name(),
					plan.name(false) + " · #" + id);
		}
		return read(community, id);
	}

	/**
	 * @return why nobody would hold the role, naming the person or post that left
	 */
	private static Violation vacant(PlanView.RoleView role) {
		String field = "holders." + role.role().name();
		String vacancy = String.valueOf(role.vacancy());
		return switch (vacancy) {
			case "HOLDER_DISABLED" ->
				new Violation(field, "incident.role.holderGone", role.role().name(), role.defaultUserName());
			case "POST_EMPTY" -> new Violation(field, "incident.role.postEmpty", role.role().name(), role.postName());
			case "POST_GONE" -> new Violation(field, "incident.role.postGone", role.role().name());
			default -> new Violation(field, "incident.role.empty", role.role().name());
		};
	}

	@Transactional(readOnly = true)
	IncidentView get(CurrentUser user, long id) {
		IncidentView incident = read(user.community(), id);
		if (!user.may(Permission.PLANS_READ) && !incident.involves(user.userId())) {
			throw new NotFound("incident", id);
		}
		return incident;
	}

	/**
	 * @param drill only drills, only real incidents, or both
	 * @return the incidents the caller may see, newest first
	 */
	@Transactional(readOnly = true)
	IncidentPage list(CurrentUser user, @Nullable String state, @Nullable Boolean drill, @Nullable String cursor,
			int size) {
		if (size < 1 || size > MAX_PAGE) {
			throw new BadParameter("size", "search.size", MAX_PAGE);
		}
		if (state != null && !state.equals("ACTIVE") && !state.equals("CLOSED")) {
			throw new BadParameter("state", "incident.state.unknown", state);
		}
		long before = Long.MAX_VALUE;
		if (cursor != null && !cursor.isBlank()) {
			try {
				before = Long.parseLong(cursor);
			}
			catch (NumberFormatException ex) {
				throw new BadParameter("cursor", "cursor.invalid");
			}
		}
		String where = """
				 where i.community_id = :c and (cast(:state as text) is null or i.state = :state)
				   and (cast(:drill as boolean) is null or i.drill = :drill)
				   and (:all or exists (select 1 from incident_role r where r.community_id = i.community_id
				                        and r.incident_id = i.id and r.user_id = :me))
				""";
		boolean all = user.may(Permission.PLANS_READ);
		Instant now = this.clock.instant();
		List<IncidentSummary> items = this.jdbc.sql("""
				select i.id, i.plan_id, p.name_zh, p.name_en, i.level, i.drill, i.state, i.activated_at,
				       (select count(*) from incident_task t where t.community_id = i.community_id
				        and t.incident_id = i.id and t.done_at is null) as open_tasks,
				       (select count(*) from incident_task t where t.community_id = i.community_id
				        and t.incident_id = i.id and t.done_at is null and t.due_at <= :now) as overdue_tasks
				from incident i join contingency_plan p on p.community_id = i.community_id and p.id = i.plan_id
				""" + where + " and i.id < :before order by i.id desc limit :limit")
			.param("c", user.community().value())
			.param("state", state)
			.param("drill", drill)
			.param("all", all)
			.param("me", user.userId())
			.param("now", Timestamp.from(now))
			.param("before", before)
			.param("limit", size + 1)
			.query((rs, row) -> new IncidentSummary(rs.getLong("id"), rs.getLong("plan_id"),
					PlanManagement.english() ? rs.getString("name_en") : rs.getString("name_zh"), rs.getString("level"),
					rs.getBoolean("drill"), rs.getString("state"), rs.getTimestamp("activated_at").toInstant(),
					rs.getInt("open_tasks"), rs.getInt("overdue_tasks")))
			.list();
		int total = this.jdbc.sql("select count(*) from incident i" + where)
			.param("c", user.community().value())
			.param("state", state)
			.param("drill", drill)
			.param("all", all)
			.param("me", user.userId())
			.query(Integer.class)
			.single();
		String next = null;
		if (items.size() > size) {
			items = items.subList(0, size);
			next = String.valueOf(items.get(size - 1).id());
		}
		return new IncidentPage(List.copyOf(items), next, total);
	}

	/**
	 * Ticks a task done. The holder of the task's role may, and whoever runs incidents.
	 * @throws Refused when the task is done already or the incident is closed
	 */
	IncidentView doneTask(CurrentUser user, long id, long taskId, long expectedVersion) {
		IncidentView incident = lockCurrent(user, id, expectedVersion);
		IncidentView.Task task = incident.tasks()
			.stream()
			.filter((t) -> t.id() == taskId)
			.findFirst()
			.orElseThrow(() -> new NotFound("task", taskId));
		if (!user.may(Permission.INCIDENTS_RUN) && !incident.holds(user.userId(), task.role())) {
			throw new AccessDeniedException("not the holder of " + task.role());
		}
		requireActive(incident);
		if (task.doneAt() != null) {
			throw new Refused("incident.task.done", task.title());
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("update incident_task set done_at = :at, done_by = :by where community_id = :c and id = :id")
			.param("at", Timestamp.from(now))
			.param("by", user.userId())
			.param("c", user.community().value())
			.param("id", taskId)
			.update();
		return changed(user, incident, now, "task-done", task.title(), "INCIDENT_TASK_DONE",
				Map.of("taskId", taskId, "role", task.role().name(), "late", now.isAfter(task.dueAt())));
	}

	/**
	 * Files an information report. The final report ends the follow-ups.
	 * @throws Refused when the incident is closed, the kind is filed already (a first or
	 * final report), or a follow-up comes before the first or after the final report
	 */
	IncidentView file(CurrentUser user, long id, long expectedVersion, @Nullable String kindCode,
			@Nullable String text) {
		List<Violation> problems = new ArrayList<>();
		ReportKind kind = null;
		if (kindCode == null || kindCode.isBlank()) {
			problems.add(new Violation("kind", "field.required"));
		}
		else {
			try {
				kind = ReportKind.valueOf(kindCode.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new Violation("kind", "incident.report.kind.unknown", kindCode));
			}
		}
		String body = PlanManagement.text(text, "text", 5000, problems);
		IncidentView incident = lockCurrent(user, id, expectedVersion);
		if (!user.may(Permission.INCIDENTS_RUN) && !incident.holds(user.userId(), PlanRole.REPORTING)
				&& !incident.holds(user.userId(), PlanRole.COMMANDER)) {
			throw new AccessDeniedException("not the reporting holder");
		}
		if (!problems.isEmpty() || kind == null) {
			throw new InvalidInput(problems);
		}
		requireActive(incident);
		ReportKind filing = kind;
		boolean firstFiled = filed(incident, ReportKind.FIRST);
		if (kind != ReportKind.FOLLOW_UP && filed(incident, kind)) {
			throw new Refused("incident.report.filed." + kind.name());
		}
		if (kind == ReportKind.FOLLOW_UP && (!firstFiled || filed(incident, ReportKind.FINAL))) {
			throw new Refused("incident.report.followUpOutOfTurn");
		}
		Instant now = this.clock.instant();
		Long open = incident.reports()
			.stream()
			.filter((r) -> r.kind() == filing && r.filedAt() == null)
			.map(IncidentView.Report::id)
			.findFirst()
			.orElse(null);
		long reportId = (open != null) ? open : addReport(user.community(), id, kind, now);
		this.jdbc.sql("""
				update incident_report set filed_at = :at, filed_by = :by, text = :text
				where community_id = :c and id = :id
				""")
			.param("at", Timestamp.from(now))
			.param("by", user.userId())
			.param("text", body)
			.param("c", user.community().value())
			.param("id", reportId)
			.update();
		if (kind == ReportKind.FOLLOW_UP) {
			addReport(user.community(), id, ReportKind.FOLLOW_UP, now.plus(ReportKind.FOLLOW_UP.due()));
		}
		if (kind == ReportKind.FINAL) {
			// the final report ends the follow-ups: none is owed any more
			this.jdbc.sql("""
					delete from incident_report
					where community_id = :c and incident_id = :i and kind = 'FOLLOW_UP' and filed_at is null
					""").param("c", user.community().value()).param("i", id).update();
		}
		return changed(user, incident, now, "report-" + kind.name(), null, "INCIDENT_REPORT_FILED",
				Map.of("reportId", reportId, "kind", kind.name()));
	}

	/**
	 * Closes the incident with its after-action review. The commander may, and whoever
	 * runs incidents.
	 * @throws Refused when it is closed already or the final report is missing
	 */
	IncidentView close(CurrentUser user, long id, long expectedVersion, @Nullable String review) {
		List<Violation> problems = new ArrayList<>();
		String text = PlanManagement.text(review, "review", 5000, problems);
		IncidentView incident = lockCurrent(user, id, expectedVersion);
		if (!user.may(Permission.INCIDENTS_RUN) && !incident.holds(user.userId(), PlanRole.COMMANDER)) {
			throw new AccessDeniedException("not the commander");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		requireActive(incident);
		if (!incident.finalFiled()) {
			throw new Refused("incident.close.finalMissing");
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				update incident set state = 'CLOSED', closed_at = :at, review = :review
				where community_id = :c and id = :id
				""")
			.param("at", Timestamp.from(now))
			.param("review", text)
			.param("c", user.community().value())
			.param("id", id)
			.update();
		long open = incident.tasks().stream().filter((t) -> t.doneAt() == null).count();
		return changed(user, incident, now, "close", null, "INCIDENT_CLOSED", Map.of("openTasks", open));
	}

	private IncidentView changed(CurrentUser user, IncidentView incident, Instant now, String action,
			@Nullable String note, String auditAction, Map<String, ?> detail) {
		this.jdbc.sql("update incident set version = version + 1 where community_id = :c and id = :id")
			.param("c", user.community().value())
			.param("id", incident.id())
			.update();
		log(user.community(), incident.id(), user.actor(), now, action, note);
		this.audit.record(user.community(), auditAction, "INCIDENT", incident.id(), detail);
		return read(user.community(), incident.id());
	}

	private IncidentView lockCurrent(CurrentUser user, long id, long expectedVersion) {
		this.jdbc.sql("select id from incident where community_id = :c and id = :id for update")
			.param("c", user.community().value())
			.param("id", id)
			.query(Long.class)
			.optional();
		IncidentView incident = get(user, id);
		if (incident.version() != expectedVersion) {
			throw new StaleVersion(incident.version());
		}
		return incident;
	}

	private static void requireActive(IncidentView incident) {
		if (!incident.active()) {
			throw new Refused("incident.closed");
		}
	}

	private static boolean filed(IncidentView incident, ReportKind kind) {
		return incident.reports().stream().anyMatch((r) -> r.kind() == kind && r.filedAt() != null);
	}

	private long addReport(CommunityId community, long incidentId, ReportKind kind, Instant due) {
		return this.jdbc.sql("""
				insert into incident_report (community_id, incident_id, kind, due_at)
				values (:c, :i, :kind, :due) returning id
				""")
			.param("c", community.value())
			.param("i", incidentId)
			.param("kind", kind.name())
			.param("due", Timestamp.from(due))
			.query(Long.class)
			.single();
	}

	void log(CommunityId community, long incidentId, String actor, Instant at, String action, @Nullable String note) {
		this.jdbc.sql("""
				insert into incident_entry (community_id, incident_id, at, actor, action, note)
				values (:c, :i, :at, :actor, :action, :note)
				""")
			.param("c", community.value())
			.param("i", incidentId)
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.param("action", action)
			.param("note", note)
			.update();
	}

	/**
	 * @throws NotFound for an incident the community does not have
	 */
	IncidentView read(CommunityId community, long id) {
		return read(community, id, PlanManagement.english());
	}

	/**
	 * @param english whether the plan's name should be the English one
	 */
	IncidentView read(CommunityId community, long id, boolean english) {
		Instant now = this.clock.instant();
		record Head(long planId, String planName, int planVersion, String level, boolean drill,
				@Nullable Long warningId, String state, Instant activatedAt, long activatedBy,
				@Nullable Instant closedAt, @Nullable String review, long version) {
		}
		Head head = this.jdbc.sql("""
				select i.*, p.name_zh, p.name_en from incident i
				join contingency_plan p on p.community_id = i.community_id and p.id = i.plan_id
				where i.community_id = :c and i.id = :id
				""")
			.param("c", community.value())
			.param("id", id)
			.query((rs, row) -> new Head(rs.getLong("plan_id"),
					english ? rs.getString("name_en") : rs.getString("name_zh"), rs.getInt("plan_number"),
					rs.getString("level"), rs.getBoolean("drill"), (Long) rs.getObject("warning_id"),
					rs.getString("state"), instant(rs, "activated_at"), rs.getLong("activated_by"),
					nullableInstant(rs, "closed_at"), rs.getString("review"), rs.getLong("version")))
			.optional()
			.orElseThrow(() -> new NotFound("incident", id));
		List<IncidentView.RoleHolder> roles = new ArrayList<>(this.jdbc.sql("""
				select r.role, r.user_id, u.display_name from incident_role r
				join user_account u on u.community_id = r.community_id and u.id = r.user_id
				where r.community_id = :c and r.incident_id = :id
				""")
			.param("c", community.value())
			.param("id", id)
			.query((rs, row) -> new IncidentView.RoleHolder(PlanRole.valueOf(rs.getString("role")),
					rs.getLong("user_id"), rs.getString("display_name")))
			.list());
		roles.sort(java.util.Comparator.comparing(IncidentView.RoleHolder::role));
		List<IncidentView.Task> tasks = this.jdbc.sql("""
				select id, role, title, due_at, done_at, done_by from incident_task
				where community_id = :c and incident_id = :id order by due_at, sort
				""").param("c", community.value()).param("id", id).query((rs, row) -> {
			Instant due = instant(rs, "due_at");
			Instant done = nullableInstant(rs, "done_at");
			return new IncidentView.Task(rs.getLong("id"), PlanRole.valueOf(rs.getString("role")),
					rs.getString("title"), due, done, (Long) rs.getObject("done_by"),
					((done != null) ? done : now).isAfter(due));
		}).list();
		List<IncidentView.Report> reports = this.jdbc.sql("""
				select id, kind, due_at, filed_at, filed_by, text from incident_report
				where community_id = :c and incident_id = :id order by due_at, id
				""").param("c", community.value()).param("id", id).query((rs, row) -> {
			Instant due = instant(rs, "due_at");
			Instant filed = nullableInstant(rs, "filed_at");
			return new IncidentView.Report(rs.getLong("id"), ReportKind.valueOf(rs.getString("kind")), due, filed,
					(Long) rs.getObject("filed_by"), rs.getString("text"),
					((filed != null) ? filed : now).isAfter(due));
		}).list();
		List<IncidentView.Entry> timeline = this.jdbc.sql("""
				select at, actor, action, note from incident_entry
				where community_id = :c and incident_id = :id order by id
				""")
			.param("c", community.value())
			.param("id", id)
			.query((rs, row) -> new IncidentView.Entry(instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
					rs.getString("note")))
			.list();
		return new IncidentView(id, head.planId(), head.planName(), head.planVersion(), head.level(), head.drill(),
				head.warningId(), head.state(), head.activatedAt(), head.activatedBy(), head.closedAt(), head.review(),
				head.version(), List.copyOf(roles), tasks, reports, timeline);
	}

	private static @Nullable ResponseLevel level(@Nullable String code, List<Violation> problems) {
		if (code == null || code.isBlank()) {
			problems.add(new Violation("level", "field.required"));
			return null;
		}
		try {
			return ResponseLevel.valueOf(code.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Violation("level", "incident.level.unknown", code));
			return null;
		}
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
