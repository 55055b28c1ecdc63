package org.anju.plans;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.audit.AuditTrail;
import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires the timers of active incidents: a task past its time target undone tells its
 * holder and the commander, a report past its deadline unfiled tells the reporting holder
 * and the commander. Deadlines are columns; a round claims the due rows with
 * {@code FOR UPDATE SKIP LOCKED} and marks them fired, so each fires exactly once across
 * nodes and restarts. Firing does not change the incident's version: a timer is not a
 * write of anyone's, and must not make a holder's tick answer 412. Inbox entries keep the
 * plan's Chinese name.
 */
@Component
class IncidentClocks {

	private static final Logger log = LoggerFactory.getLogger(IncidentClocks.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final IncidentManagement incidents;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	IncidentClocks(JdbcClient jdbc, IncidentManagement incidents, AuditTrail audit, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.incidents = incidents;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${anju.plans.clock-interval:PT30S}", initialDelayString = "PT15S")
	void tick() {
		try {
			Instant now = this.clock.instant();
			for (Long community : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
				fire(new CommunityId(community), now);
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.debug("Incident clocks skipped a round: {}", ex.getMessage());
		}
	}

	/**
	 * Fires every task and report timer of the community that passed by {@code now}.
	 * @return how many fired
	 */
	int fire(CommunityId community, Instant now) {
		int fired = 0;
		int round;
		do {
			round = batch(community, now, true);
			fired += round;
		}
		while (round == BATCH);
		do {
			round = batch(community, now, false);
			fired += round;
		}
		while (round == BATCH);
		return fired;
	}

	private int batch(CommunityId community, Instant now, boolean tasks) {
		Integer fired = this.transaction.execute((status) -> {
			String table = tasks ? "incident_task" : "incident_report";
			String open = tasks ? "t.done_at is null" : "t.filed_at is null";
			List<Long> due = this.jdbc.sql("select t.id from " + table + " t join incident i"
					+ " on i.community_id = t.community_id and i.id = t.incident_id" + " where t.community_id = :c and "
					+ open + " and t.overdue_fired_at is null and t.due_at <= :now"
					+ " and i.state = 'ACTIVE' order by t.due_at, t.id limit " + BATCH + " for update of t skip locked")
				.param("c", community.value())
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.list();
			for (Long id : due) {
				this.jdbc.sql("update " + table + " set overdue_fired_at = :now where community_id = :c and id = :id")
					.param("now", Timestamp.from(now))
					.param("c", community.value())
					.param("id", id)
					.update();
				long incidentId = this.jdbc
					.sql("select incident_id from " + table + " where community_id = :c and id = :id")
					.param("c", community.value())
					.param("id", id)
					.query(Long.class)
					.single();
				IncidentView incident = this.incidents.read(community, incidentId, false);
				if (tasks) {
					taskOverdue(community, incident, id, now);
				}
				else {
					reportOverdue(community, incident, id, now);
				}
			}
			return due.size();
		});
		return (fired != null) ? fired : 0;
	}

	private void taskOverdue(CommunityId community, IncidentView incident, long taskId, Instant now) {
		IncidentView.Task task = incident.tasks().stream().filter((t) -> t.id() == taskId).findFirst().orElseThrow();
		this.incidents.log(community, incident.id(), "system", now, "task-overdue", task.title());
		this.audit.record(community, "INCIDENT_TASK_OVERDUE", "INCIDENT", incident.id(),
				Map.of("taskId", taskId, "role", task.role().name(), "dueAt", task.dueAt().toString()));
		this.events.publishEvent(new IncidentTaskOverdue(community, incident.id(), taskId, incident.planName(),
				task.title(), task.dueAt(), incident.drill(), recipients(incident, task.role())));
	}

	private void reportOverdue(CommunityId community, IncidentView incident, long reportId, Instant now) {
		IncidentView.Report report = incident.reports()
			.stream()
			.filter((r) -> r.id() == reportId)
			.findFirst()
			.orElseThrow();
		this.incidents.log(community, incident.id(), "system", now, "report-overdue", report.kind().nameZh());
		this.audit.record(community, "INCIDENT_REPORT_OVERDUE", "INCIDENT", incident.id(),
				Map.of("reportId", reportId, "kind", report.kind().name(), "dueAt", report.dueAt().toString()));
		this.events.publishEvent(new IncidentReportOverdue(community, incident.id(), reportId, incident.planName(),
				report.kind().name(), report.kind().nameZh(), report.dueAt(), incident.drill(),
				recipients(incident, PlanRole.REPORTING)));
	}

	private static List<Long> recipients(IncidentView incident, PlanRole role) {
		Set<Long> recipients = new LinkedHashSet<>();
		incident.holder(role).ifPresent(recipients::add);
		incident.holder(PlanRole.COMMANDER).ifPresent(recipients::add);
		return List.copyOf(recipients);
	}

}
