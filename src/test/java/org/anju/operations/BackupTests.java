package org.anju.operations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A backup taken while people are being registered restores, into an empty database, to
 * exactly the snapshot it read: every table byte for byte, no transaction torn, and the
 * sequences ahead of every key. A damaged or mismatched backup, or an occupied database,
 * is refused with nothing written.
 */
@AnjuSpringTest
class BackupTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DatabaseBackup backups;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	ApiCallers callers;

	String database;

	SimpleDriverDataSource target;

	@BeforeEach
	void anEmptyMigratedDatabase() throws SQLException {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.database = "restore_" + Math.abs(ThreadLocalRandom.current().nextLong());
		this.jdbc.sql("create database " + this.database).update();
		try (Connection connection = this.dataSource.getConnection()) {
			String url = connection.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + this.database + "$1");
			this.target = new SimpleDriverDataSource(new org.postgresql.Driver(), url,
					connection.getMetaData().getUserName(), "");
		}
		// What Anju's start makes of an empty database: its migrations and the event
		// publication table of Spring Modulith.
		Flyway.configure().dataSource(this.target).locations("classpath:db/migration").load().migrate();
		new ResourceDatabasePopulator(
				new ClassPathResource("org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql"))
			.execute(this.target);
	}

	@AfterEach
	void dropIt() {
		this.jdbc.sql("drop database if exists " + this.database + " with (force)").update();
	}

	@Test
	void aBackupTakenWhilePeopleAreRegisteredRestoresToExactlyItsSnapshot() throws Exception {
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		long room = fixtures.street().room().id();
		long auditBefore = this.jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService writer = Executors.newSingleThreadExecutor();
		Future<Integer> registered = writer.submit(() -> {
			int count = 0;
			while (writing.get()) {
				fixtures.person(room);
				count++;
			}
			return count;
		});
		MockHttpServletResponse taken;
		try {
			Thread.sleep(300);
			taken = this.callers.perform(bearer(post("/api/v1/backups"), this.callers.adminToken()));
		}
		finally {
			writing.set(false);
		}
		assertThat(registered.get()).as("people were being registered during the backup").isPositive();
		writer.shutdown();
		assertThat(taken.getStatus()).as(content(taken)).isEqualTo(201);
		Path backup = folder(JsonPath.read(content(taken), "$.name"));
		BackupManifest manifest = this.backups.read(backup);

		this.backups.restore(this.target, backup);

		JdbcClient restored = JdbcClient.create(this.target);
		for (BackupManifest.Table table : manifest.tables()) {
			assertThat(copyOut(this.target, table.name())).as(table.name())
				.isEqualTo(unzipped(backup.resolve(table.file())));
		}
		assertThat(restored
			.sql("""
					select count(*) from person p
					where p.room_id = :room and (not exists (select 1 from person_history h where h.community_id = p.community_id
						and h.person_id = p.id and h.kind = 'REGISTERED')
					or not exists (select 1 from audit_event a where a.community_id = p.community_id
						and a.action = 'PERSON_REGISTERED' and a.subject_id = p.id::text))
					""")
			.param("room", room)
			.query(Long.class)
			.single()).as("every person came with their history and audit rows").isZero();
		assertThat(restored
			.sql("""
					select count(*) from audit_event a where a.id > :before and a.action = 'PERSON_REGISTERED'
					and not exists (select 1 from person p where p.community_id = a.community_id and p.id::text = a.subject_id)
					""")
			.param("before", auditBefore)
			.query(Long.class)
			.single()).as("no audit row without its person").isZero();
		assertThat(restored.sql("select count(*) from person where room_id = :room")
			.param("room", room)
			.query(Long.class)
			.single()).as("the backup caught some of the people registered while it ran").isPositive();
		assertThat(restored.sql("select count(*) from person").query(Long.class).single()).isEqualTo(manifest.tables()
			.stream()
			.filter((table) -> table.name().equals("person"))
			.findFirst()
			.orElseThrow()
			.rows());
		assertThat(restored.sql("select nextval('person_id_seq') > (select max(id) from person)")
			.query(Boolean.class)
			.single()).as("a new person after the restore gets a fresh key").isTrue();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where community_id = 1 and action = 'DATABASE_BACKED_UP'
				and subject_id = :name
				""").param("name", backup.getFileName().toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDamagedBackupIsRefusedAndNothingIsWritten() throws Exception {
		Path backup = this.backups.backup().folder();
		Path person = backup.resolve("person.tsv.gz");
		byte[] bytes = Files.readAllBytes(person);
		bytes[bytes.length / 2] ^= 0x5a;
		Files.write(person, bytes);

		assertThatExceptionOfType(RestoreRefused.class).isThrownBy(() -> this.backups.restore(this.target, backup))
			.withMessageContaining("person.tsv.gz is damaged");
		assertThat(JdbcClient.create(this.target).sql("select count(*) from user_account").query(Long.class).single())
			.isZero();
	}

	@Test
	void aBackupOfAnotherSchemaVersionAnUnfinishedOneAndAnOccupiedDatabaseAreRefused() throws Exception {
		new RegistryFixtures(this.places, this.people, this.users).person(RegistryFixtures.form(null));
		Path backup = this.backups.backup().folder();
		Path manifest = backup.resolve(BackupManifest.FILE);
		String text = Files.readString(manifest);
		Files.writeString(manifest, text.replaceFirst("\"schemaVersion\":\"[^\"]+\"", "\"schemaVersion\":\"1\""));
		assertThatExceptionOfType(RestoreRefused.class).isThrownBy(() -> this.backups.restore(this.target, backup))
			.withMessageContaining("schema version 1");
		Files.writeString(manifest, text);

		Path unfinished = Files.createDirectories(backup.resolveSibling(backup.getFileName() + "-copy.partial"));
		assertThatExceptionOfType(RestoreRefused.class).isThrownBy(() -> this.backups.restore(this.target, unfinished))
			.withMessageContaining("not a finished backup");

		assertThatExceptionOfType(RestoreRefused.class).isThrownBy(() -> this.backups.restore(this.dataSource, backup))
			.withMessageContaining("already holds people or appeals");
		assertThat(JdbcClient.create(this.target).sql("select count(*) from user_account").query(Long.class).single())
			.as("nothing was written by the refused restores")
			.isZero();
	}

	@Test
	void onlyAnAdministratorTakesOrListsBackups() {
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		String leader = this.callers.firstLogin(fixtures.user(Role.LEADER, Set.of(), null, null),
				RegistryFixtures.FIRST_PASSWORD);
		assertThat(this.callers.perform(bearer(post("/api/v1/backups"), leader)).getStatus()).isEqualTo(403);
		assertThat(this.callers.perform(bearer(get("/api/v1/backups"), leader)).getStatus()).isEqualTo(403);
		MockHttpServletResponse list = this.callers.perform(bearer(get("/api/v1/backups"), this.callers.adminToken()));
		assertThat(list.getStatus()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(content(list), "$[*].name"))
			.allMatch((name) -> name.startsWith("anju-"));
	}

	private Path folder(String name) throws IOException {
		return this.backups.list()
			.stream()
			.map(DatabaseBackup.Taken::folder)
			.filter((path) -> path.getFileName().toString().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static byte[] copyOut(DataSource source, String table) throws SQLException, IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Connection connection = source.getConnection()) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY \"" + table + "\" TO STDOUT", out);
		}
		return out.toByteArray();
	}

	private static byte[] unzipped(Path file) throws IOException {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			return in.readAllBytes();
		}
	}

}
