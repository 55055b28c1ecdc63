package org.anju.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every {@link RetentionRule} each night. Each rule claims its records with
 * {@code FOR UPDATE SKIP LOCKED}, so two nodes running at once share the work, and a
 * night missed is made up the next.
 */
@Component
class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final List<RetentionRule> rules;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Retention(List<RetentionRule> rules, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
		for (RetentionRule rule : rules) {
			if (rule.period().isNegative() || rule.period().isZero()) {
				throw new IllegalArgumentException(
						"the retention period of " + rule.name() + " must be positive, not " + rule.period());
			}
		}
		this.rules = rules;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * The rules in force, with their periods.
	 */
	List<RetentionRule> rules() {
		return this.rules;
	}

	@Scheduled(cron = "${anju.retention.cron:0 17 3 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		try {
			runAt(this.clock.instant());
		}
		catch (DataAccessResourceFailureException ex) {
			log.warn("Retention skipped a night: {}", ex.getMessage());
		}
	}

	/**
	 * Applies every rule as of {@code now}.
	 * @return how many records each rule handled
	 */
	Map<String, Integer> runAt(Instant now) {
		Map<String, Integer> handled = new LinkedHashMap<>();
		List<Long> communities = this.jdbc.sql("select id from community order by id").query(Long.class).list();
		for (RetentionRule rule : this.rules) {
			Instant cutoff = now.atZone(CHINA).minus(rule.period()).toInstant();
			int count = 0;
			for (Long community : communities) {
				CommunityId id = new CommunityId(community);
				int batch;
				do {
					batch = this.transaction.execute((status) -> rule.applyBatch(id, cutoff));
					count += batch;
				}
				while (batch > 0);
			}
			handled.put(rule.name(), count);
			if (count > 0) {
				log.info("Retention rule {} handled {} records that ended before {}", rule.name(), count, cutoff);
			}
		}
		return handled;
	}

}
