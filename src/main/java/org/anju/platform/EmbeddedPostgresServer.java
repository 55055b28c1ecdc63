package org.anju.platform;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL 17 per data directory per JVM. It keeps its data across
 * restarts, and it takes over after a crash: a postmaster left running by a JVM that died
 * is stopped cleanly before a new one starts on the same directory.
 */
final class EmbeddedPostgresServer {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

	/** Guarded by the class: a server and how many open pools use it. */
	private static final Map<Path, Running> RUNNING = new HashMap<>();

	private EmbeddedPostgresServer() {
	}

	/**
	 * Starts the server of a data directory, or joins the one running. Each caller must
	 * {@link #release} it when its pool has closed.
	 * @param clean whether a new server starts on an empty directory
	 * @param durable whether a new server makes its writes safe from a power cut by
	 * flushing them to the disk ({@code fsync}); only tests, whose data nobody keeps,
	 * turn it off
	 */
	static synchronized DataSource dataSource(Path dataDirectory, boolean clean, boolean durable) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		Running running = RUNNING.get(directory);
		EmbeddedPostgres postgres = (running != null) ? running.postgres() : start(directory, clean, durable);
		RUNNING.put(directory, new Running(postgres, (running != null) ? running.users() + 1 : 1));
		return postgres.getPostgresDatabase(Map.of("ApplicationName", "anju"));
	}

	/**
	 * The last pool of a server has closed: stop the server. It stops after the
	 * application rather than beside it, which zonky's own shutdown hook would do,
	 * pulling the database away from schedulers and pools that are still closing.
	 */
	static synchronized void release(Path dataDirectory) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		Running running = RUNNING.get(directory);
		if (running == null) {
			return;
		}
		if (running.users() > 1) {
			RUNNING.put(directory, new Running(running.postgres(), running.users() - 1));
			return;
		}
		RUNNING.remove(directory);
		try {
			running.postgres().close();
		}
		catch (IOException ex) {
			log.warn("The embedded PostgreSQL on {} did not stop cleanly", directory, ex);
		}
	}

	private static EmbeddedPostgres start(Path directory, boolean clean, boolean durable) {
		try {
			Files.createDirectories(directory);
			stopOrphan(directory);
			long started = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory.toFile())
				.setCleanDataDirectory(clean)
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8")
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("timezone", "UTC")
				// Short transactional queries: compiling plans to machine code costs more
				// than it saves.
				.setServerConfig("jit", "off")
				.setServerConfig("synchronous_commit", "on")
				// zonky turns fsync off, which suits only throwaway test databases:
				// without
				// it, a power cut can lose committed data or corrupt the cluster.
				.setServerConfig("fsync", durable ? "on" : "off")
				// Profiling only: bin/bench-appeals loads pg_stat_statements through it.
				.setServerConfig("shared_preload_libraries", System.getProperty("anju.embedded-db.preload", ""))
				.setPGStartupWait(Duration.ofSeconds(60))
				.setRegisterShutdownHook(false)
				.start();
			log.info("Embedded PostgreSQL 17 is up on port {} with data in {} ({} ms)", postgres.getPort(), directory,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	/**
	 * A JVM killed with -9 leaves its postmaster running and its pid file behind. If no
	 * live JVM holds the directory's lock, such a postmaster is an orphan: shut it down
	 * the way pg_ctl's fast mode does (SIGINT), so that it writes a clean checkpoint, and
	 * wait for it to go.
	 */
	private static void stopOrphan(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		File lockFile = directory.resolve("epg-lock").toFile();
		try (FileChannel channel = new RandomAccessFile(lockFile, "rw").getChannel();
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw new IllegalStateException("Another Anju is already running on " + directory
						+ ". Stop it first, or point anju.embedded-db.data-dir elsewhere.");
			}
			List<String> lines = Files.readAllLines(pidFile);
			if (lines.isEmpty() || lines.get(0).isBlank()) {
				return;
			}
			long pid = Long.parseLong(lines.get(0).strip());
			ProcessHandle.of(pid)
				.filter(ProcessHandle::isAlive)
				.filter(EmbeddedPostgresServer::isPostgres)
				.ifPresent((orphan) -> shutDown(orphan, directory));
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map((command) -> command.endsWith("/postgres")).orElse(true);
	}

	private static void shutDown(ProcessHandle orphan, Path directory) {
		log.warn("Found a PostgreSQL (pid {}) left running on {} by an earlier run that did not stop cleanly;"
				+ " shutting it down before starting again", orphan.pid(), directory);
		try {
			new ProcessBuilder("kill", "-INT", Long.toString(orphan.pid())).inheritIO().start().waitFor();
			orphan.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			log.warn("The orphaned PostgreSQL did not stop in time; forcing it", ex);
			orphan.destroyForcibly();
		}
	}

	private record Running(EmbeddedPostgres postgres, int users) {
	}

}
