package org.anju.plans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Plans and incidents written over the API for tests: a plan of one's own (so that tests
 * sharing the database never share a plan), approved or not, and its activation.
 */
final class PlanFixtures {

	private final ApiCallers callers;

	private final String token;

	PlanFixtures(ApiCallers callers, String token) {
		this.callers = callers;
		this.token = token;
	}

	/**
	 * A plan body: each role with its default holder (or none) and steps of the given
	 * minutes, titled by role and minutes.
	 */
	static Map<String, Object> body(String name, Map<String, @Nullable Long> defaults,
			Map<String, List<Integer>> minutes) {
		List<Map<String, Object>> roles = new ArrayList<>();
		for (Map.Entry<String, @Nullable Long> role : defaults.entrySet()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("role", role.getKey());
			entry.put("defaultUserId", role.getValue());
			entry.put("steps",
					minutes.getOrDefault(role.getKey(), List.of(30))
						.stream()
						.map((m) -> Map.of("title", role.getKey() + " 任务 " + m, "minutes", m))
						.toList());
			roles.add(entry);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("nameZh", name);
		body.put("trigger", "5 人以上聚集");
		body.put("warningLevels", List.of("ORANGE", "RED"));
		body.put("warningSubjectTypes", List.of("GROUP"));
		body.put("levels", Map.of("I", "300 人以上", "II", "100 人以上", "III", "30 人以上", "IV", "5 人以上"));
		body.put("roles", roles);
		body.put("contacts", List.of(Map.of("name", "企业总值班室", "phone", "0730-8000110"),
				Map.of("name", "王主任", "unit", "信访办", "phone", "13912345678")));
		body.put("resources", List.of(Map.of("name", "接待室", "quantity", "1 间")));
		return body;
	}

	MockHttpServletResponse create(Map<String, Object> body) {
		return this.callers.perform(bearer(post("/api/v1/plans"), this.token).contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(body)));
	}

	/**
	 * @return the new plan's id, with its first version approved
	 */
	long approvedPlan(Map<String, Object> body) {
		MockHttpServletResponse created = create(body);
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		long id = ((Number) JsonPath.read(content(created), "$.id")).longValue();
		MockHttpServletResponse approved = approve(id, created.getHeader("ETag"));
		assertThat(approved.getStatus()).as(content(approved)).isEqualTo(200);
		return id;
	}

	MockHttpServletResponse approve(long planId, @Nullable String ifMatch) {
		return this.callers.perform(bearer(post("/api/v1/plans/{id}/approve", planId), this.token).header("If-Match",
				String.valueOf(ifMatch)));
	}

	MockHttpServletResponse edit(long planId, String ifMatch, Map<String, Object> body) {
		return this.callers
			.perform(bearer(put("/api/v1/plans/{id}/draft", planId), this.token).header("If-Match", ifMatch)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
	}

	MockHttpServletResponse plan(long planId) {
		return this.callers.perform(bearer(get("/api/v1/plans/{id}", planId), this.token));
	}

	MockHttpServletResponse activate(Map<String, Object> body) {
		return this.callers
			.perform(bearer(post("/api/v1/incidents"), this.token).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
	}

	/**
	 * @return the incident's JSON, as the activation answered it
	 */
	String activated(long planId, boolean drill) {
		MockHttpServletResponse response = activate(Map.of("planId", planId, "level", "II", "drill", drill));
		assertThat(response.getStatus()).as(content(response)).isEqualTo(201);
		return content(response);
	}

	static String unique(String prefix) {
		return RegistryFixtures.unique(prefix);
	}

}
