package org.anju.appeals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
 * Fires each appeal's warning point (临期) and due time (超期) exactly once. Deadlines are
 * columns; a round claims the due rows with {@code FOR UPDATE SKIP LOCKED}, so that two
 * nodes never fire the same one, and a deadline that passed while Anju was down fires on
 * the first round after it starts.
 */
@Component
class AppealClocks {

	private static final Logger log = LoggerFactory.getLogger(AppealClocks.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final Appeals appeals;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AppealClocks(JdbcClient jdbc, Appeals appeals, AuditTrail audit, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.appeals = appeals;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${anju.appeals.clock-interval:PT30S}", initialDelayString = "PT5S")
	void tick() {
		try {
			for (Long community : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
				fire(new CommunityId(community));
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.debug("Appeal clocks skipped a round: {}", ex.getMessage());
		}
	}

	/**
	 * Fires every warning point and due time of the community that has passed.
	 * @return how many fired
	 */
	int fire(CommunityId community) {
		int fired = 0;
		int round;
		do {
			round = fireBatch(community, "warn_at", "nearly_due_fired_at", "nearly-due");
			fired += round;
		}
		while (round == BATCH);
		do {
			round = fireBatch(community, "due_at", "overdue_fired_at", "overdue");
			fired += round;
		}
		while (round == BATCH);
		return fired;
	}

	private int fireBatch(CommunityId community, String deadline, String firedColumn, String action) {
		Integer fired = this.transaction.execute((status) -> {
			Instant now = this.clock.instant();
			List<Long> due = this.jdbc
				.sql("select id from appeal where community_id = :c and " + firedColumn
						+ " is null and state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') and " + deadline
						+ " <= :now order by " + deadline + ", id limit " + BATCH + " for update skip locked")
				.param("c", community.value())
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.list();
			for (Long id : due) {
				AppealRow row = this.appeals.find(community, id).orElseThrow();
				Appeal appeal = row.toAppeal();
				if ("overdue".equals(action)) {
					appeal.markOverdue(now);
				}
				else {
					appeal.markNearlyDue(now);
				}
				long version = this.appeals.save(community, appeal, "system").version();
				this.audit.record(community, "APPEAL_" + action.toUpperCase().replace('-', '_'), "APPEAL", id,
						Map.of("number", row.number(), "dueAt", row.dueAt().toString()));
				this.events.publishEvent(new AppealChanged(community, id, action, appeal.state(),
						appeal.departmentCode(), appeal.assigneeId(), version));
			}
			return due.size();
		});
		return (fired != null) ? fired : 0;
	}

}
