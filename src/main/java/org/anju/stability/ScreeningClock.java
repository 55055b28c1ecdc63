package org.anju.stability;

import java.time.Clock;
import java.time.LocalDate;

import org.anju.calendar.WorkingCalendar;
import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Keeps the screening rounds going: opens the current period's round for every community,
 * reminds grids on the deadline day and escalates late ones. Each step is once-only
 * across nodes and restarts, so the clock may run on every node.
 */
@Component
class ScreeningClock {

	private static final Logger log = LoggerFactory.getLogger(ScreeningClock.class);

	private final JdbcClient jdbc;

	private final ScreeningRounds rounds;

	private final Clock clock;

	ScreeningClock(JdbcClient jdbc, ScreeningRounds rounds, Clock clock) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${anju.stability.screening.clock-interval:PT10M}", initialDelayString = "PT20S")
	void tick() {
		try {
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE);
			for (Long id : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
				CommunityId community = new CommunityId(id);
				this.rounds.open(community, today);
				this.rounds.remind(community, today);
				this.rounds.escalate(community, today);
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.debug("Screening clock skipped a round: {}", ex.getMessage());
		}
	}

}
