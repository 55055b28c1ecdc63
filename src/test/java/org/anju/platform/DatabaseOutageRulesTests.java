package org.anju.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean the database is away (503) and which are errors of their own. The
 * whole of it, with PostgreSQL really stopped, is the fault suite's
 * {@code DatabaseOutageTests}.
 */
class DatabaseOutageRulesTests {

	@Test
	void aLostOrRefusedConnectionIsAnOutage() {
		assertThat(DatabaseOutage.unreachable(new IllegalStateException(
				new DataAccessResourceFailureException("no connection", new SQLException("refused", "08001")))))
			.isTrue();
		assertThat(DatabaseOutage.unreachable(new SQLTransientConnectionException("pool timed out"))).isTrue();
		assertThat(DatabaseOutage
			.unreachable(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
	}

	@Test
	void aRollbackThatFailedOnADeadConnectionIsAnOutageWhateverMadeItRollBack() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed"));
		rollback.initApplicationException(new IllegalStateException("in flight"));
		assertThat(DatabaseOutage.unreachable(rollback)).isTrue();
	}

	@Test
	void anErrorOfTheRequestItselfIsNot() {
		assertThat(DatabaseOutage.unreachable(new DuplicateKeyException("duplicate key"))).isFalse();
		assertThat(DatabaseOutage.unreachable(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(DatabaseOutage.unreachable(new IllegalStateException("a bug"))).isFalse();
	}

}
