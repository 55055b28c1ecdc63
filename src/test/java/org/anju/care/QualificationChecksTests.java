package org.anju.care;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A year's qualification check covers every retiree, takes the checked off the list, and
 * on its deadline flags and reminds the rest, once.
 */
@AnjuSpringTest
class QualificationChecksTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	CareClocks clocks;

	ApiCallers api;

	CareCommunity town;

	String admin;

	Place north;

	Place south;

	Person retiree;

	Person veteran;

	Person worker;

	Person southRetiree;

	int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

	String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	@BeforeEach
	void aCommunityWithRetireesInTwoGrids() {
		this.api = new ApiCallers(this.mvc, this.json);
		this.town = new CareCommunity(this.jdbc, this.places, this.people, this.users);
		this.admin = this.api.firstLogin(this.town.account(Role.ADMIN, Set.of()), RegistryFixtures.FIRST_PASSWORD);
		this.north = this.town.grid();
		this.south = this.town.grid();
		this.retiree = this.town.person(this.north, "RETIRED");
		this.veteran = this.town.person(this.north, "VETERAN_RETIRED");
		this.worker = this.town.person(this.north, "ACTIVE_EMPLOYEE");
		this.southRetiree = this.town.person(this.south, "DIVESTED_RETIRED");
	}

	@Test
	void aCheckTakesARetireeOffTheUncheckedListOnceAndOnlyOnce() {
		MockHttpServletResponse opened = open(
				Map.of("year", this.year, "deadline", LocalDate.parse(this.today).plusDays(30).toString()));
		assertThat(opened.getStatus()).isEqualTo(201);
		int campaign = JsonPath.read(content(opened), "$.id");
		assertThat((Integer) JsonPath.read(content(opened), "$.subjects")).isEqualTo(3);
		assertThat(uncheckedIn(campaign, this.north.id(), this.admin)).containsExactly((int) this.retiree.id(),
				(int) this.veteran.id());

		MockHttpServletResponse checked = check(campaign, this.admin,
				Map.of("personId", this.retiree.id(), "checkedOn", this.today, "method", "VIDEO"));
		assertThat(checked.getStatus()).isEqualTo(201);
		assertThat((String) JsonPath.read(content(checked), "$.method")).isEqualTo("VIDEO");
		assertThat(check(campaign, this.admin,
				Map.of("personId", this.retiree.id(), "checkedOn", this.today, "method", "IN_PERSON"))
			.getStatus()).isEqualTo(409);

		assertThat(uncheckedIn(campaign, this.north.id(), this.admin)).containsExactly((int) this.veteran.id());
		MockHttpServletResponse first = this.api.perform(
				bearer(get("/api/v1/qualification-checks/" + campaign + "/unchecked").param("size", "1"), this.admin));
		String next = JsonPath.read(content(first), "$.next");
		assertThat((Integer) JsonPath.read(content(first), "$.total")).isEqualTo(2);
		MockHttpServletResponse second = this.api.perform(bearer(
				get("/api/v1/qualification-checks/" + campaign + "/unchecked").param("size", "1").param("cursor", next),
				this.admin));
		assertThat(JsonPath.<List<Integer>>read(content(second), "$.items[*].personId"))
			.containsExactly((int) this.southRetiree.id());
		assertThat((Integer) JsonPath.read(
				content(this.api.perform(bearer(get("/api/v1/qualification-checks/" + campaign), this.admin))),
				"$.checked"))
			.isEqualTo(1);
		assertThat(open(Map.of("year", this.year, "deadline", this.today)).getStatus()).isEqualTo(409);
	}

	@Test
	void badInputIsAnsweredFieldByFieldAndNothingIsWritten() {
		MockHttpServletResponse bad = open(Map.of("year", 1999, "deadline", "2020-01-01"));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(bad), "$.errors[*].field")).containsExactlyInAnyOrder("year",
				"deadline");
		int campaign = JsonPath.read(content(open(Map.of("year", this.year, "deadline", this.today))), "$.id");

		MockHttpServletResponse noMethod = check(campaign, this.admin,
				Map.of("personId", this.retiree.id(), "checkedOn", LocalDate.parse(this.today).plusDays(1).toString()));
		assertThat(noMethod.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(noMethod), "$.errors[*].field"))
			.containsExactlyInAnyOrder("checkedOn", "method");
		MockHttpServletResponse notRetiree = check(campaign, this.admin,
				Map.of("personId", this.worker.id(), "checkedOn", this.today, "method", "AT_HOME"));
		assertThat(notRetiree.getStatus()).isEqualTo(422);
		assertThat(content(notRetiree)).contains("不是在册的退休人员");
		assertThat(check(campaign, this.admin,
				Map.of("personId", this.retiree.id(), "checkedOn", this.today, "method", "BY_POST"))
			.getStatus()).isEqualTo(400);
		assertThat(this.jdbc
			.sql("select count(*) from qualification_subject where community_id = :c and checked_on"
					+ " is not null or community_id = :c and person_id = :worker")
			.param("c", this.town.community.value())
			.param("worker", this.worker.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aGridWorkerSeesAndChecksOnlyTheRetireesOfTheirGrids() {
		int campaign = JsonPath.read(content(open(Map.of("year", this.year, "deadline", this.today))), "$.id");
		String gridWorker = this.api.firstLogin(this.town.account(Role.GRID_WORKER, Set.of(this.north.id())),
				RegistryFixtures.FIRST_PASSWORD);

		assertThat(uncheckedIn(campaign, null, gridWorker)).containsExactly((int) this.retiree.id(),
				(int) this.veteran.id());
		assertThat(check(campaign, gridWorker,
				Map.of("personId", this.southRetiree.id(), "checkedOn", this.today, "method", "AT_HOME"))
			.getStatus()).isEqualTo(404);
		assertThat(check(campaign, gridWorker,
				Map.of("personId", this.veteran.id(), "checkedOn", this.today, "method", "AT_HOME"))
			.getStatus()).isEqualTo(201);
		assertThat(this.api
			.perform(bearer(post("/api/v1/qualification-checks"), gridWorker).contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of("year", this.year + 1, "deadline", this.today))))
			.getStatus()).isEqualTo(403);
	}

	@Test
	void theDeadlineFlagsAndRemindsTheUncheckedOnce() {
		int campaign = JsonPath.read(content(open(Map.of("year", this.year, "deadline", this.today))), "$.id");
		check(campaign, this.admin,
				Map.of("personId", this.retiree.id(), "checkedOn", this.today, "method", "IN_PERSON"));
		this.jdbc
			.sql("update qualification_campaign set due_at = now() - interval '1 minute'"
					+ " where community_id = :c and id = :id")
			.param("c", this.town.community.value())
			.param("id", campaign)
			.update();

		this.clocks.fire(this.town.community);
		assertThat(this.clocks.fire(this.town.community)).isZero();

		assertThat(this.jdbc
			.sql("select person_id from qualification_subject where community_id = :c"
					+ " and campaign_id = :id and missed_at is not null order by person_id")
			.param("c", this.town.community.value())
			.param("id", campaign)
			.query(Long.class)
			.list()).containsExactly(this.veteran.id(), this.southRetiree.id());
		assertThat(this.jdbc
			.sql("select related_id from sms_outbox where community_id = :c"
					+ " and template_code = 'QUALIFICATION_REMINDER' order by id")
			.param("c", this.town.community.value())
			.query(String.class)
			.list())
			.containsExactlyInAnyOrder(campaign + ":" + this.veteran.id(), campaign + ":" + this.southRetiree.id());
		MockHttpServletResponse after = this.api
			.perform(bearer(get("/api/v1/qualification-checks/" + campaign), this.admin));
		assertThat((Integer) JsonPath.read(content(after), "$.missed")).isEqualTo(2);
	}

	@Test
	void aGridWorkerTicksOffARetireeOnTheConsole() throws Exception {
		int campaign = JsonPath.read(content(open(Map.of("year", this.year, "deadline", this.today))), "$.id");
		UserAccount account = this.town.account(Role.GRID_WORKER, Set.of(this.north.id()));
		this.api.firstLogin(account, RegistryFixtures.FIRST_PASSWORD);
		var worker = CareConsoleCallers.signedIn(this.town.community.value(), account);

		this.mvc.perform(get("/care/qualification/" + campaign).with(worker))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.veteran.name())))
			.andExpect(content().string(not(containsString(this.southRetiree.name()))));
		this.mvc
			.perform(post("/care/qualification/" + campaign + "/checks").with(csrf())
				.with(worker)
				.param("personId", "" + this.veteran.id())
				.param("checkedOn", this.today)
				.param("method", "AT_HOME"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/care/qualification/" + campaign + "/checks").with(csrf())
				.with(worker)
				.param("personId", "" + this.veteran.id())
				.param("checkedOn", this.today)
				.param("method", "AT_HOME"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("此人本年度已完成资格认证。")));
		this.mvc.perform(get("/care/qualification").with(worker))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 / 2")));
	}

	private MockHttpServletResponse open(Map<String, ?> body) {
		return this.api
			.perform(bearer(post("/api/v1/qualification-checks"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(body)));
	}

	private MockHttpServletResponse check(int campaign, String token, Map<String, ?> body) {
		return this.api.perform(bearer(post("/api/v1/qualification-checks/" + campaign + "/checks"), token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.api.body(body)));
	}

	private List<Integer> uncheckedIn(int campaign, Long gridId, String token) {
		var request = get("/api/v1/qualification-checks/" + campaign + "/unchecked").param("size", "200");
		if (gridId != null) {
			request = request.param("gridId", gridId.toString());
		}
		return JsonPath.read(content(this.api.perform(bearer(request, token))), "$.items[*].personId");
	}

}
