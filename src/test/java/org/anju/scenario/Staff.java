package org.anju.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.RequestOptions;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;

/**
 * The office's side of a journey, over the API with the administrator's token, from the
 * browser context's own request client (so that it reaches the server under test).
 */
final class Staff {

	private final APIRequestContext http;

	private final String token;

	Staff(APIRequestContext http) {
		this.http = http;
		APIResponse issued = http.post("/api/v1/auth/token",
				RequestOptions.create().setData(Map.of("username", "admin", "password", ApiCallers.ADMIN_PASSWORD)));
		Assertions.assertThat(issued.status()).isEqualTo(200);
		this.token = JsonPath.read(issued.text(), "$.token");
	}

	/**
	 * An account that staff opened, past its first login: it has the password given here,
	 * so that a journey signs in on the console's login page and lands on the console.
	 * @return the account as opened
	 */
	static UserAccount withOwnPassword(UserManagement users, UserAccount opened, String password) {
		users.changeOwnPassword(
				new CurrentUser(RegistryFixtures.COMMUNITY.value(), opened.id(), opened.username(),
						opened.displayName(), opened.role(), opened.gridIds(), opened.departmentCode(), null, true),
				RegistryFixtures.FIRST_PASSWORD, password);
		return opened;
	}

	APIResponse get(String path) {
		return this.http.get(path, RequestOptions.create().setHeader("Authorization", "Bearer " + this.token));
	}

	APIResponse post(String path, Map<String, ?> body) {
		return post(path, null, body);
	}

	APIResponse post(String path, @Nullable String ifMatch, Map<String, ?> body) {
		RequestOptions request = RequestOptions.create()
			.setHeader("Authorization", "Bearer " + this.token)
			.setData(body);
		return this.http.post(path, (ifMatch != null) ? request.setHeader("If-Match", ifMatch) : request);
	}

	/**
	 * @return the appeal's new version
	 */
	String act(long id, String version, String action, Map<String, ?> body) {
		APIResponse done = post("/api/v1/appeals/" + id + "/" + action, version, body);
		Assertions.assertThat(done.status())
			.as(action + ": " + new String(done.body(), StandardCharsets.UTF_8))
			.isEqualTo(200);
		return JsonPath.read(done.text(), "$.version").toString();
	}

}
