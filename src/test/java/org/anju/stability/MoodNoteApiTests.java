package org.anju.stability;

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
import org.anju.identity.UserManagement;
import org.anju.identity.UserAccount;
import org.anju.people.InterestGroups;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Mood notes over the API: about a person or a group, in a grid, checked field by field,
 * and seen only within the caller's grids.
 */
@AnjuSpringTest
@RecordApplicationEvents
class MoodNoteApiTests {

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
	InterestGroups groups;

	ApiCallers callers;

	RegistryFixtures fixtures;

	String admin;

	Street street;

	Person retiree;

	String today;

	@BeforeEach
	void aRetiree() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.fixtures.street();
		this.retiree = this.fixtures.person(this.street.room().id());
		this.today = LocalDate.now(WorkingCalendar.ZONE).toString();
	}

	@Test
	void aNoteAboutAPersonLiesInTheirGridAndIsAudited() {
		MockHttpServletResponse filed = file(this.admin,
				Map.of("subjectType", "PERSON", "personId", this.retiree.id(), "date", this.today, "source", "VISIT",
						"mood", "DISSATISFIED", "topics", List.of("PENSION"), "tags", List.of("养老金", "调标"), "summary",
						"对今年养老金调整幅度不满"));

		assertThat(filed.getStatus()).as(content(filed)).isEqualTo(201);
		long id = id(filed);
		String note = content(this.callers.perform(bearer(get("/api/v1/mood-notes/{id}", id), this.admin)));
		assertThat(((Number) JsonPath.read(note, "$.gridId")).longValue()).isEqualTo(this.street.grid().id());
		assertThat((String) JsonPath.read(note, "$.mood")).isEqualTo("DISSATISFIED");
		assertThat((List<String>) JsonPath.read(note, "$.topics")).containsExactly("PENSION");
		assertThat((List<String>) JsonPath.read(note, "$.tags")).containsExactly("养老金", "调标");
		assertThat(this.jdbc
			.sql("""
					select detail ->> 'mood' from audit_event
					where community_id = 1 and subject_type = 'MOOD_NOTE' and subject_id = :id and action = 'MOOD_NOTE_FILED'
					""")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("DISSATISFIED");
		String listed = content(this.callers.perform(
				bearer(get("/api/v1/mood-notes").param("personId", String.valueOf(this.retiree.id())), this.admin)));
		assertThat((List<Integer>) JsonPath.read(listed, "$.items[*].id")).containsExactly((int) id);
	}

	@Test
	void aGridWorkerNamesTheGridOfAGroupNoteAndSeesOnlyTheirGrids() {
		String worker = this.callers.firstLogin(
				this.fixtures.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null),
				RegistryFixtures.FIRST_PASSWORD);
		Street other = this.fixtures.street();
		Map<String, Object> group = new HashMap<>(Map.of("subjectType", "GROUP", "groupCode", "CONTRACT_TERMINATED",
				"date", this.today, "source", "MEETING", "mood", "AGITATED", "summary", "协解人员座谈，情绪激烈"));

		MockHttpServletResponse gridless = file(worker, group);
		assertThat(gridless.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(gridless), "$.errors[*].field")).containsExactly("gridId");
		group.put("gridId", other.grid().id());
		assertThat(file(worker, group).getStatus()).as("another grid is out of reach").isEqualTo(422);

		group.put("gridId", this.street.grid().id());
		long own = id(file(worker, group));
		group.put("gridId", other.grid().id());
		long foreign = id(file(this.admin, group));

		assertThat(this.callers.perform(bearer(get("/api/v1/mood-notes/{id}", foreign), worker)).getStatus())
			.isEqualTo(404);
		String listed = content(this.callers.perform(bearer(
				get("/api/v1/mood-notes").param("groupCode", "CONTRACT_TERMINATED").param("size", "200"), worker)));
		assertThat((List<Integer>) JsonPath.read(listed, "$.items[*].id")).contains((int) own)
			.doesNotContain((int) foreign);
		assertThat((List<Integer>) JsonPath.read(listed, "$.items[*].gridId"))
			.containsOnly((int) this.street.grid().id());
	}

	@Test
	void badInputNamesEveryFieldAndWritesNothing() {
		long before = notesAbout(this.retiree.id());
		Map<String, Object> bad = new HashMap<>(Map.of("subjectType", "PERSON", "personId", this.retiree.id(),
				"groupCode", "RETIRED", "date", "2099-01-01", "source", "PIGEON", "mood", "HAPPY", "topics",
				List.of("NO_SUCH_CATEGORY"), "tags", List.of("x".repeat(21)), "summary", " "));

		MockHttpServletResponse refused = file(this.admin, bad);

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(refused), "$.errors[*].field"))
			.containsExactlyInAnyOrder("groupCode", "date", "source", "mood", "topics", "tags", "summary");
		assertThat(notesAbout(this.retiree.id())).isEqualTo(before);
		bad = Map.of("subjectType", "SOMEONE", "date", "26-11-2026");
		assertThat((List<String>) JsonPath.read(content(file(this.admin, bad)), "$.errors[*].field"))
			.containsExactlyInAnyOrder("subjectType", "date", "source", "mood", "summary");
	}

	@Test
	void aGroupsMonthlyAnalysisCountsItsNotesAppealsAndCasesSideBySide() throws Exception {
		String code = org.anju.appeals.AppealFixtures.code();
		this.groups.create(RegistryFixtures.COMMUNITY, code, RegistryFixtures.unique("群体"),
				RegistryFixtures.unique("Group"));
		PersonForm template = RegistryFixtures.form(this.street.room().id());
		Person member = this.fixtures.person(new PersonForm(template.name(), template.idNumber(), template.phone(),
				template.roomId(), List.of(code), null, null, null));
		UserAccount leader = this.fixtures.user(Role.LEADER, Set.of(), null, null);
		assertThat(file(this.admin,
				Map.of("subjectType", "GROUP", "groupCode", code, "date", this.today, "source", "MEETING", "mood",
						"DISSATISFIED", "topics", List.of("PENSION"), "tags", List.of("调标"), "summary", "座谈会上对调标不满"))
			.getStatus()).isEqualTo(201);
		assertThat(
				file(this.admin,
						Map.of("subjectType", "PERSON", "personId", member.id(), "date", this.today, "source", "VISIT",
								"mood", "AGITATED", "topics", List.of("PENSION"), "summary", "情绪激动，扬言上访"))
					.getStatus())
			.isEqualTo(201);
		assertThat(this.callers
			.perform(bearer(post("/api/v1/appeals"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("personId", member.id(), "categoryCode", "PENSION", "channel",
						"WALK_IN", "title", "调标", "description", "要求补发调标差额"))))
			.getStatus()).isEqualTo(201);
		MockHttpServletResponse registered = this.callers
			.perform(bearer(post("/api/v1/conflicts"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("type", "LABOUR_BENEFITS", "title", "调标差额", "description", "群体要求补发",
						"level", "SERIOUS", "partyGroupCodes", List.of(code), "peopleCount", 30, "ownerLeaderId",
						leader.id(), "gridId", this.street.grid().id()))));
		assertThat(registered.getStatus()).as(content(registered)).isEqualTo(201);

		String analysis = content(
				this.callers.perform(bearer(get("/api/v1/mood-notes/analysis").param("groupCode", code), this.admin)));

		String month = this.today.substring(0, 7);
		assertThat((List<String>) JsonPath.read(analysis, "$.months[*].month")).hasSize(6).endsWith(month);
		String thisMonth = "$.months[?(@.month == '" + month + "')]";
		assertThat((List<Integer>) JsonPath.read(analysis, thisMonth + ".notes")).containsExactly(2);
		assertThat((List<Integer>) JsonPath.read(analysis, thisMonth + ".moods.DISSATISFIED")).containsExactly(1);
		assertThat((List<Integer>) JsonPath.read(analysis, thisMonth + ".moods.AGITATED")).containsExactly(1);
		assertThat((List<Integer>) JsonPath.read(analysis, thisMonth + ".appeals")).containsExactly(1);
		assertThat((List<Integer>) JsonPath.read(analysis, thisMonth + ".cases")).containsExactly(1);
		assertThat((List<String>) JsonPath.read(analysis, "$.topTopics[*].key")).containsExactly("PENSION");
		assertThat((List<Integer>) JsonPath.read(analysis, "$.topTopics[*].count")).containsExactly(2);
		assertThat((List<String>) JsonPath.read(analysis, "$.openCases[*].title")).containsExactly("调标差额");
		assertThat(this.callers
			.perform(bearer(get("/api/v1/mood-notes/analysis").param("groupCode", code).param("from", "2026-13"),
					this.admin))
			.getStatus()).isEqualTo(400);
	}

	private long notesAbout(long personId) {
		return this.jdbc.sql("select count(*) from mood_note where community_id = 1 and person_id = :p")
			.param("p", personId)
			.query(Long.class)
			.single();
	}

	private MockHttpServletResponse file(String token, Map<String, Object> body) {
		return this.callers.perform(bearer(post("/api/v1/mood-notes"), token).contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(body)));
	}

	private static long id(MockHttpServletResponse response) {
		assertThat(response.getStatus()).as(content(response)).isEqualTo(201);
		return ((Number) JsonPath.read(content(response), "$.id")).longValue();
	}

}
