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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

	private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

	private EmbeddedPostgresServer() {
	}

	static DataSource dataSource(Path dataDirectory, boolean clean) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		EmbeddedPostgres postgres = RUNNING.computeIfAbsent(directory, (dir) -> start(dir, clean));
		return postgres.getPostgresDatabase(Map.of("ApplicationName", "anju"));
	}

	private static EmbeddedPostgres start(Path directory, boolean clean) {
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
				.setServerConfig("synchronous_commit", "on")
				.setPGStartupWait(Duration.ofSeconds(60))
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

}
