package org.anju.reporting;

import java.time.Duration;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.anju.identity.ApiCallers;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Appeals taken in and moved along over the API as an administrator, and a wait for the
 * rollups to take in their events.
 */
record ReportingFixtures(ApiCallers callers, String admin, JdbcClient jdbc) {

	long submit(String categoryCode) {
		MockHttpServletResponse created = this.callers
			.perform(bearer(post("/api/v1/appeals"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers
					.body(Map.of("caller", Map.of("name", "驾驶舱", "phone", "13912345678"), "categoryCode", categoryCode,
							"channel", "PHONE", "title", "楼道灯坏了", "description", "三单元楼道灯坏了一周"))));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		return ((Number) JsonPath.read(content(created), "$.id")).longValue();
	}

	/**
	 * @return the appeal's version after the step
	 */
	String act(long id, String version, String action, Map<String, Object> body) {
		MockHttpServletResponse response = this.callers
			.perform(bearer(post("/api/v1/appeals/{id}/{action}", id, action), this.admin).header("If-Match", version)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
		assertThat(response.getStatus()).as(action + ": " + content(response)).isEqualTo(200);
		return response.getHeader("ETag").replace("\"", "");
	}

	/**
	 * Takes an appeal from intake to a callback with the given satisfaction.
	 */
	void resolve(long id, String departmentCode, String satisfaction) {
		String version = act(id, "0", "assign", Map.of("departmentCode", departmentCode));
		version = act(id, version, "accept", Map.of());
		version = act(id, version, "resolve", Map.of("reply", "已处理"));
		act(id, version, "callback", Map.of("satisfaction", satisfaction));
	}

	/**
	 * Waits until the rollups have taken in every appeal marked and every event published
	 * so far (a batch being taken in keeps its marks until it commits).
	 */
	void awaitRollups() {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.sql("""
				select (select count(*) from report_appeal_dirty)
				     + (select count(*) from event_publication
				        where completion_date is null and listener_id like '%RollupListeners%')
				""").query(Long.class).single() == 0);
	}

}
