package org.anju.care;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.ApiCallers;
import org.anju.identity.UserManagement;
import org.anju.people.HistoryEntry;
import org.anju.people.Person;
import org.anju.people.PersonDeceased;
import org.anju.people.PersonManagement;
import org.anju.people.PersonStatus;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registering a death makes the person deceased without losing their history, ends their
 * special flags, and opens a survivor checklist whose items are ticked off one by one.
 */
@AnjuSpringTest
class DeathsTests {

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
	SpecialLists lists;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AppealManagement appeals;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	ApiCallers api;

	RegistryFixtures fixtures;

	String admin;

	Street street;

	Person person;

	@BeforeEach
	void aRetireeLivingAlone() {
		this.api = new ApiCallers(this.mvc, this.json);
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.admin = this.api.adminToken();
		this.street = this.fixtures.street();
		this.person = this.fixtures.person(this.street.room().id());
		this.lists.add(RegistryFixtures.admin(), new NewSpecialFlag(this.person.id(), SpecialList.LIVING_ALONE, null,
				LocalDate.of(2025, 1, 1), "走访", null));
	}

	@Test
	void aDeathSetsTheStatusKeepsTheHistoryAndOpensTheChecklist() {
		MockHttpServletResponse registered = register(this.admin, Map.of("personId", this.person.id(), "diedOn",
				"2026-11-20", "informant", "王五", "informantRelation", "儿子"));
		assertThat(registered.getStatus()).isEqualTo(201);
		int id = JsonPath.read(content(registered), "$.id");
		assertThat(JsonPath.<List<String>>read(content(registered), "$.checklist[*].item"))
			.containsExactly("FUNERAL_SUBSIDY", "SURVIVOR_PENSION", "STOP_PENSION", "CONDOLENCE");

		Person after = this.people.get(RegistryFixtures.admin(), this.person.id());
		assertThat(after.status()).isEqualTo(PersonStatus.DECEASED);
		assertThat(after.statusDate()).isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(this.people.history(RegistryFixtures.admin(), this.person.id())).extracting(HistoryEntry::kind)
			.containsExactly("STATUS", "REGISTERED");
		assertThat(this.lists.list(RegistryFixtures.admin(), null, null, this.person.id(), false, null, 20).total())
			.isZero();

		MockHttpServletResponse ticked = tick(id, "CONDOLENCE", "0");
		assertThat(ticked.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(content(ticked), "$.checklist[3].doneBy")).isNotBlank();
		assertThat((Integer) JsonPath.read(content(ticked), "$.version")).isEqualTo(1);
		assertThat(tick(id, "CONDOLENCE", "1").getStatus()).isEqualTo(409);
		assertThat(tick(id, "STOP_PENSION", "0").getStatus()).isEqualTo(412);
		assertThat(register(this.admin, Map.of("personId", this.person.id(), "diedOn", "2026-11-20", "informant", "王五"))
			.getStatus()).isEqualTo(409);
	}

	@Test
	void badInputIsAnsweredFieldByFieldAndNothingIsWritten() {
		MockHttpServletResponse bad = register(this.admin,
				Map.of("personId", this.person.id(), "diedOn", LocalDate.now().plusDays(2).toString()));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(bad), "$.errors[*].field")).containsExactlyInAnyOrder("diedOn",
				"informant");
		MockHttpServletResponse beforeBirth = register(this.admin,
				Map.of("personId", this.person.id(), "diedOn", "1900-01-01", "informant", "王五"));
		assertThat(beforeBirth.getStatus()).isEqualTo(422);

		assertThat(this.people.get(RegistryFixtures.admin(), this.person.id()).status())
			.isEqualTo(PersonStatus.REGISTERED);
		assertThat(this.jdbc.sql("select count(*) from death_registration where community_id = 1 and person_id = :p")
			.param("p", this.person.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.lists.list(RegistryFixtures.admin(), null, null, this.person.id(), false, null, 20).total())
			.isEqualTo(1);
	}

	@Test
	void aGridWorkerNeitherRegistersNorSeesADeathOutsideTheirGrids() {
		Person elsewhere = this.fixtures.person(this.fixtures.street().room().id());
		int theirs = JsonPath.read(content(
				register(this.admin, Map.of("personId", elsewhere.id(), "diedOn", "2026-11-01", "informant", "赵六"))),
				"$.id");
		String worker = this.api.firstLogin(CareConsoleCallers.gridWorker(this.fixtures, this.street.grid().id()),
				RegistryFixtures.FIRST_PASSWORD);

		assertThat(this.api.perform(bearer(get("/api/v1/deaths/" + theirs), worker)).getStatus()).isEqualTo(404);
		assertThat(JsonPath.<List<Integer>>read(
				content(this.api.perform(bearer(get("/api/v1/deaths").param("size", "200"), worker))), "$.items[*].id"))
			.doesNotContain(theirs);
		Person another = this.fixtures.person(this.fixtures.street().room().id());
		assertThat(register(worker, Map.of("personId", another.id(), "diedOn", "2026-11-01", "informant", "赵六"))
			.getStatus()).isEqualTo(404);
		assertThat(this.people.get(RegistryFixtures.admin(), another.id()).status()).isEqualTo(PersonStatus.REGISTERED);
	}

	@Test
	void theConsoleRegistersADeathAndTicksOffTheChecklist() throws Exception {
		var admin = CareConsoleCallers.signedIn(CareConsoleCallers.admin(this.users));
		this.mvc
			.perform(post("/care/deaths").with(csrf())
				.with(admin)
				.param("personId", "" + this.person.id())
				.param("diedOn", "2026-11-21")
				.param("informant", "王五"))
			.andExpect(redirectedUrl("/care/deaths?registered=true"));
		long id = this.jdbc.sql("select id from death_registration where community_id = 1 and person_id = :p")
			.param("p", this.person.id())
			.query(Long.class)
			.single();
		this.mvc
			.perform(post("/care/deaths/" + id + "/checklist/FUNERAL_SUBSIDY").with(csrf())
				.with(admin)
				.param("version", "0"))
			.andExpect(redirectedUrl("/care/deaths?saved=true#death-" + id));
		this.mvc.perform(get("/care/deaths").param("open", "true").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.person.name())))
			.andExpect(content().string(containsString("丧葬补助")));
	}

	@Test
	void theOpenAppealsOfTheDeceasedGetANoteOnceForWhoeverHoldsThem() {
		AppealView appeal = this.appeals.submit(RegistryFixtures.admin(), new NewAppeal(this.person.id(), null, null,
				List.of(), "PENSION", Channel.WALK_IN, "养老金调整", "今年的养老金调整还没有到账", null, null, false, false, null));
		register(this.admin, Map.of("personId", this.person.id(), "diedOn", "2026-11-22", "informant", "王五"));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(notesOf(appeal.id())).hasSize(1));
		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(
				new PersonDeceased(RegistryFixtures.COMMUNITY, this.person.id(), LocalDate.of(2026, 11, 22))));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(notesOf(appeal.id())).hasSize(1));
		assertThat(notesOf(appeal.id()).get(0)).contains("2026-11-22");
		assertThat(this.appeals.get(RegistryFixtures.admin(), appeal.id()).state()).isEqualTo(appeal.state());
	}

	@Test
	void aDeathRecordedAsAPlainStatusChangeEndsTheFlagsAfterItCommits() {
		this.people.changeStatus(RegistryFixtures.admin(), this.person.id(), this.person.version(),
				PersonStatus.DECEASED, LocalDate.of(2026, 11, 23));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(
					this.lists.list(RegistryFixtures.admin(), null, null, this.person.id(), false, null, 20).total())
				.isZero());
		assertThat(this.lists.list(RegistryFixtures.admin(), null, null, this.person.id(), true, null, 20).items())
			.extracting(SpecialFlag::endedOn)
			.containsExactly(LocalDate.of(2026, 11, 23));
	}

	private List<String> notesOf(long appealId) {
		return this.jdbc
			.sql("select note from appeal_timeline where community_id = 1 and appeal_id = :id and action = 'note'"
					+ " and actor = 'system'")
			.param("id", appealId)
			.query(String.class)
			.list();
	}

	private MockHttpServletResponse register(String token, Map<String, ?> body) {
		return this.api.perform(bearer(post("/api/v1/deaths"), token).contentType(MediaType.APPLICATION_JSON)
			.content(this.api.body(body)));
	}

	private MockHttpServletResponse tick(int id, String item, String version) {
		return this.api
			.perform(bearer(post("/api/v1/deaths/" + id + "/checklist/" + item), this.admin).header("If-Match", version)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{}"));
	}

}
