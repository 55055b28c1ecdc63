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
 * Fires the missed key-person contacts of every community, a batch per transaction. Each
 * due day fires once across nodes and restarts, so the clock may run on every node.
 */
@Component
class KeyPersonClock {

	private static final Logger log = LoggerFactory.getLogger(KeyPersonClock.class);

	private final JdbcClient jdbc;

	private final KeyPersons keyPersons;

	private final Clock clock;

	KeyPersonClock(JdbcClient jdbc, KeyPersons keyPersons, Clock clock) {
		this.jdbc = jdbc;
		this.keyPersons = keyPersons;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${anju.stability.key-persons.clock-interval:PT10M}", initialDelayString = "PT30S")
	void tick() {
		try {
			LocalDate today = LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE);
			for (Long id : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
				fire(new CommunityId(id), today);
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.debug("Key-person clock skipped a round: {}", ex.getMessage());
		}
	}

	/**
	 * @return how many key persons had a missed contact fired
	 */
	int fire(CommunityId community, LocalDate today) {
		int fired = 0;
		int batch;
		do {
			batch = this.keyPersons.fireMissed(community, today);
			fired += batch;
		}
		while (batch == KeyPersons.BATCH);
		return fired;
	}

}
