package org.anju.appeals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.AnjuApplication;
import org.anju.RegistryFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anju as operators run it, in a JVM of its own, killed with -9 while a client takes
 * appeals in with idempotency keys, and started again on the same data. The client then
 * retries every request it got no answer to: each appeal answered 201 must exist exactly
 * once, and the numbers stay gapless. A deadline that passed while Anju was down fires
 * once after it starts. Two starts of the application take longer than the normal build
 * allows, so this runs on demand (docs/BENCHMARKS.md, "Reliability"), and in the fault
 * suite ({@code bin/faults}). Here on the embedded PostgreSQL, which outlives the killed
 * JVM; {@link AppealRestartOnDebianTests} on a PostgreSQL server of its own.
 */
@Tag("restart")
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppealRestartTests {

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Path scratch;

	private Path data;

	private Process anju;

	private String token;

	private long deadlineAppeal;

	/** A stability warning whose acknowledgement falls due while Anju is down. */
	private long deadlineWarning;

	/** Idempotency-Key → the appeal's id, for every request answered 201. */
	private final Map<String, Long> answered = new ConcurrentHashMap<>();

	/** Every key sent, in order, with its body. */
	private final Map<String, String> sent = new ConcurrentHashMap<>();

	private final List<String> retried = new ArrayList<>();

	/** Retried keys whose appeal had committed before the kill: the retry replayed it. */
	private final List<String> replayed = new ArrayList<>();

	@BeforeAll
	void killAnjuWhileAppealsComeInAndStartItAgain() throws Exception {
		this.scratch = Files.createTempDirectory("anju-restart-");
		this.data = this.scratch.resolve("pg");
		int first = freePort();
		this.anju = start(first, true, "PT1H");
		this.token = token(first);
		this.deadlineAppeal = id(create(first, "deadline", body("deadline")).body());

		AtomicBoolean running = new AtomicBoolean(true);
		ExecutorService clients = Executors.newFixedThreadPool(4);
		for (int t = 0; t < 4; t++) {
			int client = t;
			clients.submit(() -> {
				for (int i = 0; running.get(); i++) {
					String key = "crash-" + client + "-" + i;
					String body = body(key);
					this.sent.put(key, body);
					try {
						HttpResponse<String> response = create(first, key, body);
						if (response.statusCode() == 201) {
							this.answered.put(key, id(response.body()));
						}
					}
					catch (IOException ex) {
						return null;
					}
				}
				return null;
			});
		}
		while (this.answered.size() < 40) {
			Thread.sleep(20);
		}
		// The deadlines pass while Anju is down: its first life's clocks tick once,
		// hourly.
		try (Connection db = database(); Statement statement = db.createStatement()) {
			statement.executeUpdate("update appeal set warn_at = now() + interval '1 second', "
					+ "due_at = now() + interval '2 seconds' where community_id = 1 and id = " + this.deadlineAppeal);
			this.deadlineWarning = longs(statement,
					"""
							insert into warning (community_id, subject_type, subject_id, level, score, reasons, state, raised_at,
								ack_due_at, responsible_user_ids, model_version)
							values (1, 'COMMUNITY', 'restart-' || clock_timestamp(), 'RED', 90, '[]', 'OPEN', now(),
								now() + interval '1 second', array[(select id from user_account where username = 'admin')], 1)
							returning id""")
				.get(0);
		}
		this.anju.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		running.set(false);
		clients.shutdown();
		assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		Thread.sleep(2500);

		int beforeKill = this.answered.size();
		int second = freePort();
		this.anju = start(second, false, "PT1S");
		for (String key : this.sent.keySet()) {
			if (!this.answered.containsKey(key)) {
				HttpResponse<String> response = create(second, key, this.sent.get(key));
				assertThat(response.statusCode()).as("retry of %s: %s", key, response.body()).isEqualTo(201);
				this.answered.put(key, id(response.body()));
				this.retried.add(key);
				if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
					this.replayed.add(key);
				}
			}
		}
		System.out.printf(
				"%nKilled with -9 after %d appeals were answered; %d requests unanswered, retried after the"
						+ " restart: %d replayed (committed before the kill), %d taken in anew%n%n",
				beforeKill, this.retried.size(), this.replayed.size(), this.retried.size() - this.replayed.size());
	}

	@AfterAll
	void stopAnju() throws Exception {
		if (this.anju != null) {
			this.anju.destroy();
			this.anju.waitFor(60, TimeUnit.SECONDS);
		}
		if (this.scratch != null && !Files.exists(this.data.resolve("postmaster.pid"))) {
			try (var files = Files.walk(this.scratch)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	@Test
	void everyAppealAnswered201ExistsExactlyOnceWithGaplessNumbers() throws Exception {
		assertThat(this.retried).as("requests the kill left unanswered").isNotEmpty();
		assertThat(this.answered).hasSameSizeAs(this.sent);
		assertThat(this.answered.values()).doesNotHaveDuplicates();
		try (Connection db = database(); Statement statement = db.createStatement()) {
			List<Long> stored = longs(statement,
					"select id from appeal where community_id = 1 and title like 'crash-%'");
			assertThat(stored).as("one appeal per key, and no other")
				.containsExactlyInAnyOrderElementsOf(this.answered.values());
			List<Long> numbers = longs(statement,
					"select split_part(number, '-', 2)::bigint from appeal where community_id = 1 order by 1");
			assertThat(numbers).as("gapless numbers")
				.hasSize(this.answered.size() + 1)
				.containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, numbers.size()).boxed().toList());
		}
	}

	@Test
	void theReceiptTextOfEveryAppealAnswered201IsSentAfterTheRestart() throws Exception {
		try (Connection db = database(); Statement statement = db.createStatement()) {
			String receipts = """
					select count(*) from sms_outbox o
					join appeal a on a.community_id = o.community_id and o.related_id = a.id || '#0'
					where o.community_id = 1 and o.related_type = 'APPEAL' and o.template_code = 'APPEAL_RECEIVED'
					  and a.title like 'crash-%'""";
			// what the kill left queued (or claimed, in a batch it never committed) waits
			// for the second life's sweep
			for (int i = 0; i < 600 && longs(statement, receipts + " and o.state <> 'SENT'").get(0) > 0; i++) {
				Thread.sleep(100);
			}
			assertThat(longs(statement, receipts)).as("one receipt per appeal")
				.containsExactly((long) this.answered.size());
			assertThat(longs(statement, receipts + " and o.state = 'SENT' and o.attempts = 1")).as("each sent once")
				.containsExactly((long) this.answered.size());
		}
	}

	@Test
	void aDeadlineThatPassedWhileAnjuWasDownFiresOnceAfterItStarts() throws Exception {
		try (Connection db = database(); Statement statement = db.createStatement()) {
			String timeline = "select count(*) from appeal_timeline where community_id = 1 and appeal_id = "
					+ this.deadlineAppeal + " and action = ";
			for (int i = 0; i < 300 && longs(statement, timeline + "'overdue'").get(0) == 0; i++) {
				Thread.sleep(100);
			}
			Thread.sleep(3000);
			assertThat(longs(statement, timeline + "'overdue'")).containsExactly(1L);
			assertThat(longs(statement, timeline + "'nearly-due'")).containsExactly(1L);
			assertThat(
					longs(statement,
							"select count(*) from appeal where community_id = 1 and id = " + this.deadlineAppeal
									+ " and flags @> array['OVERDUE'] and overdue_fired_at > due_at"))
				.containsExactly(1L);
		}
	}

	@Test
	void aWarningsAcknowledgementDeadlineThatPassedWhileAnjuWasDownIsEscalatedOnce() throws Exception {
		try (Connection db = database(); Statement statement = db.createStatement()) {
			String fired = "select count(*) from warning where community_id = 1 and ack_overdue_fired_at > ack_due_at"
					+ " and id = " + this.deadlineWarning;
			// the warning clock's first tick comes 30 s after the start
			for (int i = 0; i < 600 && longs(statement, fired).get(0) == 0; i++) {
				Thread.sleep(100);
			}
			Thread.sleep(3000);
			assertThat(longs(statement, fired)).containsExactly(1L);
			assertThat(longs(statement,
					"select count(*) from warning_timeline where community_id = 1 and warning_id = "
							+ this.deadlineWarning + " and action = 'ack-overdue'"))
				.as("escalated once")
				.containsExactly(1L);
		}
	}

	private Process start(int port, boolean fresh, String clockInterval) throws Exception {
		Path log = this.scratch.resolve("anju-" + port + ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
						System.getProperty("java.class.path"), AnjuApplication.class.getName(), "--server.port=" + port,
						"--anju.appeals.clock-interval=" + clockInterval,
						"--anju.stability.warning.clock-interval=" + clockInterval));
		command.addAll(databaseArguments(this.scratch, fresh));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		for (int i = 0; i < 1800; i++) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Anju stopped while starting: " + Files.readString(log));
			}
			try {
				HttpResponse<String> health = this.http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return process;
				}
			}
			catch (ConnectException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		process.destroyForcibly();
		throw new IllegalStateException("Anju was not healthy within 180 s: " + Files.readString(log));
	}

	private String token(int port) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"Admin-Pass-2026\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private HttpResponse<String> create(int port, String key, String body) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/appeals"))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * An appeal from a caller with a mobile of their own, so that it queues a receipt
	 * text (no number reaches its daily limit).
	 */
	private static String body(String key) {
		return """
				{"caller":{"name":"王建国","phone":"%s"},"categoryCode":"PROPERTY_REPAIR","channel":"PHONE",\
				"title":"%s","description":"楼道灯不亮"}""".formatted(RegistryFixtures.mobile(), key);
	}

	private static long id(String body) {
		Matcher id = ID.matcher(body);
		assertThat(id.find()).as(body).isTrue();
		return Long.parseLong(id.group(1));
	}

	/**
	 * Where Anju keeps its data: here the embedded PostgreSQL in the scratch folder, new
	 * on the first start.
	 */
	protected List<String> databaseArguments(Path scratch, boolean fresh) throws Exception {
		return List.of("--anju.embedded-db.data-dir=" + this.data, "--anju.embedded-db.clean=" + fresh);
	}

	/**
	 * The embedded PostgreSQL of the data directory, whichever JVM started it; its port
	 * is the fourth line of postmaster.pid.
	 */
	protected Connection database() throws Exception {
		String port = Files.readAllLines(this.data.resolve("postmaster.pid")).get(3).strip();
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
	}

	private static List<Long> longs(Statement statement, String sql) throws SQLException {
		List<Long> values = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getLong(1));
			}
		}
		return values;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
