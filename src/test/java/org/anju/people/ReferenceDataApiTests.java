package org.anju.people;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Interest groups and households over the API refuse bad input with a clear answer and
 * write nothing.
 */
@AnjuSpringTest
class ReferenceDataApiTests {

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

	ApiCallers callers;

	String admin;

	@BeforeEach
	void signIn() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
	}

	@Test
	void aGroupWithABadCodeOrNoNameIsRefusedFieldByFieldAndNothingIsWritten() {
		long before = groups();
		MockHttpServletResponse badCode = call(post("/api/v1/interest-groups"),
				Map.of("code", "临时工", "nameZh", "临时工", "nameEn", "Temporary"));
		MockHttpServletResponse noName = call(post("/api/v1/interest-groups"), Map.of("code",
				RegistryFixtures.unique("T").toUpperCase().replaceAll("[^A-Z0-9]", "_"), "nameZh", " ", "nameEn", "x"));

		assertThat(badCode.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(badCode), "$.errors[*].field")).containsExactly("code");
		assertThat(noName.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(noName), "$.errors[*].field")).containsExactly("nameZh");
		assertThat(groups()).isEqualTo(before);
	}

	@Test
	void aGroupWhoseNameIsTakenIsRefusedAsAConflict() {
		MockHttpServletResponse taken = call(post("/api/v1/interest-groups"),
				Map.of("code", "RETIRED_AGAIN", "nameZh", "退休", "nameEn", "Retiree again"));

		assertThat(taken.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(content(taken), "$.detail")).contains("退休");
		assertThat(this.jdbc.sql("select count(*) from interest_group where code = 'RETIRED_AGAIN'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anUnknownGroupAnswers404AndOnlyReferenceDataEditorsMayChangeGroups() {
		MockHttpServletResponse unknown = call(put("/api/v1/interest-groups/NO_SUCH_GROUP"),
				Map.of("nameZh", "无", "nameEn", "None"));
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		UserAccount leader = fixtures.user(Role.LEADER, Set.of(), null, null);
		String token = this.callers.firstLogin(leader, RegistryFixtures.FIRST_PASSWORD);
		MockHttpServletResponse forbidden = this.callers
			.perform(bearer(post("/api/v1/interest-groups"), token).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("code", "LEADERS_GROUP", "nameZh", "领导组", "nameEn", "Leaders"))));

		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(forbidden.getStatus()).isEqualTo(403);
	}

	@Test
	void aHouseholdWithoutAHeadOrWithSomeoneFromAnotherRoomIsRefusedAndNothingIsWritten() {
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		Street street = fixtures.street();
		Person head = fixtures.person(street.room().id());
		Person elsewhere = fixtures.person(fixtures.room(street.building()).id());

		MockHttpServletResponse noHead = call(post("/api/v1/households"), Map.of());
		MockHttpServletResponse founded = call(post("/api/v1/households"), Map.of("headPersonId", head.id()));
		long household = ((Number) JsonPath.read(content(founded), "$.id")).longValue();
		MockHttpServletResponse otherRoom = call(post("/api/v1/households/{id}/members", household),
				Map.of("personId", elsewhere.id(), "relation", "CHILD"));
		MockHttpServletResponse badRelation = call(post("/api/v1/households/{id}/members", household),
				Map.of("personId", elsewhere.id(), "relation", "COUSIN"));

		assertThat(noHead.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(noHead), "$.errors[*].field")).containsExactly("headPersonId");
		assertThat(founded.getStatus()).isEqualTo(201);
		assertThat(otherRoom.getStatus()).isEqualTo(409);
		assertThat(badRelation.getStatus()).isEqualTo(422);
		assertThat(this.people.get(RegistryFixtures.admin(), elsewhere.id()).householdId()).isNull();
	}

	private long groups() {
		return this.jdbc.sql("select count(*) from interest_group where community_id = 1").query(Long.class).single();
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, Map<String, Object> body) {
		return this.callers.perform(
				bearer(request, this.admin).contentType(MediaType.APPLICATION_JSON).content(this.callers.body(body)));
	}

}
