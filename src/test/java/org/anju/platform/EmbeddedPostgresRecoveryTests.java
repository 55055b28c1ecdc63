package org.anju.platform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM killed with -9 leaves its PostgreSQL running. The next start on the same data
 * directory must take over with no manual step, and keep the data.
 */
class EmbeddedPostgresRecoveryTests {

	@TempDir
	Path scratch;

	@Test
	void aStartAfterTheJvmWasKilledStopsTheOrphanAndKeepsTheData() throws Exception {
		Path data = this.scratch.resolve("pg");
		Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), CrashingAnju.class.getName(), data.toString()))
			.redirectErrorStream(true)
			.redirectOutput(this.scratch.resolve("child.log").toFile())
			.start();
		Path ready = data.resolve("ready");
		for (int i = 0; i < 120 && !Files.exists(ready) && child.isAlive(); i++) {
			Thread.sleep(500);
		}
		assertThat(ready).as(Files.readString(this.scratch.resolve("child.log"))).exists();
		long orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());

		child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("postgres outlives the killed JVM")
			.contains(true);

		DataSource again = EmbeddedPostgresServer.dataSource(data, false, true);
		try (Connection connection = again.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select note from survivor")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("written before the crash");
		}
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
	}

	/**
	 * Starts the embedded database, writes a row, says it is ready, and waits to be
	 * killed.
	 */
	static final class CrashingAnju {

		public static void main(String[] args) throws Exception {
			Path data = Path.of(args[0]);
			DataSource dataSource = EmbeddedPostgresServer.dataSource(data, true, true);
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("create table survivor (note text)");
				statement.execute("insert into survivor values ('written before the crash')");
			}
			Files.writeString(new File(data.toFile(), "ready").toPath(), "ok");
			Thread.sleep(Long.MAX_VALUE);
		}

	}

}
