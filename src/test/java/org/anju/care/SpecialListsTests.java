package org.anju.care;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.people.PersonalData;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A person goes on a special list with a date and a source, comes off it with a reason,
 * and a grid worker sees only the lists of their own grids.
 */
@AnjuSpringTest
class SpecialListsTests {

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
	CarePersonalData personalData;

	ApiCallers api;

	RegistryFixtures fixtures;

	String admin;

	Street street;

	Person person;

	@BeforeEach
	void aPersonInAGrid() {
		this.api = new ApiCallers(this.mvc, this.json);
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.admin = this.api.adminToken();
		this.street = this.fixtures.street();
		this.person = this.fixtures.person(this.street.room().id());
	}

	@Test
	void aPersonGoesOnTheEmptyNestListAndComesOffItWithAReason() {
		MockHttpServletResponse added = add(this.admin, Map.of("personId", this.person.id(), "flag", "EMPTY_NEST",
				"since", "2026-03-01", "source", "走访", "note", "子女在外地"));
		assertThat(added.getStatus()).isEqualTo(201);
		int id = JsonPath.read(content(added), "$.id");
		assertThat((String) JsonPath.read(content(added), "$.flagName")).isEqualTo("空巢");
		assertThat((String) JsonPath.read(content(added), "$.personName")).isEqualTo(this.person.name());

		MockHttpServletResponse list = this.api.perform(bearer(
				get("/api/v1/special-lists").param("flag", "EMPTY_NEST").param("gridId", "" + this.street.grid().id()),
				this.admin));
		assertThat(JsonPath.<java.util.List<Integer>>read(content(list), "$.items[*].id")).containsExactly(id);

		MockHttpServletResponse ended = this.api
			.perform(bearer(post("/api/v1/special-lists/" + id + "/end"), this.admin).header("If-Match", "\"0\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of("endedOn", "2026-06-01", "reason", "子女返乡同住"))));
		assertThat(ended.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(content(ended), "$.endedOn")).isEqualTo("2026-06-01");

		MockHttpServletResponse again = this.api
			.perform(bearer(post("/api/v1/special-lists/" + id + "/end"), this.admin).header("If-Match", "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of("endedOn", "2026-06-02"))));
		assertThat(again.getStatus()).isEqualTo(409);

		MockHttpServletResponse open = this.api
			.perform(bearer(get("/api/v1/special-lists").param("personId", "" + this.person.id()), this.admin));
		assertThat((Integer) JsonPath.read(content(open), "$.total")).isZero();
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where subject_type = 'SPECIAL_FLAG' and subject_id = :id")
			.param("id", "" + id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theNineSpecialCategoriesNeedTheirCodeAndNoListTakesAPersonTwice() {
		MockHttpServletResponse missing = add(this.admin,
				Map.of("personId", this.person.id(), "flag", "NINE_SPECIAL", "since", "2026-01-05", "source", "民政"));
		assertThat(missing.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<java.util.List<String>>read(content(missing), "$.errors[*].field"))
			.containsExactly("subCode");

		Map<String, Object> body = Map.of("personId", this.person.id(), "flag", "NINE_SPECIAL", "subCode",
				"RELEASED_PRISONER", "since", "2026-01-05", "source", "民政");
		assertThat(add(this.admin, body).getStatus()).isEqualTo(201);
		assertThat(add(this.admin, body).getStatus()).isEqualTo(409);
		assertThat(add(this.admin, Map.of("personId", this.person.id(), "flag", "NINE_SPECIAL", "subCode", "DRUG_USER",
				"since", "2026-01-05", "source", "民政"))
			.getStatus()).isEqualTo(201);
	}

	@Test
	void badInputIsAnsweredFieldByFieldAndNothingIsWritten() {
		long before = flagsOf(this.person.id());
		MockHttpServletResponse bad = this.api
			.perform(bearer(post("/api/v1/special-lists"), this.admin).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of("personId", this.person.id(), "flag", "HARDSHIP", "since",
						LocalDate.now().plusDays(3).toString(), "subCode", "X1"))));

		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<java.util.List<String>>read(content(bad), "$.errors[*].field"))
			.containsExactlyInAnyOrder("subCode", "since", "source");
		assertThat(content(bad)).contains("The date cannot be after today.");
		assertThat(add(this.admin, Map.of("flag", "HARDSHIP", "since", "2026-01-01", "source", "x")).getStatus())
			.isEqualTo(422);
		assertThat(add(this.admin,
				Map.of("personId", this.person.id(), "flag", "RICH", "since", "2026-01-01", "source", "x"))
			.getStatus()).isEqualTo(400);
		assertThat(flagsOf(this.person.id())).isEqualTo(before);
	}

	@Test
	void aGridWorkerSeesOnlyTheListsOfTheirGrids() {
		Person elsewhere = this.fixtures.person(this.fixtures.street().room().id());
		int mine = JsonPath.read(content(add(this.admin,
				Map.of("personId", this.person.id(), "flag", "LIVING_ALONE", "since", "2026-02-01", "source", "走访"))),
				"$.id");
		int theirs = JsonPath.read(content(add(this.admin,
				Map.of("personId", elsewhere.id(), "flag", "LIVING_ALONE", "since", "2026-02-01", "source", "走访"))),
				"$.id");
		String worker = this.api.firstLogin(
				this.fixtures.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null),
				RegistryFixtures.FIRST_PASSWORD);

		MockHttpServletResponse list = this.api
			.perform(bearer(get("/api/v1/special-lists").param("flag", "LIVING_ALONE").param("size", "200"), worker));
		assertThat(JsonPath.<java.util.List<Integer>>read(content(list), "$.items[*].id")).contains(mine)
			.doesNotContain(theirs);
		assertThat(this.api.perform(bearer(get("/api/v1/special-lists/" + theirs), worker)).getStatus()).isEqualTo(404);
		assertThat(add(worker,
				Map.of("personId", elsewhere.id(), "flag", "HARDSHIP", "since", "2026-02-01", "source", "走访"))
			.getStatus()).isEqualTo(404);
		assertThat(this.api
			.perform(bearer(post("/api/v1/special-lists/" + theirs + "/end"), worker).header("If-Match", "0")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of("endedOn", "2026-03-01"))))
			.getStatus()).isEqualTo(404);
	}

	@Test
	void theConsoleListsAFlagAddsOneAndExplainsARefusal() throws Exception {
		var admin = CareConsoleCallers.signedIn(CareConsoleCallers.admin(this.users));
		this.mvc
			.perform(post("/care/special-lists").with(csrf())
				.with(admin)
				.param("personId", "" + this.person.id())
				.param("newFlag", "DISABLED")
				.param("since", "2026-04-01")
				.param("source", "民政"))
			.andExpect(redirectedUrl("/care/special-lists?flag=DISABLED&saved=true"));
		this.mvc.perform(get("/care/special-lists").param("flag", "DISABLED").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.person.name())))
			.andExpect(content().string(containsString("残疾")));
		this.mvc
			.perform(post("/care/special-lists").with(csrf())
				.with(admin)
				.param("personId", "" + this.person.id())
				.param("newFlag", "DISABLED")
				.param("since", "2026-04-01")
				.param("source", "民政"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此人已在该名单中。")));
	}

	@Test
	void aPersonsOwnDataReportShowsTheListsTheyAreOn() {
		add(this.admin,
				Map.of("personId", this.person.id(), "flag", "HARDSHIP", "since", "2026-02-01", "source", "民政"));
		Person stranger = this.fixtures.person(this.street.room().id());

		List<PersonalData.Section> sections = this.personalData.about(RegistryFixtures.COMMUNITY, this.person.id());
		assertThat(sections).extracting(PersonalData.Section::title).containsExactly("care.special.title");
		assertThat(sections.get(0).rows()).hasSize(1);
		assertThat(sections.get(0).rows().get(0).get(0)).isEqualTo(new PersonalData.Label("care.list.HARDSHIP"));
		assertThat(this.personalData.about(RegistryFixtures.COMMUNITY, stranger.id())).isEmpty();
	}

	private MockHttpServletResponse add(String token, Map<String, ?> body) {
		return this.api.perform(bearer(post("/api/v1/special-lists"), token).contentType(MediaType.APPLICATION_JSON)
			.content(this.api.body(body)));
	}

	private long flagsOf(long personId) {
		return this.jdbc.sql("select count(*) from special_flag where community_id = 1 and person_id = :p")
			.param("p", personId)
			.query(Long.class)
			.single();
	}

}
