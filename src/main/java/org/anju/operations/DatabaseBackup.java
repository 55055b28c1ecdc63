package org.anju.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import org.anju.shared.Fingerprint;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A consistent copy of every table, made with {@code COPY} inside one repeatable-read
 * snapshot, so that it needs no client tools and no pause in writing: every transaction
 * is in it whole or not at all. The files are written to a {@code .partial} folder that
 * is renamed only once the manifest is in, so a crash never leaves a half backup that
 * looks whole.
 */
@Component
class DatabaseBackup {

	private static final Logger log = LoggerFactory.getLogger(DatabaseBackup.class);

	// Sessions expire within the hour and the migration history is the schema itself: a
	// restore runs the migrations first and takes these as they come.
	private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "spring_session",
			"spring_session_attributes");

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'anju-'yyyyMMdd-HHmmss-SSS")
		.withZone(ZoneOffset.UTC);

	private final DataSource dataSource;

	private final ObjectMapper json;

	private final Path folder;

	private final Clock clock;

	DatabaseBackup(DataSource dataSource, ObjectMapper json, @Value("${anju.backup.dir:./data/backups}") Path folder,
			Clock clock) {
		this.dataSource = dataSource;
		this.json = json;
		this.folder = folder;
		this.clock = clock;
	}

	/**
	 * Backs the whole database up into a new folder under {@code anju.backup.dir}.
	 * @return the folder and what it holds
	 */
	Taken backup() throws IOException, SQLException {
		String name = NAME.format(this.clock.instant());
		Path partial = this.folder.resolve(name + ".partial");
		Files.createDirectories(partial);
		BackupManifest manifest;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			try {
				manifest = copyOut(connection, partial);
				connection.commit();
			}
			finally {
				connection.rollback();
				connection.setReadOnly(false);
				connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
				connection.setAutoCommit(true);
			}
		}
		this.json.writeValue(partial.resolve(BackupManifest.FILE).toFile(), manifest);
		Path done = this.folder.resolve(name);
		Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
		return new Taken(done, manifest);
	}

	/**
	 * Loads a backup into a database that has the backup's schema and holds no people and
	 * no appeals yet, in one transaction: it is all there afterwards, or nothing is.
	 * @throws RestoreRefused when the backup is damaged or the database is not its match
	 */
	void restore(DataSource target, Path backup) throws IOException, SQLException {
		BackupManifest manifest = read(backup);
		for (BackupManifest.Table table : manifest.tables()) {
			String actual = sha256(backup.resolve(table.file()));
			if (!actual.equals(table.sha256())) {
				throw new RestoreRefused("the file " + table.file() + " is damaged: its SHA-256 is " + actual
						+ ", the manifest says " + table.sha256());
			}
		}
		try (Connection connection = target.getConnection()) {
			connection.setAutoCommit(false);
			try {
				String version = schemaVersion(connection);
				if (!version.equals(manifest.schemaVersion())) {
					throw new RestoreRefused("the backup is of schema version " + manifest.schemaVersion()
							+ " and this database is at " + version + ": restore into a database of the same version");
				}
				List<String> missing = new ArrayList<>(
						manifest.tables().stream().map(BackupManifest.Table::name).toList());
				missing.removeAll(tables(connection));
				if (!missing.isEmpty()) {
					throw new RestoreRefused("this database has no table " + String.join(", ", missing)
							+ ": start Anju on it once, so that it creates its tables, then restore");
				}
				if (occupied(connection)) {
					throw new RestoreRefused("this database already holds people or appeals: restore only into an"
							+ " empty one, so that nothing is overwritten");
				}
				copyIn(connection, backup, manifest);
				connection.commit();
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

	BackupManifest read(Path backup) throws IOException {
		Path file = backup.resolve(BackupManifest.FILE);
		if (!Files.isRegularFile(file)) {
			throw new RestoreRefused(backup + " is not a finished backup: it has no " + BackupManifest.FILE);
		}
		BackupManifest manifest = this.json.readValue(file.toFile(), BackupManifest.class);
		if (manifest.format() != BackupManifest.FORMAT) {
			throw new RestoreRefused("the backup is of format " + manifest.format() + ", this Anju reads format "
					+ BackupManifest.FORMAT);
		}
		return manifest;
	}

	/**
	 * The finished backups, newest first.
	 */
	List<Taken> list() throws IOException {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		List<Taken> all = new ArrayList<>();
		try (Stream<Path> folders = Files.list(this.folder)) {
			for (Path backup : folders.filter((path) -> Files.isRegularFile(path.resolve(BackupManifest.FILE)))
				.toList()) {
				try {
					all.add(new Taken(backup, read(backup)));
				}
				catch (RestoreRefused | JacksonException ex) {
					log.warn("{} is not listed: its manifest cannot be read ({})", backup, ex.getMessage());
				}
			}
		}
		all.sort((a, b) -> b.manifest().takenAt().compareTo(a.manifest().takenAt()));
		return all;
	}

	private BackupManifest copyOut(Connection connection, Path folder) throws IOException, SQLException {
		// The first statement takes the snapshot that every COPY after it reads.
		String version = schemaVersion(connection);
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		List<BackupManifest.Table> tables = new ArrayList<>();
		for (String table : tables(connection)) {
			String file = table + ".tsv.gz";
			MessageDigest digest = Fingerprint.digest();
			long rows;
			try (OutputStream out = new GZIPOutputStream(
					new DigestOutputStream(Files.newOutputStream(folder.resolve(file)), digest))) {
				rows = copy.copyOut("COPY " + quoted(table) + " TO STDOUT", out);
			}
			tables.add(new BackupManifest.Table(table, rows, file, HexFormat.of().formatHex(digest.digest())));
		}
		return new BackupManifest(BackupManifest.FORMAT, this.clock.instant(), version, tables, sequences(connection));
	}

	private static void copyIn(Connection connection, Path backup, BackupManifest manifest)
			throws IOException, SQLException {
		try (Statement statement = connection.createStatement()) {
			// Foreign keys and triggers (the audit trail's append-only guard among them)
			// are
			// skipped while the rows come in: they were checked when the rows were
			// written.
			statement.execute("set local session_replication_role = replica");
			statement.execute("truncate table "
					+ String.join(", ", manifest.tables().stream().map((table) -> quoted(table.name())).toList()));
		}
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		for (BackupManifest.Table table : manifest.tables()) {
			long rows;
			try (InputStream in = new GZIPInputStream(Files.newInputStream(backup.resolve(table.file())))) {
				rows = copy.copyIn("COPY " + quoted(table.name()) + " FROM STDIN", in);
			}
			if (rows != table.rows()) {
				throw new RestoreRefused(
						"the table " + table.name() + " took " + rows + " rows, the manifest says " + table.rows());
			}
		}
		try (PreparedStatement setval = connection.prepareStatement("select setval(?::regclass, ?, ?)")) {
			for (Map.Entry<String, BackupManifest.Sequence> sequence : manifest.sequences().entrySet()) {
				setval.setString(1, quoted(sequence.getKey()));
				setval.setLong(2, sequence.getValue().lastValue());
				setval.setBoolean(3, sequence.getValue().called());
				setval.execute();
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local session_replication_role = origin");
		}
	}

	private static String schemaVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
				select version from flyway_schema_history
				where success and version is not null order by installed_rank desc limit 1
				""")) {
			if (!result.next()) {
				throw new RestoreRefused("the database has no migrations applied");
			}
			return result.getString(1);
		}
	}

	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("""
				select table_name from information_schema.tables
				where table_schema = current_schema() and table_type = 'BASE TABLE'
				order by table_name
				""")) {
			while (result.next()) {
				if (!NOT_COPIED.contains(result.getString(1))) {
					tables.add(result.getString(1));
				}
			}
		}
		return tables;
	}

	private static Map<String, BackupManifest.Sequence> sequences(Connection connection) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"select sequencename from pg_sequences where schemaname = current_schema() order by 1")) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		Map<String, BackupManifest.Sequence> sequences = new LinkedHashMap<>();
		for (String name : names) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("select last_value, is_called from " + quoted(name))) {
				result.next();
				sequences.put(name, new BackupManifest.Sequence(result.getLong(1), result.getBoolean(2)));
			}
		}
		return sequences;
	}

	private static boolean occupied(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("select exists (select 1 from person) or exists (select 1 from appeal)")) {
			result.next();
			return result.getBoolean(1);
		}
	}

	private static String quoted(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest = Fingerprint.digest();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * A finished backup.
	 */
	record Taken(Path folder, BackupManifest manifest) {

		long bytes() {
			try (Stream<Path> files = Files.list(this.folder)) {
				return files.mapToLong((file) -> file.toFile().length()).sum();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
