package org.anju.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the coverage check of every community each night, on one node: the node that moves
 * a community's {@code night} to today in the same transaction as the check runs it; the
 * others find it moved. A night missed while Anju was down runs at the first tick after
 * it starts, so a new deployment is checked within minutes.
 */
@Component
class CoverageClock {

	private static final Logger log = LoggerFactory.getLogger(CoverageClock.class);

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/** The check runs after 02:00 Shanghai time, when the office is closed. */
	private static final int NIGHT_HOUR = 2;

	private final JdbcClient jdbc;

	private final Coverage coverage;

	private final TransactionTemplate transaction;

	private final Clock clock;

	CoverageClock(JdbcClient jdbc, Coverage coverage, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.coverage = coverage;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${anju.duty.coverage-clock-interval:PT10M}", initialDelayString = "PT30S")
	void tick() {
		try {
			ZonedDateTime now = ZonedDateTime.ofInstant(this.clock.instant(), SHANGHAI);
			LocalDate night = (now.getHour() >= NIGHT_HOUR) ? now.toLocalDate() : now.toLocalDate().minusDays(1);
			for (Long id : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
				runNight(new CommunityId(id), night);
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.debug("Coverage clock skipped a round: {}", ex.getMessage());
		}
	}

	/**
	 * @return whether this node ran the community's check for the night
	 */
	boolean runNight(CommunityId community, LocalDate night) {
		Boolean ran = this.transaction.execute((status) -> {
			this.coverage.takeTurn(community);
			int claimed = this.jdbc.sql("""
					insert into duty_coverage (community_id, night) values (:c, :night)
					on conflict (community_id) do update set night = excluded.night
					where duty_coverage.night is null or duty_coverage.night < excluded.night
					""").param("c", community.value()).param("night", night).update();
			if (claimed == 0) {
				return false;
			}
			this.coverage.check(community);
			return true;
		});
		return Boolean.TRUE.equals(ran);
	}

}
