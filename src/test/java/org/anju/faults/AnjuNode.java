package org.anju.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.AnjuApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anju as operators run it: a JVM of its own, started from the test classpath on a port
 * of its own, that a test can kill with -9 and start again.
 */
public final class AnjuNode implements AutoCloseable {

	public static final String ADMIN_PASSWORD = "Admin-Pass-2026";

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	public final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	public final int port;

	public final Path log;

	private final Process process;

	private AnjuNode(int port, Path log, Process process) {
		this.port = port;
		this.log = log;
		this.process = process;
	}

	/**
	 * Starts Anju with the given arguments and waits until it answers its health check.
	 * Its log is kept in {@code target/fault-logs} for a look after a failure.
	 */
	public static AnjuNode start(String name, List<String> arguments) throws Exception {
		int port = DebianPostgres.freePort();
		Path logs = Files.createDirectories(Path.of("target", "fault-logs"));
		Path log = logs.resolve(name + "-" + port + ".log");
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
						AnjuApplication.class.getName(), "--server.port=" + port));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		AnjuNode node = new AnjuNode(port, log, process);
		for (int i = 0; i < 1800; i++) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Anju stopped while starting: " + Files.readString(log));
			}
			try {
				if (node.get("/actuator/health", null).statusCode() == 200) {
					return node;
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

	/** kill -9: no shutdown hook runs, nothing is flushed or closed. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	public boolean alive() {
		return this.process.isAlive();
	}

	public URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	public String token(String username, String password) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Matcher token = TOKEN.matcher(response.body());
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	public String adminToken() throws Exception {
		return token("admin", ADMIN_PASSWORD);
	}

	/**
	 * Creates a staff account through the API, as the admin, and signs it in: its first
	 * password is changed, as Anju asks before anything else.
	 * @return a bearer token of the new account
	 */
	public String staff(String username, String role) throws Exception {
		String first = "First-Pass-2026";
		String chosen = "Chosen-Pass-2026";
		HttpResponse<String> created = postJson("/api/v1/users", adminToken(), """
				{"username":"%s","password":"%s","displayName":"%s","role":"%s","gridIds":[]}""".formatted(username,
				first, username, role), null);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		HttpResponse<String> changed = postJson("/api/v1/auth/password", token(username, first),
				"{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(first, chosen), null);
		assertThat(changed.statusCode()).as(changed.body()).isLessThan(300);
		return token(username, chosen);
	}

	public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	public HttpResponse<String> postJson(String path, String token, String body, String idempotencyKey)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() throws Exception {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

}
