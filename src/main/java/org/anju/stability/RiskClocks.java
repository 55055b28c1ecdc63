package org.anju.stability;

import java.util.Set;

import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The engine's timers. Every two seconds the subjects that events marked are recomputed;
 * every fifteen minutes each community's own score. Each night every community is
 * recomputed in full; an advisory lock held for the run lets one node do a community
 * while the others skip it. Every minute the warnings whose acknowledgement is overdue
 * are claimed with {@code SKIP LOCKED} and told once.
 */
@Component
class RiskClocks {

	private static final Logger log = LoggerFactory.getLogger(RiskClocks.class);

	private static final int MARKED_BATCH = 2000;

	private final RiskEngine engine;

	private final Warnings warnings;

	private final JdbcClient jdbc;

	RiskClocks(RiskEngine engine, Warnings warnings, JdbcClient jdbc) {
		this.engine = engine;
		this.warnings = warnings;
		this.jdbc = jdbc;
	}

	@Scheduled(cron = "${anju.stability.risk.nightly-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void nightly() {
		try {
			for (Long id : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
				if (this.engine.recomputeAll(new CommunityId(id)) < 0) {
					log.info("Nightly risk recompute of community {} left to the node that holds it", id);
				}
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.warn("Nightly risk recompute skipped: {}", ex.getMessage());
		}
	}

	/**
	 * Recomputes the subjects that events marked (see {@link RiskTriggers}), a batch at a
	 * time until none is left: a burst of events is one run. Marks are claimed with
	 * {@code SKIP LOCKED}, so several nodes share them.
	 */
	@Scheduled(fixedDelayString = "${anju.stability.risk.marked-interval:PT2S}", initialDelayString = "PT10S")
	void marked() {
		try {
			for (Long id : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
				CommunityId community = new CommunityId(id);
				while (this.engine.recomputeMarked(community, MARKED_BATCH) == MARKED_BATCH) {
					// a full batch: there may be more marked
				}
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.debug("Marked risk tick skipped: {}", ex.getMessage());
		}
	}

	/**
	 * The community's score reads every appeal, too much for every event: it follows
	 * here.
	 */
	@Scheduled(fixedDelayString = "${anju.stability.risk.community-interval:PT15M}", initialDelayString = "PT1M")
	void communities() {
		try {
			for (Long id : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
				this.engine.recompute(new CommunityId(id),
						Set.of(RiskSubject.of(RiskSubject.Type.COMMUNITY, id).key()));
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.debug("Community risk tick skipped: {}", ex.getMessage());
		}
	}

	@Scheduled(fixedDelayString = "${anju.stability.warning.clock-interval:PT1M}", initialDelayString = "PT30S")
	void acknowledgements() {
		try {
			while (this.warnings.fireOverdueAcks(100) == 100) {
				// a full batch: there may be more due
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.debug("Warning clock skipped a round: {}", ex.getMessage());
		}
	}

}
