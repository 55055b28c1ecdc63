package org.anju.notices;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.PortalResidents;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealSubmitted;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.PortalResidents.as;
import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A power outage notice for one building reaches exactly that building's residents on the
 * portal and the staff who take their calls, and gathers the appeals about it from that
 * building during the window, and no others.
 */
@AnjuSpringTest
class NoticeTests {

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
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	ApiCallers api;

	RegistryFixtures registry;

	String admin;

	Place grid;

	Place affected;

	Place spared;

	Place roomA;

	Place roomB;

	Place roomC;

	@BeforeEach
	void twoBuildingsInAGrid() {
		this.api = new ApiCallers(this.mvc, this.json);
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.admin = this.api.adminToken();
		this.grid = this.registry.grid(this.registry.area());
		this.affected = this.registry.building(this.grid);
		this.spared = this.registry.building(this.grid);
		this.roomA = this.registry.room(this.affected);
		this.roomB = this.registry.room(this.affected);
		this.roomC = this.registry.room(this.spared);
	}

	@Test
	void aPowerOutageReachesExactlyTheResidentsOfItsBuildingOnThePortal() {
		long notice = notice(this.affected, "3 号楼线路检修 " + this.affected.id());
		PortalResidents portal = new PortalResidents(this.registry, this.users);
		CurrentUser first = portal.account(this.registry.person(this.roomA.id()));
		CurrentUser second = portal.account(this.registry.person(this.roomB.id()));
		CurrentUser neighbour = portal.account(this.registry.person(this.roomC.id()));
		String title = "3 号楼线路检修 " + this.affected.id();
		assertThat(content(this.api.perform(as(first, get("/portal/notices"))))).contains(title, "停电");
		assertThat(content(this.api.perform(as(second, get("/portal/notices"))))).contains(title);
		assertThat(content(this.api.perform(as(neighbour, get("/portal/notices"))))).doesNotContain(title);

		MockHttpServletResponse atIntake = call(
				get("/api/v1/notices").param("active", "true").param("placeId", "" + this.roomA.id()), null, null);
		assertThat(JsonPath.<List<Integer>>read(content(atIntake), "$.items[*].id")).containsExactly((int) notice);
		assertThat((String) JsonPath.read(content(atIntake), "$.items[0].talkingPoints")).contains("17:00");
		MockHttpServletResponse elsewhere = call(
				get("/api/v1/notices").param("active", "true").param("placeId", "" + this.roomC.id()), null, null);
		assertThat(JsonPath.<List<Integer>>read(content(elsewhere), "$.items[*].id")).doesNotContain((int) notice);

		CurrentUser clerk = ConsoleFixtures.user(this.users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow());
		assertThat(
				content(this.api.perform(as(clerk, get("/notices/at-intake").param("roomId", "" + this.roomB.id())))))
			.as("the intake page's panel for a caller from the building")
			.contains(title, "口径：线路检修，预计 17:00 恢复");
		assertThat(
				content(this.api.perform(as(clerk, get("/notices/at-intake").param("roomId", "" + this.roomC.id())))))
			.doesNotContain(title);
	}

	@Test
	void appealsAboutTheOutageFromItsBuildingDuringTheWindowAreLinkedOnce() {
		long notice = notice(this.affected, "停电检修");
		Person inside = this.registry.person(this.roomA.id());
		Person next = this.registry.person(this.roomB.id());
		Person outside = this.registry.person(this.roomC.id());
		long early = appeal(next, "UTILITIES", Instant.now().minus(3, ChronoUnit.HOURS));
		long otherBuilding = appeal(outside, "UTILITIES", null);
		long otherMatter = appeal(next, "CANTEEN", null);
		long about = appeal(inside, "UTILITIES", null);
		settled();
		MockHttpServletResponse linked = call(get("/api/v1/notices/" + notice + "/appeals"), null, null);
		assertThat(JsonPath.<List<Integer>>read(content(linked), "$[*].id")).containsExactly((int) about)
			.doesNotContain((int) early, (int) otherBuilding, (int) otherMatter);

		this.transaction
			.executeWithoutResult((status) -> this.events.publishEvent(new AppealSubmitted(RegistryFixtures.COMMUNITY,
					about, inside.id(), "UTILITIES", Set.of(), Instant.now(), null)));
		settled();
		assertThat(this.jdbc.sql("select count(*) from notice_appeal where notice_id = :n")
			.param("n", notice)
			.query(Long.class)
			.single()).as("the same event twice links once").isEqualTo(1);
		assertThat(
				(Integer) JsonPath.read(content(call(get("/api/v1/notices/" + notice), null, null)), "$.linkedAppeals"))
			.isEqualTo(1);
		assertThat(audits(notice)).containsExactly("NOTICE_CREATED", "NOTICE_APPEAL_LINKED");
	}

	@Test
	void aNoticeIsChangedAndWithdrawnOnlyWithTheCurrentVersion() {
		long notice = notice(this.affected, "停水");
		Map<String, Object> changed = form("WATER", "停水（延长）", List.of(this.affected.id(), this.spared.id()));
		assertThat(call(put("/api/v1/notices/" + notice), null, changed).getStatus()).isEqualTo(428);
		MockHttpServletResponse updated = call(put("/api/v1/notices/" + notice), "\"0\"", changed);
		assertThat(updated.getStatus()).as(content(updated)).isEqualTo(200);
		assertThat(updated.getHeader("ETag")).isEqualTo("\"1\"");
		assertThat(JsonPath.<List<Integer>>read(content(updated), "$.buildings[*].id"))
			.containsExactlyInAnyOrder((int) this.affected.id(), (int) this.spared.id());
		assertThat(call(put("/api/v1/notices/" + notice), "\"0\"", changed).getStatus()).isEqualTo(412);
		assertThat(call(delete("/api/v1/notices/" + notice), "\"0\"", null).getStatus()).isEqualTo(412);
		assertThat(call(delete("/api/v1/notices/" + notice), "\"1\"", null).getStatus()).isEqualTo(204);
		assertThat(call(get("/api/v1/notices/" + notice), null, null).getStatus()).isEqualTo(404);
		assertThat(audits(notice)).containsExactly("NOTICE_CREATED", "NOTICE_CHANGED", "NOTICE_DELETED");
	}

	@Test
	void badInputIsNamedFieldByFieldAndNothingIsWritten() {
		long before = this.jdbc.sql("select count(*) from notice").query(Long.class).single();
		MockHttpServletResponse empty = call(post("/api/v1/notices"), null, Map.of());
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(empty), "$.errors[*].field"))
			.containsExactlyInAnyOrder("utility", "title", "talkingPoints", "startsAt", "endsAt", "buildingIds");
		Instant now = Instant.now();
		MockHttpServletResponse wrong = this.api
			.perform(bearer(post("/api/v1/notices"), this.admin).header("Accept-Language", "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(Map.of("utility", "GAS", "title", "停气", "talkingPoints", "请关闭燃气阀门", "startsAt",
						now.plus(Duration.ofHours(5)).toString(), "endsAt", now.plus(Duration.ofHours(1)).toString(),
						"buildingIds", List.of(this.roomA.id())))));
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(wrong), "$.errors[*].message")).containsExactlyInAnyOrder(
				"The end must be after the start.",
				"There is no such building, or it is outside your grids: " + this.roomA.id() + ".");
		assertThat(this.jdbc.sql("select count(*) from notice").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aGridWorkerSeesAndWritesNoticesOfTheirOwnGridsOnly() {
		long notice = notice(this.affected, "停暖");
		String own = gridWorker(this.grid);
		String other = gridWorker(this.registry.grid(this.registry.area()));
		assertThat(this.api.perform(bearer(get("/api/v1/notices/" + notice), own)).getStatus()).isEqualTo(200);
		assertThat(this.api.perform(bearer(get("/api/v1/notices/" + notice), other)).getStatus()).isEqualTo(404);
		MockHttpServletResponse list = this.api.perform(bearer(get("/api/v1/notices"), other));
		assertThat(JsonPath.<List<Integer>>read(content(list), "$.items[*].id")).doesNotContain((int) notice);
		MockHttpServletResponse foreign = this.api
			.perform(bearer(post("/api/v1/notices"), other).contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(form("HEATING", "停暖", List.of(this.affected.id())))));
		assertThat(foreign.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<List<String>>read(content(foreign), "$.errors[*].field")).containsExactly("buildingIds");
		MockHttpServletResponse mine = this.api
			.perform(bearer(post("/api/v1/notices"), own).contentType(MediaType.APPLICATION_JSON)
				.content(this.api.body(form("HEATING", "停暖", List.of(this.spared.id())))));
		assertThat(mine.getStatus()).as(content(mine)).isEqualTo(201);
	}

	private long notice(Place building, String title) {
		MockHttpServletResponse created = call(post("/api/v1/notices"), null,
				form("POWER", title, List.of(building.id())));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		return ((Number) JsonPath.read(content(created), "$.id")).longValue();
	}

	private Map<String, Object> form(String utility, String title, List<Long> buildings) {
		Instant now = Instant.now();
		return Map.of("utility", utility, "title", title, "body", "请提前做好准备。", "talkingPoints",
				"线路检修，预计 17:00 恢复；如有老人需要帮助请登记。", "startsAt", now.minus(Duration.ofHours(1)).toString(), "endsAt",
				now.plus(Duration.ofHours(5)).toString(), "buildingIds", buildings);
	}

	private long appeal(Person person, String category, Instant receivedAt) {
		Map<String, Object> body = new java.util.HashMap<>(Map.of("personId", person.id(), "categoryCode", category,
				"channel", "PHONE", "title", "家里没电", "description", "从上午起就停电了"));
		if (receivedAt != null) {
			body.put("receivedAt", receivedAt.toString());
		}
		MockHttpServletResponse created = call(post("/api/v1/appeals"), null, body);
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		return ((Number) JsonPath.read(content(created), "$.id")).longValue();
	}

	/**
	 * Waits until the notices module has heard every appeal submitted so far.
	 */
	private void settled() {
		await().atMost(Duration.ofSeconds(15)).until(() -> this.jdbc.sql("""
				select count(*) from event_publication
				where completion_date is null and listener_id like '%NoticeLinks%'
				""").query(Long.class).single() == 0);
	}

	private String gridWorker(Place grid) {
		UserAccount account = this.registry.user(Role.GRID_WORKER, Set.of(grid.id()), null, null);
		return this.api.firstLogin(account, RegistryFixtures.FIRST_PASSWORD);
	}

	private List<String> audits(long notice) {
		return this.jdbc
			.sql("select action from audit_event where subject_type = 'NOTICE' and subject_id = :id order by id")
			.param("id", "" + notice)
			.query(String.class)
			.list();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String ifMatch, Object body) {
		request = bearer(request, this.admin);
		if (ifMatch != null) {
			request = request.header("If-Match", ifMatch);
		}
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(this.api.body(body));
		}
		return this.api.perform(request);
	}

}
