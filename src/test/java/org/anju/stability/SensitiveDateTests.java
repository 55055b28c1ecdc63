package org.anju.stability;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The sensitive-date calendar: dates and ranges with the groups they concern, kept by
 * administrators and leaders, audited, and found by the engine from their lead days on.
 * Each test works in a year of its own, far from the others, since the calendar is one
 * per community.
 */
@AnjuSpringTest
class SensitiveDateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SensitiveDates dates;

	ApiCallers callers;

	String admin;

	@BeforeEach
	void anAdministrator() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
	}

	@Test
	void aDateMattersFromItsLeadDaysToItsEndAndCarriesItsGroups() {
		int year = 2090 + (int) (System.nanoTime() % 5);
		long pension = id(create(Map.of("title", "养老金调整公布", "kind", "POLICY", "startsOn", year + "-07-01", "endsOn",
				year + "-07-03", "groupCodes", List.of("RETIRED", "CONTRACT_TERMINATED"), "leadDays", 10)));
		long anniversary = id(create(Map.of("title", "改制二十周年", "kind", "ANNIVERSARY", "startsOn", year + "-09-15")));

		List<SensitiveDate> june = this.dates.within(COMMUNITY, LocalDate.of(year, 6, 21), LocalDate.of(year, 6, 21));
		assertThat(june).extracting(SensitiveDate::id).containsExactly(pension);
		assertThat(june.get(0).groupCodes()).containsExactly("RETIRED", "CONTRACT_TERMINATED");
		assertThat(june.get(0).concerns("RETIRED")).isTrue();
		assertThat(june.get(0).concerns("ACTIVE")).isFalse();
		assertThat(this.dates.within(COMMUNITY, LocalDate.of(year, 6, 20), LocalDate.of(year, 6, 20)))
			.as("a day before its lead days")
			.noneMatch((date) -> date.id() == pension);
		assertThat(this.dates.within(COMMUNITY, LocalDate.of(year, 7, 4), LocalDate.of(year, 9, 8)))
			.as("after its end, and the anniversary from its default seven days ahead")
			.extracting(SensitiveDate::id)
			.containsExactly(anniversary);
		SensitiveDate single = this.dates.within(COMMUNITY, LocalDate.of(year, 9, 15), LocalDate.of(year, 9, 15))
			.get(0);
		assertThat(single.endsOn()).isEqualTo(single.startsOn());
		assertThat(single.leadDays()).isEqualTo(7);
		assertThat(single.groupCodes()).as("everyone").isEmpty();
		assertThat(single.concerns("RETIRED")).isTrue();

		String listed = content(this.callers
			.perform(bearer(get("/api/v1/sensitive-dates").param("year", String.valueOf(year)), this.admin)));
		assertThat((List<String>) JsonPath.read(listed, "$.items[*].title")).containsSubsequence("养老金调整公布", "改制二十周年");
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where community_id = 1 and action = 'SENSITIVE_DATE_CREATED'
				  and subject_id in (:a, :b)
				""")
			.param("a", String.valueOf(pension))
			.param("b", String.valueOf(anniversary))
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aChangeNeedsTheCurrentVersionAndEveryChangeIsAudited() {
		int year = 2080 + (int) (System.nanoTime() % 5);
		MockHttpServletResponse created = create(
				Map.of("title", "职工运动会", "kind", "EVENT", "startsOn", year + "-10-10"));
		long id = id(created);
		Map<String, Object> change = Map.of("title", "职工运动会（延期）", "kind", "EVENT", "startsOn", year + "-10-17",
				"endsOn", year + "-10-18", "leadDays", 3);

		assertThat(this.callers
			.perform(bearer(put("/api/v1/sensitive-dates/{id}", id), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(change)))
			.getStatus()).isEqualTo(428);
		MockHttpServletResponse changed = this.callers
			.perform(bearer(put("/api/v1/sensitive-dates/{id}", id), this.admin)
				.header(HttpHeaders.IF_MATCH, created.getHeader(HttpHeaders.ETAG))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(change)));
		assertThat(changed.getStatus()).as(content(changed)).isEqualTo(200);
		assertThat((String) JsonPath.read(content(changed), "$.endsOn")).isEqualTo(year + "-10-18");
		assertThat(this.callers
			.perform(bearer(put("/api/v1/sensitive-dates/{id}", id), this.admin)
				.header(HttpHeaders.IF_MATCH, created.getHeader(HttpHeaders.ETAG))
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(change)))
			.getStatus()).isEqualTo(412);

		assertThat(this.callers.perform(bearer(delete("/api/v1/sensitive-dates/{id}", id), this.admin)).getStatus())
			.isEqualTo(204);
		assertThat(this.callers.perform(bearer(get("/api/v1/sensitive-dates/{id}", id), this.admin)).getStatus())
			.isEqualTo(404);
		assertThat(this.jdbc.sql("""
				select action from audit_event where community_id = 1 and subject_type = 'SENSITIVE_DATE'
				  and subject_id = :id order by id
				""").param("id", String.valueOf(id)).query(String.class).list())
			.containsExactly("SENSITIVE_DATE_CREATED", "SENSITIVE_DATE_CHANGED", "SENSITIVE_DATE_DELETED");
	}

	@Test
	void badInputNamesEveryFieldAndOnlyAdministratorsAndLeadersKeepTheCalendar() {
		long before = this.jdbc.sql("select count(*) from sensitive_date where community_id = 1")
			.query(Long.class)
			.single();
		Map<String, Object> bad = new HashMap<>(Map.of("title", "", "kind", "HOLIDAY", "startsOn", "2070-05-10",
				"endsOn", "2070-05-01", "groupCodes", List.of("NO_SUCH_GROUP"), "leadDays", 91));

		MockHttpServletResponse refused = this.callers
			.perform(bearer(post("/api/v1/sensitive-dates"), this.admin).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(bad)));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(refused), "$.errors[*].field"))
			.containsExactlyInAnyOrder("title", "kind", "endsOn", "groupCodes", "leadDays");
		assertThat((List<String>) JsonPath.read(content(refused), "$.errors[*].message"))
			.contains("The end date cannot be before the start date.");
		bad = Map.of("title", "x", "kind", "EVENT", "startsOn", "10/05/2070");
		assertThat((List<String>) JsonPath.read(content(create(bad)), "$.errors[*].field")).containsExactly("startsOn");
		assertThat(
				this.jdbc.sql("select count(*) from sensitive_date where community_id = 1").query(Long.class).single())
			.isEqualTo(before);
		assertThat(this.callers
			.perform(bearer(get("/api/v1/sensitive-dates").param("year", "2070").param("from", "2070-01-01"),
					this.admin))
			.getStatus()).as("a year or a range, not both").isEqualTo(400);

		RegistryFixtures fixtures = new RegistryFixtures(this.places, null, this.users);
		String worker = this.callers.firstLogin(
				fixtures.user(Role.GRID_WORKER, Set.of(fixtures.street().grid().id()), null, null),
				RegistryFixtures.FIRST_PASSWORD);
		assertThat(this.callers
			.perform(bearer(post("/api/v1/sensitive-dates"), worker).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("title", "x", "kind", "EVENT", "startsOn", "2070-05-10"))))
			.getStatus()).isEqualTo(403);
		assertThat(
				this.callers.perform(bearer(get("/api/v1/sensitive-dates"), worker).param("year", "2070")).getStatus())
			.as("everyone in stability work reads the calendar")
			.isEqualTo(200);
	}

	private MockHttpServletResponse create(Map<String, ?> body) {
		return this.callers
			.perform(bearer(post("/api/v1/sensitive-dates"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
	}

	private static long id(MockHttpServletResponse response) {
		assertThat(response.getStatus()).as(content(response)).isEqualTo(201);
		return ((Number) JsonPath.read(content(response), "$.id")).longValue();
	}

}
