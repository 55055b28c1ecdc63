package org.anju.people.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.anju.faults.AnjuNode;
import org.anju.faults.DebianPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anju killed with -9 in the middle of a 50,000-row roster import, at a random point, on
 * a PostgreSQL of its own: after the restart each import is there in full or not at all,
 * nobody is there twice, and the import list tells the user which (COMMITTED or
 * INTERRUPTED). An interrupted file uploaded again comes in whole. Part of the fault
 * suite ({@code bin/faults}).
 */
@Tag("fault")
class RosterKillTests {

	private static final int ROWS = 50_000;

	private static final int KILLS = 2;

	@TempDir
	Path scratch;

	@Test
	void aKilledImportIsThereInFullOrNotAtAllAndTheUserSeesWhich() throws Exception {
		try (DebianPostgres database = DebianPostgres.primary(this.scratch)) {
			AnjuNode anju = AnjuNode.start("roster", database.anjuArguments());
			List<String> lost = new ArrayList<>();
			for (int round = 1; round <= KILLS; round++) {
				String area = RosterFixtures.unique("断电片区");
				Path file = roster(area);
				String token = anju.adminToken();
				CompletableFuture<HttpResponse<String>> upload = upload(anju, token, file);
				long started = System.currentTimeMillis();
				// the first kill lands while the import's transaction is open; the second
				// anywhere from the upload on, perhaps before the job starts or after it
				// committed
				if (round == 1) {
					waitUntilRunning(anju, token, file);
				}
				Thread.sleep(ThreadLocalRandom.current().nextLong((round == 1) ? 3000 : 12000));
				long killedAfter = System.currentTimeMillis() - started;
				boolean answered = upload.isDone();
				anju.kill();
				anju = AnjuNode.start("roster", database.anjuArguments());

				long people = peopleIn(database, area);
				String state = state(anju, anju.adminToken(), file);
				System.out.printf(
						"%nRound %d: killed %d ms after the upload began (answered before: %s);"
								+ " after the restart %d of %d people there, the import %s%n%n",
						round, killedAfter, answered, people, ROWS, state);
				assertThat(people).as("all or nothing").isIn(0L, (long) ROWS);
				if (people == ROWS) {
					assertThat(state).isEqualTo("COMMITTED");
				}
				else {
					assertThat(state).as("an import that left nothing is shown as cut off, or was never started")
						.isIn("INTERRUPTED", "none");
					lost.add(area);
				}
				assertThat(duplicates(database)).as("people registered twice").isZero();
			}
			try {
				for (String area : lost) {
					// the user uploads the interrupted file again
					Path file = this.scratch.resolve(area + ".xlsx");
					HttpResponse<String> again = upload(anju, anju.adminToken(), file).join();
					assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
					assertThat(peopleIn(database, area)).isEqualTo(ROWS);
					assertThat(state(anju, anju.adminToken(), file)).isEqualTo("COMMITTED");
				}
				assertThat(duplicates(database)).isZero();
			}
			finally {
				anju.close();
			}
		}
	}

	private Path roster(String area) throws IOException {
		List<List<?>> rows = new ArrayList<>(ROWS);
		for (int i = 0; i < ROWS; i++) {
			rows.add(RosterFixtures.person("断电" + (i % 97), RosterFixtures.idNumber(), 13_000_000_000L + i, "退休", area,
					"网格" + (i % 60), (i % 900) + "栋", (i % 2) + 1 + "单元", 101 + (i % 30)));
		}
		Path file = this.scratch.resolve(area + ".xlsx");
		Files.write(file, RosterFixtures.xlsx(RosterFixtures.HEADERS, rows));
		return file;
	}

	private static CompletableFuture<HttpResponse<String>> upload(AnjuNode anju, String token, Path file)
			throws IOException {
		String boundary = "anju" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
						+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
		body.write(Files.readAllBytes(file));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return anju.http.sendAsync(HttpRequest.newBuilder(anju.uri("/api/v1/residents/imports?dryRun=false"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(5))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void waitUntilRunning(AnjuNode anju, String token, Path file) throws Exception {
		for (int i = 0; i < 600; i++) {
			if ("RUNNING".equals(state(anju, token, file))) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the import never started");
	}

	/** The state the import list shows for the file's latest import, or "none". */
	private static String state(AnjuNode anju, String token, Path file) throws Exception {
		HttpResponse<String> list = anju.get("/api/v1/residents/imports", token);
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		String name = "\"fileName\":\"" + file.getFileName() + "\"";
		int at = list.body().indexOf(name);
		if (at < 0) {
			return "none";
		}
		int end = list.body().indexOf('}', at);
		String job = list.body().substring(list.body().lastIndexOf('{', at), (end < 0) ? list.body().length() : end);
		java.util.regex.Matcher state = java.util.regex.Pattern.compile("\"state\":\"(\\w+)\"").matcher(job);
		assertThat(state.find()).as(job).isTrue();
		return state.group(1);
	}

	private static long peopleIn(DebianPostgres database, String area) throws Exception {
		try (Connection db = database.connect();
				PreparedStatement query = db.prepareStatement("select count(*) from person p join place a"
						+ " on a.community_id = p.community_id and a.id = p.area_id where a.kind = 'AREA' and a.name = ?")) {
			query.setString(1, area);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private static long duplicates(DebianPostgres database) throws Exception {
		try (Connection db = database.connect();
				PreparedStatement query = db
					.prepareStatement("select count(*) - count(distinct (community_id, id_number)) from person");
				ResultSet rows = query.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
