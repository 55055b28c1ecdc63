package org.anju.faults;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops under load and starts again, with Anju left running. While the
 * database is away every request is answered, with 503 and a problem+json that says so
 * (and no stack trace); once it is back Anju serves again by itself within 10 s.
 */
@Tag("fault")
class DatabaseOutageTests {

	private static final long RECOVERY_BUDGET_MILLIS = 10_000;

	@TempDir
	Path scratch;

	@Test
	void whileTheDatabaseIsDownAnjuAnswers503AndItRecoversByItselfWhenItIsBack() throws Exception {
		try (DebianPostgres database = DebianPostgres.primary(this.scratch);
				AnjuNode anju = AnjuNode.start("outage", database.anjuArguments())) {
			String token = anju.adminToken();
			List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicInteger sequence = new AtomicInteger();
			ExecutorService clients = Executors.newFixedThreadPool(4);
			for (int t = 0; t < 4; t++) {
				boolean writer = t == 0;
				clients.submit(() -> {
					while (running.get()) {
						long sent = System.currentTimeMillis();
						try {
							HttpResponse<String> response = writer ? anju.postJson("/api/v1/appeals", token,
									Appeals.body("outage-" + sequence.incrementAndGet()), "outage-" + sequence.get())
									: anju.get("/api/v1/appeals?size=5", token);
							answers.add(new Answer(sent, System.currentTimeMillis(), response.statusCode(),
									response.headers().firstValue("Content-Type").orElse(""), response.body()));
						}
						catch (IOException ex) {
							answers.add(new Answer(sent, System.currentTimeMillis(), 0, "", ex.toString()));
						}
						Thread.sleep(50);
					}
					return null;
				});
			}
			Thread.sleep(3000);
			long stopping = System.currentTimeMillis();
			database.stop();
			long down = System.currentTimeMillis();
			Thread.sleep(8000);
			long starting = System.currentTimeMillis();
			database.start();
			long up = System.currentTimeMillis();
			long firstSuccess = -1;
			for (int i = 0; i < 300 && firstSuccess < 0; i++) {
				Thread.sleep(100);
				firstSuccess = firstSuccessSince(answers, up);
			}
			long recovered = firstSuccess;
			Thread.sleep(2000);
			running.set(false);
			clients.shutdown();
			assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

			List<Answer> all = List.copyOf(answers);
			// Answered while the database was down, whenever sent: a request sent in the
			// 0.1 s the stop takes waits out the pool's timeout like one sent after it,
			// and
			// each client has one answer in the window (in flight at the stop, or sent
			// 50 ms later, each answered within the 5 s timeout of the 8 s outage).
			List<Answer> whileDown = all.stream().filter((a) -> a.answered >= down && a.answered <= starting).toList();
			List<Answer> afterwards = all.stream().filter((a) -> a.sent >= recovered && recovered > 0).toList();
			System.out
				.printf("%nDatabase outage: stopped in %d ms, down %d ms, started in %d ms; %d requests while down,"
						+ " all 503: %s, the slowest answered in %d ms; first success %d ms after the database was back; %d requests after%n%n",
						down - stopping, starting - down, up - starting, whileDown.size(),
						whileDown.stream().allMatch((a) -> a.status == 503),
						whileDown.stream().mapToLong((a) -> a.answered - a.sent).max().orElse(0), recovered - up,
						afterwards.size());
			assertThat(all.stream().filter((a) -> a.status == 0).map(Answer::body)).as("every request got an answer")
				.isEmpty();
			assertThat(all.stream().filter((a) -> a.status / 100 != 2 && a.status != 503).map(Answer::body))
				.as("only success or 503, never a 500")
				.isEmpty();
			// Each waits for Hikari's connection timeout (5 s) before it is answered.
			assertThat(whileDown).hasSizeGreaterThanOrEqualTo(4);
			for (Answer answer : whileDown) {
				assertThat(answer.status).as(answer.body).isEqualTo(503);
				assertThat(answer.contentType).startsWith("application/problem+json");
				assertThat(answer.body).contains("database-unavailable")
					.doesNotContain("Exception")
					.doesNotContain("\tat ")
					.doesNotContain("org.");
			}
			assertThat(recovered).as("a success after the database came back").isPositive();
			assertThat(recovered - up).as("recovery time, ms").isLessThanOrEqualTo(RECOVERY_BUDGET_MILLIS);
			assertThat(afterwards).isNotEmpty();
			assertThat(afterwards.stream().filter((a) -> a.status / 100 != 2).map(Answer::body)).isEmpty();
			assertThat(Files.readString(anju.log)).doesNotContain("OutOfMemoryError");
		}
	}

	private static long firstSuccessSince(List<Answer> answers, long since) {
		synchronized (answers) {
			return answers.stream()
				.filter((a) -> a.sent >= since && a.status / 100 == 2)
				.mapToLong((a) -> a.answered)
				.min()
				.orElse(-1);
		}
	}

	private record Answer(long sent, long answered, int status, String contentType, String body) {
	}

}
