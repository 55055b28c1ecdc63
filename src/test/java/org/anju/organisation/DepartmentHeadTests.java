package org.anju.organisation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A department's head is appointed by those who manage accounts, must be an account of
 * the community, and can be removed again.
 */
@AnjuSpringTest
class DepartmentHeadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Autowired
	Departments departments;

	ApiCallers callers;

	RegistryFixtures registry;

	@BeforeEach
	void callers() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.registry = new RegistryFixtures(this.places, null, this.users);
	}

	@Test
	void anAdministratorAppointsAndRemovesTheHead() {
		UserAccount head = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "CANTEEN", null);
		String admin = this.callers.adminToken();

		MockHttpServletResponse appointed = appoint(admin, "CANTEEN", Map.of("userId", head.id()));
		assertThat(appointed.getStatus()).as(content(appointed)).isEqualTo(204);
		assertThat(this.departments.head(RegistryFixtures.COMMUNITY, "CANTEEN")).contains(head.id());

		HashMap<String, Object> none = new HashMap<>();
		none.put("userId", null);
		assertThat(appoint(admin, "CANTEEN", none).getStatus()).isEqualTo(204);
		assertThat(this.departments.head(RegistryFixtures.COMMUNITY, "CANTEEN")).isEmpty();
	}

	@Test
	void anUnknownAccountOrDepartmentIsRefusedAndOnlyAccountManagersAppoint() {
		String admin = this.callers.adminToken();
		UserAccount staff = this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "CANTEEN", null);
		String staffToken = this.callers.firstLogin(staff, RegistryFixtures.FIRST_PASSWORD);

		MockHttpServletResponse unknownUser = appoint(admin, "CANTEEN", Map.of("userId", 987_654_321L));
		MockHttpServletResponse unknownDepartment = appoint(admin, "NO_SUCH_DEPARTMENT", Map.of("userId", staff.id()));
		MockHttpServletResponse refused = appoint(staffToken, "CANTEEN", Map.of("userId", staff.id()));

		assertThat(unknownUser.getStatus()).isEqualTo(422);
		assertThat(JsonPath.<String>read(content(unknownUser), "$.errors[0].field")).isEqualTo("userId");
		assertThat(JsonPath.<String>read(content(unknownUser), "$.errors[0].message")).isEqualTo("用户 987654321 不存在。");
		assertThat(unknownDepartment.getStatus()).isEqualTo(404);
		assertThat(refused.getStatus()).isEqualTo(403);
	}

	private MockHttpServletResponse appoint(String token, String code, Map<String, ?> body) {
		return this.callers
			.perform(bearer(put("/api/v1/departments/{code}/head", code), token).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
	}

}
