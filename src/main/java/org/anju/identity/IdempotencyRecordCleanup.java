package org.anju.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets idempotent answers after 48 hours, twice what the API promises.
 */
@Component
class IdempotencyRecordCleanup {

	private final JdbcClient jdbc;

	IdempotencyRecordCleanup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldAnswers() {
		this.jdbc.sql("delete from idempotency_record where created_at < now() - interval '48 hours'").update();
	}

}
