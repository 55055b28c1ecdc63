package org.anju.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of Debian's packages in a folder of its own, as an operator's
 * database would be: a separate server process that a test can stop and start again, or
 * follow with a streaming replica. The binaries come from {@code anju.faults.pg-bin}
 * (default {@code /usr/lib/postgresql/15/bin}, installed by {@code bin/faults}).
 * PostgreSQL refuses to run as root, so under root the server runs as {@code postgres}.
 */
public final class DebianPostgres implements AutoCloseable {

	private static final Path BIN = Path.of(System.getProperty("anju.faults.pg-bin", "/usr/lib/postgresql/15/bin"));

	private final Path data;

	private final int port;

	private DebianPostgres(Path data, int port) {
		this.data = data;
		this.port = port;
	}

	/** A new, empty primary cluster, started. */
	public static DebianPostgres primary(Path folder) throws Exception {
		Path data = folder.resolve("primary");
		Files.createDirectories(data);
		own(folder);
		run("initdb", "-D", data.toString(), "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8");
		DebianPostgres cluster = new DebianPostgres(data, freePort());
		cluster.start();
		return cluster;
	}

	/**
	 * A streaming replica of this cluster, made with {@code pg_basebackup -R} (which
	 * writes {@code standby.signal} and the connection to the primary), started.
	 */
	public DebianPostgres replica(Path folder) throws Exception {
		Path data = folder.resolve("replica");
		run("pg_basebackup", "-h", "127.0.0.1", "-p", String.valueOf(this.port), "-U", "postgres", "-D",
				data.toString(), "-R", "-X", "stream", "-c", "fast");
		DebianPostgres replica = new DebianPostgres(data, freePort());
		replica.start();
		return replica;
	}

	public void start() throws Exception {
		run("pg_ctl", "-D", this.data.toString(), "-w", "-t", "60", "-l", this.data.resolve("server.log").toString(),
				"-o", "-p " + this.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="
						+ this.data.getParent() + " -c max_connections=200 -c fsync=off",
				"start");
	}

	/** A fast shutdown: open connections are cut, as when the database host goes away. */
	public void stop() throws Exception {
		run("pg_ctl", "-D", this.data.toString(), "-w", "-m", "fast", "stop");
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), "postgres", "");
	}

	/** The settings that point Anju at this cluster instead of its embedded database. */
	public List<String> anjuArguments() {
		return List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=");
	}

	@Override
	public void close() throws Exception {
		if (Files.exists(this.data.resolve("postmaster.pid"))) {
			run("pg_ctl", "-D", this.data.toString(), "-w", "-m", "immediate", "stop");
		}
	}

	private static void own(Path folder) throws Exception {
		if (root()) {
			new ProcessBuilder("chown", "-R", "postgres:postgres", folder.toString()).inheritIO()
				.start()
				.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static void run(String program, String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		if (root()) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(BIN.resolve(program).toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
		}
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
