package org.anju.identity;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

/**
 * A resident's portal account: named by their own mobile, one per mobile and per person,
 * opened only for someone with a mobile, its first password changed before anything else,
 * and its number masked wherever the account is shown or audited.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentAccountTests {

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

	RegistryFixtures registry;

	ApiCallers callers;

	Street street;

	String admin;

	@BeforeAll
	void setUp() {
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.callers = new ApiCallers(this.mvc, this.json);
		this.street = this.registry.street();
		this.admin = this.callers.adminToken();
	}

	@Test
	void aResidentAccountTakesThePersonsMobileAsItsUsernameAndShowsItMasked() {
		String mobile = RegistryFixtures.mobile();
		Person person = withPhone(mobile);

		MockHttpServletResponse created = open(
				Map.of("role", "RESIDENT", "personId", person.id(), "password", RegistryFixtures.FIRST_PASSWORD));

		assertThat(created.getStatus()).isEqualTo(201);
		String body = content(created);
		String masked = mobile.substring(0, 3) + "****" + mobile.substring(7);
		assertThat((String) JsonPath.read(body, "$.username")).isEqualTo(masked);
		assertThat((String) JsonPath.read(body, "$.displayName")).isEqualTo(person.name());
		assertThat((Boolean) JsonPath.read(body, "$.mustChangePassword")).isTrue();
		assertThat(content(this.callers.perform(bearer(get("/api/v1/users"), this.admin)))).contains(masked)
			.doesNotContain(mobile);

		// the resident signs in with the number as people type it, and must change the
		// password first
		String token = this.callers.token("+86 " + mobile.substring(0, 3) + " " + mobile.substring(3), "Start-Pass-1");
		assertThat(this.callers.perform(bearer(get("/api/v1/appeals"), token)).getStatus()).isEqualTo(403);
		MockHttpServletResponse me = this.callers.perform(bearer(get("/api/v1/auth/me"), token));
		assertThat(content(me)).contains(masked).doesNotContain(mobile);
		this.callers.firstLogin(mobile, RegistryFixtures.FIRST_PASSWORD);

		assertThat(this.jdbc
			.sql("select count(*) from audit_event where actor = :m or subject_id = :m or detail::text like :like")
			.param("m", mobile)
			.param("like", "%" + mobile + "%")
			.query(Long.class)
			.single()).as("audit rows carrying the full number").isZero();
		assertThat(this.jdbc.sql("select count(*) from audit_event where actor = :masked and action = 'LOGIN'")
			.param("masked", masked)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void oneMobileOpensOneResidentAccountAndOnePersonHasOne() {
		String mobile = RegistryFixtures.mobile();
		Person first = withPhone(mobile);
		Person sharing = withPhone(mobile);
		assertThat(open(resident(first)).getStatus()).isEqualTo(201);

		MockHttpServletResponse again = open(resident(first));
		MockHttpServletResponse sameMobile = open(resident(sharing));

		assertThat(again.getStatus()).isEqualTo(422);
		assertThat(content(again)).contains("\"personId\"");
		assertThat(sameMobile.getStatus()).isEqualTo(422);
		assertThat(content(sameMobile)).contains("一个手机号只能开通一个居民账户").doesNotContain(mobile);
	}

	@Test
	void aPersonWithoutAMobileOfTheirOwnGetsNoAccountButAClearAnswer() {
		Person landline = withPhone("0730-8123456");
		Person none = withPhone(null);

		for (Person person : new Person[] { landline, none }) {
			MockHttpServletResponse refused = this.callers
				.perform(bearer(post("/api/v1/users"), this.admin).contentType(MediaType.APPLICATION_JSON)
					.header("Accept-Language", "en")
					.content(this.callers.body(resident(person))));
			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat((String) JsonPath.read(content(refused), "$.errors[0].field")).isEqualTo("personId");
			assertThat((String) JsonPath.read(content(refused), "$.errors[0].message"))
				.contains("no mobile number of their own");
		}
	}

	@Test
	void aUsernameGivenForAResidentMustBeTheirMobile() {
		String mobile = RegistryFixtures.mobile();
		Person person = withPhone(mobile);

		MockHttpServletResponse other = open(Map.of("role", "RESIDENT", "personId", person.id(), "username", "zhangsan",
				"password", RegistryFixtures.FIRST_PASSWORD));
		assertThat(other.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(content(other), "$.errors[0].field")).isEqualTo("username");

		MockHttpServletResponse same = open(Map.of("role", "RESIDENT", "personId", person.id(), "username", mobile,
				"password", RegistryFixtures.FIRST_PASSWORD));
		assertThat(same.getStatus()).isEqualTo(201);
	}

	@Test
	void aResidentAccountStaysAResidentAccountAndStaffResetItsPassword() {
		Person person = withPhone(RegistryFixtures.mobile());
		UserAccount account = this.registry.user(Role.RESIDENT, java.util.Set.of(), null, person.id());

		MockHttpServletResponse promoted = this.callers
			.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/v1/users/{id}", account.id()), this.admin).header("If-Match", account.version())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("displayName", "x", "role", "LEADER"))));
		assertThat(promoted.getStatus()).isEqualTo(422);

		MockHttpServletResponse reset = this.callers
			.perform(bearer(post("/api/v1/users/{id}/password", account.id()), this.admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("password", "Reset-Pass-9"))));
		assertThat(reset.getStatus()).isEqualTo(200);
		assertThat(this.callers.tokenResponse(this.registry.loginName(account), "Reset-Pass-9").getStatus())
			.isEqualTo(200);
		assertThat(this.users.get(RegistryFixtures.COMMUNITY, account.id()).mustChangePassword()).isTrue();
	}

	private MockHttpServletResponse open(Map<String, ?> body) {
		return this.callers.perform(bearer(post("/api/v1/users"), this.admin).contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(body)));
	}

	private static Map<String, Object> resident(Person person) {
		return Map.of("role", "RESIDENT", "personId", person.id(), "password", RegistryFixtures.FIRST_PASSWORD);
	}

	private Person withPhone(String phone) {
		PersonForm form = RegistryFixtures.form(this.street.room().id());
		return this.registry.person(new PersonForm(form.name(), form.idNumber(), phone, form.roomId(),
				form.groupCodes(), form.householdRelation(), form.formerUnit(), form.notes()));
	}

}
