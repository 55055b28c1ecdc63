package org.anju.faults;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Anju nodes, each its own JVM on its own port, on one PostgreSQL: what a load
 * balancer in front of them needs. Timers fire once across the nodes, a console session
 * begun on one is good on the other, and live inbox news reaches streams open on both,
 * whichever node raised it.
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");

	private Path scratch;

	private DebianPostgres database;

	private AnjuNode one;

	private AnjuNode two;

	@BeforeAll
	void startTwoNodes() throws Exception {
		this.scratch = Files.createTempDirectory("anju-two-nodes-");
		this.database = DebianPostgres.primary(this.scratch);
		List<String> arguments = Stream
			.concat(this.database.anjuArguments().stream(), Stream.of("--anju.appeals.clock-interval=PT1S"))
			.toList();
		// the first runs the migrations; the second starts on the migrated schema
		this.one = AnjuNode.start("node-one", arguments);
		this.two = AnjuNode.start("node-two", arguments);
	}

	@AfterAll
	void stopThem() throws Exception {
		for (AutoCloseable closing : new AutoCloseable[] { this.one, this.two, this.database }) {
			if (closing != null) {
				closing.close();
			}
		}
	}

	@Test
	void aDeadlineFiresOnceAcrossBothNodesAndItsNewsReachesStreamsOnBoth() throws Exception {
		String token = this.one.staff("leader-two", "LEADER");
		List<String> onOne = new CopyOnWriteArrayList<>();
		List<String> onTwo = new CopyOnWriteArrayList<>();
		CompletableFuture<Void> streamOne = stream(this.one, token, onOne);
		CompletableFuture<Void> streamTwo = stream(this.two, token, onTwo);
		waitFor(() -> onOne.contains("event:unread") && onTwo.contains("event:unread"),
				"both streams open with their unread count");

		long appeal = Appeals.id(
				this.one
					.postJson("/api/v1/appeals", this.one.adminToken(), Appeals.body("two-nodes"),
							"two-nodes-" + System.nanoTime())
					.body());
		try (Connection db = this.database.connect(); Statement statement = db.createStatement()) {
			statement.executeUpdate("update appeal set warn_at = now() + interval '1 second', "
					+ "due_at = now() + interval '2 seconds' where community_id = 1 and id = " + appeal);
			String timeline = "select count(*) from appeal_timeline where community_id = 1 and appeal_id = " + appeal
					+ " and action = ";
			waitFor(() -> count(statement, timeline + "'overdue'") > 0, "the deadline fires");
			// both nodes tick every second: give each a few more chances to fire again
			Thread.sleep(4000);
			assertThat(count(statement, timeline + "'nearly-due'")).isEqualTo(1);
			assertThat(count(statement, timeline + "'overdue'")).isEqualTo(1);
			assertThat(count(statement,
					"select count(*) from notification where community_id = 1"
							+ " and kind = 'OVERDUE' and subject_id = " + appeal))
				.as("one overdue notice (the leader's)")
				.isEqualTo(1);
		}
		waitFor(() -> overdue(onOne) && overdue(onTwo), "the overdue notice on both nodes' streams");
		assertThat(onOne.stream().filter((line) -> line.startsWith("event:notification")).count()).isEqualTo(1);
		assertThat(onTwo.stream().filter((line) -> line.startsWith("event:notification")).count()).isEqualTo(1);
		System.out
			.printf("%nTwo nodes: the deadline fired once across both; its notice reached the streams on both%n%n");
		streamOne.cancel(true);
		streamTwo.cancel(true);
	}

	@Test
	void aConsoleSessionBegunOnOneNodeIsGoodOnTheOther() throws Exception {
		HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		HttpResponse<String> page = client.send(HttpRequest.newBuilder(this.one.uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as(page.body()).isTrue();
		String anonymous = session(page);
		HttpResponse<String> login = client.send(
				HttpRequest.newBuilder(this.one.uri("/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Cookie", "SESSION=" + anonymous)
					.POST(HttpRequest.BodyPublishers.ofString("username=admin&password="
							+ URLEncoder.encode(AnjuNode.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
							+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		String signedIn = session(login);
		assertThat(signedIn).as("a new session id at login").isNotEqualTo(anonymous);

		HttpResponse<String> elsewhere = client.send(
				HttpRequest.newBuilder(this.two.uri("/")).header("Cookie", "SESSION=" + signedIn).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(elsewhere.statusCode()).as(elsewhere.headers().map().toString()).isEqualTo(200);
		assertThat(elsewhere.body()).contains("/logout").doesNotContain("name=\"password\"");
		HttpResponse<String> stranger = client.send(HttpRequest.newBuilder(this.two.uri("/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(stranger.statusCode()).as("without the session: to the login page").isEqualTo(302);
	}

	private static String session(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.map(SESSION::matcher)
			.filter(Matcher::find)
			.map((m) -> m.group(1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
	}

	private static boolean overdue(List<String> lines) {
		return lines.stream().anyMatch((line) -> line.startsWith("data:") && line.contains("OVERDUE"));
	}

	/** Reads the node's event stream line by line into the list, until cancelled. */
	private static CompletableFuture<Void> stream(AnjuNode node, String token, List<String> lines) {
		return node.http
			.sendAsync(HttpRequest.newBuilder(node.uri("/api/v1/notifications/stream"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofInputStream())
			.thenAcceptAsync((response) -> {
				try (InputStream body = response.body();
						BufferedReader reader = new BufferedReader(
								new InputStreamReader(body, StandardCharsets.UTF_8))) {
					for (String line = reader.readLine(); line != null; line = reader.readLine()) {
						lines.add(line.replace("event: ", "event:").replace("data: ", "data:"));
					}
				}
				catch (java.io.IOException ex) {
					// the test is over
				}
			});
	}

	private static long count(Statement statement, String sql) {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws Exception {
		for (int i = 0; i < 600; i++) {
			if (condition.getAsBoolean()) {
				return;
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
		throw new AssertionError("waited 60 s in vain for " + what);
	}

}
