package org.anju.faults;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anju on a primary and a streaming replica, two clusters of Debian's PostgreSQL made
 * with initdb and {@code pg_basebackup -R}. With the replica's replay paused, so that it
 * lags for certain: a leader's dashboard and report list come from the replica and miss
 * what was written since, while the admin who wrote a report sees it at once, from the
 * primary. Once replay resumes the leader sees it too. Flyway ran on the primary only
 * (the replica is read-only: Anju would not have started otherwise).
 */
@Tag("fault")
class ReplicaTests {

	@TempDir
	Path scratch;

	@Test
	void dashboardAndReportReadsComeFromTheReplicaAndAWriterSeesTheirOwnWrites() throws Exception {
		try (DebianPostgres primary = DebianPostgres.primary(this.scratch);
				DebianPostgres replica = primary.replica(this.scratch);
				AnjuNode anju = AnjuNode.start("replica",
						Stream.concat(primary.anjuArguments().stream(),
								Stream.of("--anju.datasource.replica.url=" + replica.jdbcUrl(),
										"--anju.datasource.replica.username=postgres"))
							.toList())) {
			assertThat(Files.readString(anju.log)).contains("Dashboard and report reads go to the replica");
			String admin = anju.adminToken();
			String leader = anju.staff("leader-r", "LEADER");
			try (Connection standby = replica.connect(); Statement onStandby = standby.createStatement()) {
				waitUntilReplayed(primary, onStandby);
				assertThat(single(onStandby, "select pg_is_in_recovery()::text")).isEqualTo("true");

				single(onStandby, "select pg_wal_replay_pause()::text");
				HttpResponse<String> report = anju.postJson("/api/v1/reports", admin, "{}", null);
				assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
				String id = String.valueOf(Appeals.id(report.body()));

				HttpResponse<String> own = anju.get("/api/v1/reports", admin);
				assertThat(own.statusCode()).isEqualTo(200);
				assertThat(own.body()).as("the writer sees their own report at once").contains("\"id\":" + id + ",");
				assertThat(anju.get("/api/v1/reports/" + id + ".pdf", admin).statusCode()).isEqualTo(200);

				HttpResponse<String> stale = anju.get("/api/v1/reports", leader);
				assertThat(stale.statusCode()).as(stale.body()).isEqualTo(200);
				assertThat(stale.body()).as("the leader's list comes from the paused replica")
					.doesNotContain("\"id\":" + id + ",");
				HttpResponse<String> dashboard = anju.get("/api/v1/dashboard", leader);
				assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
				long appeal = Appeals
					.id(anju.postJson("/api/v1/appeals", admin, Appeals.body("replica"), "replica-appeal").body());
				assertThat(anju.get("/api/v1/appeals/" + appeal, leader).statusCode())
					.as("reads outside the dashboard and reports stay on the primary")
					.isEqualTo(200);

				single(onStandby, "select pg_wal_replay_resume()::text");
				boolean caughtUp = false;
				for (int i = 0; i < 100 && !caughtUp; i++) {
					Thread.sleep(100);
					caughtUp = anju.get("/api/v1/reports", leader).body().contains("\"id\":" + id + ",");
				}
				assertThat(caughtUp).as("the leader sees the report once the replica replays it").isTrue();
				assertThat(
						Long.parseLong(single(onStandby, "select count(*) from flyway_schema_history where success")))
					.as("the replica has the primary's migrations, by replication")
					.isPositive();
			}
		}
	}

	private static void waitUntilReplayed(DebianPostgres primary, Statement onStandby) throws Exception {
		String target;
		try (Connection db = primary.connect(); Statement statement = db.createStatement()) {
			target = single(statement, "select pg_current_wal_lsn()::text");
		}
		for (int i = 0; i < 300; i++) {
			if ("true"
				.equals(single(onStandby, "select (pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn)::text"))) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the replica did not catch up");
	}

	private static String single(Statement statement, String sql) throws Exception {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
