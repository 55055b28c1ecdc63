package org.anju.appeals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import org.anju.faults.DebianPostgres;
import org.junit.jupiter.api.AfterAll;

/**
 * {@link AppealRestartTests} on a PostgreSQL server of its own, as operators run Anju
 * with {@code SPRING_DATASOURCE_URL}: kill -9 while appeals come in with idempotency
 * keys, a restart and the retries, and deadlines that passed while Anju was down.
 */
class AppealRestartOnDebianTests extends AppealRestartTests {

	private DebianPostgres server;

	@Override
	protected List<String> databaseArguments(Path scratch, boolean fresh) throws Exception {
		if (this.server == null) {
			this.server = DebianPostgres.primary(Files.createTempDirectory("anju-restart-debian-"));
		}
		return this.server.anjuArguments();
	}

	@Override
	protected Connection database() throws Exception {
		return this.server.connect();
	}

	/** Stops Anju first, then its database. */
	@Override
	@AfterAll
	void stopAnju() throws Exception {
		super.stopAnju();
		if (this.server != null) {
			this.server.close();
		}
	}

}
