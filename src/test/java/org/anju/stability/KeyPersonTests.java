package org.anju.stability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserChange;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Key persons: designated with a grade and a responsible staff member, contacted on a
 * plan whose missed due days fire once each, graded by hand with an audited reason, and
 * seen only within the caller's grids.
 */
@AnjuSpringTest
@RecordApplicationEvents
class KeyPersonTests {

	@Autowired
	ApplicationEvents events;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KeyPersons keyPersons;

	@Autowired
	KeyPersonClock clock;

	ApiCallers callers;

	RegistryFixtures fixtures;

	String admin;

	Street street;

	Person retiree;

	UserAccount worker;

	LocalDate today;

	@BeforeEach
	void aRetireeAndTheirGridWorker() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.fixtures.street();
		this.retiree = this.fixtures.person(this.street.room().id());
		this.worker = this.fixtures.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null);
		this.today = LocalDate.now(WorkingCalendar.ZONE);
	}

	@Test
	void aDesignatedPersonIsDueOneIntervalOfTheirGradeAndAContactWithAMoodFilesANote() {
		MockHttpServletResponse created = designate(this.admin, this.retiree.id(), "B");
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		String body = content(created);
		long id = id(created);
		int days = this.keyPersons.intervals(COMMUNITY).get(Grade.B);
		assertThat((String) JsonPath.read(body, "$.grade")).isEqualTo("B");
		assertThat((String) JsonPath.read(body, "$.computedExplanation")).isEqualTo("多次扬言上访");
		assertThat((String) JsonPath.read(body, "$.nextDue")).isEqualTo(this.today.plusDays(days).toString());
		assertThat((String) JsonPath.read(body, "$.personName")).isEqualTo(this.retiree.name());
		assertThat(actions(id)).containsExactly("KEY_PERSON_DESIGNATED");
		assertThat(designate(this.admin, this.retiree.id(), "A").getStatus()).as("a person is designated once")
			.isEqualTo(422);

		MockHttpServletResponse contacted = this.callers
			.perform(bearer(post("/api/v1/key-persons/{id}/contacts", id), this.admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("date", this.today.toString(), "method", "PHONE", "summary",
						"电话询问近况，对补贴发放有意见", "mood", "CONCERNED", "topics", List.of("PENSION")))));

		assertThat(contacted.getStatus()).as(content(contacted)).isEqualTo(201);
		String after = content(contacted);
		assertThat((String) JsonPath.read(after, "$.lastContactOn")).isEqualTo(this.today.toString());
		assertThat((String) JsonPath.read(after, "$.nextDue")).isEqualTo(this.today.plusDays(days).toString());
		assertThat((String) JsonPath.read(after, "$.contacts[0].method")).isEqualTo("PHONE");
		Number noteId = JsonPath.read(after, "$.contacts[0].moodNoteId");
		assertThat(this.jdbc.sql("select mood || ':' || source from mood_note where community_id = 1 and id = :id")
			.param("id", noteId.longValue())
			.query(String.class)
			.single()).isEqualTo("CONCERNED:PHONE");
		assertThat(actions(id)).containsExactly("KEY_PERSON_DESIGNATED", "KEY_PERSON_CONTACTED");
	}

	@Test
	void badInputNamesEveryFieldInEitherLanguageAndWritesNothing() {
		UserAccount disabled = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		this.users.update(COMMUNITY, disabled.id(), disabled.version(),
				new UserChange(disabled.displayName(), disabled.role(), Set.of(), null, null, false));
		Map<String, Object> bad = new HashMap<>(
				Map.of("personId", 999_999_999L, "reason", " ", "grade", "D", "responsibleUserId", disabled.id()));

		MockHttpServletResponse refused = this.callers
			.perform(bearer(post("/api/v1/key-persons"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.content(this.callers.body(bad)));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(refused), "$.errors[*].field"))
			.containsExactlyInAnyOrder("personId", "reason", "grade", "responsibleUserId");
		assertThat((List<String>) JsonPath.read(content(refused), "$.errors[*].message"))
			.contains("The grade must be A, B or C: D.");
		bad.put("personId", this.retiree.id());
		MockHttpServletResponse chinese = send(this.admin, "/api/v1/key-persons", bad);
		assertThat((List<String>) JsonPath.read(content(chinese), "$.errors[*].message")).contains("等级须为 A、B 或 C：D。");
		assertThat(this.jdbc.sql("select count(*) from key_person where community_id = 1 and person_id = :p")
			.param("p", this.retiree.id())
			.query(Long.class)
			.single()).isZero();

		long id = id(designate(this.admin, this.retiree.id(), "C"));
		MockHttpServletResponse contact = send(this.admin, "/api/v1/key-persons/" + id + "/contacts",
				Map.of("date", this.today.plusDays(1).toString(), "method", "PIGEON", "summary", "", "mood", "HAPPY"));
		assertThat(contact.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(contact), "$.errors[*].field"))
			.containsExactlyInAnyOrder("date", "method", "summary", "mood");
		assertThat(
				this.jdbc.sql("select count(*) from key_person_contact where community_id = 1 and key_person_id = :k")
					.param("k", id)
					.query(Long.class)
					.single())
			.isZero();
		assertThat(this.callers
			.perform(bearer(put("/api/v1/key-persons/{id}/responsible", id), this.admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("responsibleUserId", this.worker.id()))))
			.getStatus()).as("a change needs If-Match").isEqualTo(428);
	}

	@Test
	void aGridWorkerReachesOnlyTheKeyPersonsLivingInTheirGrids() {
		Street other = this.fixtures.street();
		Person elsewhere = this.fixtures.person(other.room().id());
		long own = id(designate(this.admin, this.retiree.id(), "A"));
		long foreign = id(designate(this.admin, elsewhere.id(), "A"));
		String token = this.callers.firstLogin(this.worker, RegistryFixtures.FIRST_PASSWORD);

		assertThat(this.callers.perform(bearer(get("/api/v1/key-persons/{id}", foreign), token)).getStatus())
			.isEqualTo(404);
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where community_id = 1 and action = 'ACCESS_DENIED'
				  and subject_type = 'KEY_PERSON' and subject_id = :id
				""").param("id", String.valueOf(foreign)).query(Long.class).single()).isEqualTo(1);
		assertThat(
				this.callers
					.perform(bearer(post("/api/v1/key-persons/{id}/contacts", foreign), token)
						.contentType(MediaType.APPLICATION_JSON)
						.content(this.callers
							.body(Map.of("date", this.today.toString(), "method", "VISIT", "summary", "走访"))))
					.getStatus())
			.isEqualTo(404);
		assertThat(designate(token, elsewhere.id(), "A").getStatus()).isEqualTo(422);
		String listed = content(this.callers
			.perform(bearer(get("/api/v1/key-persons").param("grade", "A").param("size", "200"), token)));
		assertThat((List<Integer>) JsonPath.read(listed, "$.items[*].id")).contains((int) own)
			.doesNotContain((int) foreign);
		String mine = content(this.callers.perform(bearer(get("/api/v1/key-persons/{id}", own), token)));
		assertThat((String) JsonPath.read(mine, "$.personName")).isEqualTo(this.retiree.name());
	}

	@Test
	void anOverrideNeedsAReasonIsAuditedWinsOverTheEngineAndCanBeCleared() {
		MockHttpServletResponse created = designate(this.admin, this.retiree.id(), "C");
		long id = id(created);
		String etag = created.getHeader(HttpHeaders.ETAG);

		MockHttpServletResponse reasonless = this.callers
			.perform(bearer(put("/api/v1/key-persons/{id}/grade-override", id), this.admin)
				.header(HttpHeaders.IF_MATCH, etag)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("grade", "A"))));
		assertThat(reasonless.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(reasonless), "$.errors[*].field")).containsExactly("reason");

		MockHttpServletResponse overridden = this.callers
			.perform(bearer(put("/api/v1/key-persons/{id}/grade-override", id), this.admin)
				.header(HttpHeaders.IF_MATCH, etag)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("grade", "A", "reason", "近期多次到市里上访"))));
		assertThat(overridden.getStatus()).as(content(overridden)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(overridden), "$.grade")).isEqualTo("A");
		assertThat((String) JsonPath.read(content(overridden), "$.nextDue"))
			.isEqualTo(this.today.plusDays(this.keyPersons.intervals(COMMUNITY).get(Grade.A)).toString());
		assertThat(this.jdbc.sql("""
				select detail ->> 'from' || '>' || (detail ->> 'to') || ':' || (detail ->> 'reason') from audit_event
				where community_id = 1 and subject_type = 'KEY_PERSON' and subject_id = :id
				  and action = 'KEY_PERSON_GRADE_OVERRIDDEN'
				""").param("id", String.valueOf(id)).query(String.class).list()).containsExactly("C>A:近期多次到市里上访");
		assertThat(this.callers
			.perform(bearer(put("/api/v1/key-persons/{id}/grade-override", id), this.admin)
				.header(HttpHeaders.IF_MATCH, etag)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("grade", "B", "reason", "旧版本"))))
			.getStatus()).as("a stale version").isEqualTo(412);

		assertThat(this.keyPersons.regrade(COMMUNITY, this.retiree.id(), Grade.B, "2 件超期诉求 × 10 = 20 分")).isTrue();
		assertThat(this.keyPersons.regrade(COMMUNITY, this.retiree.id(), Grade.B, "2 件超期诉求 × 10 = 20 分"))
			.as("the same grade and reasons change nothing")
			.isFalse();
		KeyPerson regraded = this.keyPersons.get(RegistryFixtures.admin(), id);
		assertThat(regraded.computedGrade()).isEqualTo(Grade.B);
		assertThat(regraded.computedExplanation()).isEqualTo("2 件超期诉求 × 10 = 20 分");
		assertThat(regraded.grade()).as("the override still wins").isEqualTo(Grade.A);

		MockHttpServletResponse cleared = this.callers
			.perform(bearer(delete("/api/v1/key-persons/{id}/grade-override", id), this.admin)
				.header(HttpHeaders.IF_MATCH, String.valueOf(regraded.version())));
		assertThat(cleared.getStatus()).as(content(cleared)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(cleared), "$.grade")).isEqualTo("B");
		assertThat((Object) JsonPath.read(content(cleared), "$.overrideGrade")).isNull();
		assertThat(actions(id)).containsExactly("KEY_PERSON_DESIGNATED", "KEY_PERSON_GRADE_OVERRIDDEN",
				"KEY_PERSON_REGRADED", "KEY_PERSON_OVERRIDE_CLEARED");
		assertThat(this.keyPersons.regrade(COMMUNITY, this.fixtures.person(this.street.room().id()).id(), Grade.A,
				"不是重点人员"))
			.isFalse();
	}

	@Test
	void eachMissedDueDayFiresOnceTellsTheResponsibleAndShowsInTheEnginesQuery() {
		long id = id(designate(this.admin, this.retiree.id(), "A"));
		int days = this.keyPersons.intervals(COMMUNITY).get(Grade.A);
		LocalDate due = this.today.minusDays(days + 3);
		this.jdbc.sql(
				"update key_person set designated_on = :designated, next_due = :due where community_id = 1 and id = :id")
			.param("designated", due.minusDays(days))
			.param("due", due)
			.param("id", id)
			.update();

		this.clock.fire(COMMUNITY, this.today);
		this.clock.fire(COMMUNITY, this.today);

		assertThat(this.events.stream(KeyPersonContactMissed.class).filter((missed) -> missed.keyPersonId() == id))
			.extracting(KeyPersonContactMissed::dueDate)
			.containsExactly(due, due.plusDays(days));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.jdbc.sql("""
					select subject_number from notification
					where community_id = 1 and recipient_id = :r and subject_type = 'KEY_PERSON' and subject_id = :id
					order by subject_number
					""").param("r", this.worker.id()).param("id", id).query(String.class).list())
				.containsExactly(due.toString(), due.plusDays(days).toString()));
		String flagged = content(this.callers
			.perform(bearer(get("/api/v1/key-persons").param("overdue", "true").param("size", "200"), this.admin)));
		assertThat((List<Integer>) JsonPath.read(flagged, "$.items[?(@.id == " + id + ")].daysOverdue"))
			.containsExactly(days + 3);

		MissedContact missed = this.keyPersons.missedContacts(COMMUNITY)
			.stream()
			.filter((m) -> m.keyPersonId() == id)
			.findFirst()
			.orElseThrow();
		assertThat(missed.dueDate()).isEqualTo(due);
		assertThat(missed.daysOverdue()).isEqualTo(days + 3);
		assertThat(missed.missedCount()).isEqualTo(2);
		assertThat(missed.missIds()).hasSize(2);
		assertThat(missed.responsibleUserId()).isEqualTo(this.worker.id());

		assertThat(send(this.admin, "/api/v1/key-persons/" + id + "/contacts",
				Map.of("date", this.today.toString(), "method", "VISIT", "summary", "上门走访，情绪平稳"))
			.getStatus()).isEqualTo(201);
		assertThat(this.keyPersons.missedContacts(COMMUNITY)).noneMatch((m) -> m.keyPersonId() == id);
		this.clock.fire(COMMUNITY, this.today);
		assertThat(this.events.stream(KeyPersonContactMissed.class).filter((m) -> m.keyPersonId() == id)).hasSize(2);
	}

	@Test
	void stoppingKeepsTheHistoryAndFreesThePersonForANewDesignation() {
		MockHttpServletResponse created = designate(this.admin, this.retiree.id(), "B");
		long id = id(created);
		assertThat(this.callers
			.perform(bearer(delete("/api/v1/key-persons/{id}", id), this.admin).header(HttpHeaders.IF_MATCH,
					created.getHeader(HttpHeaders.ETAG)))
			.getStatus()).as("stopping needs a reason").isEqualTo(422);
		MockHttpServletResponse stopped = this.callers
			.perform(bearer(delete("/api/v1/key-persons/{id}", id), this.admin)
				.header(HttpHeaders.IF_MATCH, created.getHeader(HttpHeaders.ETAG))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("reason", "诉求已解决，情绪稳定"))));
		assertThat(stopped.getStatus()).as(content(stopped)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(stopped), "$.endedReason")).isEqualTo("诉求已解决，情绪稳定");
		assertThat(send(this.admin, "/api/v1/key-persons/" + id + "/contacts",
				Map.of("date", this.today.toString(), "method", "VISIT", "summary", "走访"))
			.getStatus()).isEqualTo(409);
		assertThat(designate(this.admin, this.retiree.id(), "C").getStatus()).isEqualTo(201);
		String ended = content(this.callers
			.perform(bearer(get("/api/v1/key-persons").param("ended", "true").param("size", "200"), this.admin)));
		assertThat((List<Integer>) JsonPath.read(ended, "$.items[*].id")).contains((int) id);
	}

	@Test
	void onlyAdministratorsAndLeadersChangeTheContactIntervalsAndTheChangeIsAudited() {
		String token = this.callers.firstLogin(this.worker, RegistryFixtures.FIRST_PASSWORD);
		assertThat(this.callers
			.perform(bearer(put("/api/v1/key-persons/intervals/C"), token).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("days", 60))))
			.getStatus()).isEqualTo(403);
		assertThat(this.callers
			.perform(bearer(put("/api/v1/key-persons/intervals/C"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("days", 0))))
			.getStatus()).isEqualTo(422);
		int before = this.keyPersons.intervals(COMMUNITY).get(Grade.C);
		long id = id(designate(this.admin, this.retiree.id(), "C"));
		try {
			MockHttpServletResponse changed = this.callers.perform(
					bearer(put("/api/v1/key-persons/intervals/C"), this.admin).contentType(MediaType.APPLICATION_JSON)
						.content(this.callers.body(Map.of("days", before + 1))));
			assertThat(changed.getStatus()).as(content(changed)).isEqualTo(200);
			assertThat((Integer) JsonPath.read(content(changed), "$.C")).isEqualTo(before + 1);
			assertThat(this.keyPersons.get(RegistryFixtures.admin(), id).nextDue())
				.isEqualTo(this.today.plusDays(before + 1));
			assertThat(this.jdbc.sql("""
					select count(*) from audit_event where community_id = 1 and action = 'KEY_PERSON_INTERVAL_CHANGED'
					  and subject_id = 'C' and (detail ->> 'to')::int = :days
					""").param("days", before + 1).query(Long.class).single()).isEqualTo(1);
		}
		finally {
			this.keyPersons.setInterval(RegistryFixtures.admin(), Grade.C, before);
		}
	}

	@Test
	void aMergeLeavesThePersonKeptWithOneCurrentKeyPersonRecord() {
		Person twin = this.fixtures.person(this.street.room().id());
		long kept = id(designate(this.admin, this.retiree.id(), "B"));
		long merged = id(designate(this.admin, twin.id(), "A"));

		this.people.merge(RegistryFixtures.admin(), this.retiree.id(), twin.id());

		assertThat(this.jdbc.sql("""
				select id from key_person where community_id = 1 and person_id = :p and ended_at is null
				""").param("p", this.retiree.id()).query(Long.class).list()).containsExactly(kept);
		KeyPerson ended = this.keyPersons.get(RegistryFixtures.admin(), merged);
		assertThat(ended.personId()).isEqualTo(this.retiree.id());
		assertThat(ended.endedAt()).isNotNull();
	}

	private MockHttpServletResponse designate(String token, long personId, String grade) {
		return send(token, "/api/v1/key-persons", Map.of("personId", personId, "reason", "多次扬言上访", "grade", grade,
				"responsibleUserId", this.worker.id()));
	}

	private MockHttpServletResponse send(String token, String path, Map<String, ?> body) {
		return this.callers.perform(
				bearer(post(path), token).contentType(MediaType.APPLICATION_JSON).content(this.callers.body(body)));
	}

	private List<String> actions(long id) {
		return this.jdbc.sql("""
				select action from audit_event
				where community_id = 1 and subject_type = 'KEY_PERSON' and subject_id = :id order by id
				""").param("id", String.valueOf(id)).query(String.class).list();
	}

	private static long id(MockHttpServletResponse response) {
		assertThat(response.getStatus()).as(content(response)).isEqualTo(201);
		return ((Number) JsonPath.read(content(response), "$.id")).longValue();
	}

}
