package org.anju.identity;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Signs callers in over the API the way a program does: a token for a username and
 * password, and the first login's forced password change.
 */
public final class ApiCallers {

	/** The administrator's password in the test configuration. */
	public static final String ADMIN_PASSWORD = "Admin-Pass-2026";

	/** What the fixtures' accounts change their first password to. */
	public static final String OWN_PASSWORD = "Own-Pass-2027";

	private final MockMvc mvc;

	private final ObjectMapper json;

	public ApiCallers(MockMvc mvc, ObjectMapper json) {
		this.mvc = mvc;
		this.json = json;
	}

	public String adminToken() {
		return token("admin", ADMIN_PASSWORD);
	}

	/**
	 * @return a bearer token
	 * @throws AssertionError unless the API issued one
	 */
	public String token(String username, String password) {
		MockHttpServletResponse response = tokenResponse(username, password);
		assertThat(response.getStatus()).as("token for %s", username).isEqualTo(200);
		return JsonPath.read(content(response), "$.token");
	}

	public MockHttpServletResponse tokenResponse(String username, String password) {
		return perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
			.content(body(Map.of("username", username, "password", password))));
	}

	/**
	 * Signs in with the first password an administrator set, changes it as the API
	 * demands, and returns the token, which works from then on.
	 */
	public String firstLogin(UserAccount account, String firstPassword) {
		return firstLogin(account.username(), firstPassword);
	}

	/**
	 * As {@link #firstLogin(UserAccount, String)}, for a resident, whose account shows
	 * their login name masked.
	 */
	public String firstLogin(String username, String firstPassword) {
		String token = token(username, firstPassword);
		MockHttpServletResponse changed = perform(
				bearer(post("/api/v1/auth/password"), token).contentType(MediaType.APPLICATION_JSON)
					.content(body(Map.of("currentPassword", firstPassword, "newPassword", OWN_PASSWORD))));
		assertThat(changed.getStatus()).as("password change of %s", username).isEqualTo(204);
		return token;
	}

	public static MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request, String token) {
		return request.header("Authorization", "Bearer " + token);
	}

	public String body(Object value) {
		return this.json.writeValueAsString(value);
	}

	public MockHttpServletResponse perform(MockHttpServletRequestBuilder request) {
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String content(MockHttpServletResponse response) {
		try {
			return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
