package org.anju.appeals;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.identity.ApiCallers;
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

/**
 * The Prometheus endpoint: closed to everyone but the configured scraper, and counting
 * what an operator watches of the service loop.
 */
@AnjuSpringTest
class AppealMetricsTests {

	private static final String SCRAPER = "scrape-secret-for-tests";

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	AppealMetrics metrics;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	@BeforeEach
	void callers() {
		this.callers = new ApiCallers(this.mvc, this.json);
	}

	@Test
	void onlyTheScraperWithTheSecretReadsTheMetrics() {
		assertThat(this.callers.perform(get("/actuator/prometheus")).getStatus()).isEqualTo(401);
		assertThat(this.callers.perform(bearer(get("/actuator/prometheus"), "not-the-secret")).getStatus())
			.isEqualTo(401);
		assertThat(this.callers.perform(bearer(get("/actuator/prometheus"), this.callers.adminToken())).getStatus())
			.as("a staff token, even the admin's, is not the scraper's secret")
			.isEqualTo(401);
		assertThat(scrape()).contains("http_server_requests_seconds_bucket");
	}

	@Test
	void anIntakeCountsOnceAndAnAppealPastItsDueTimeCountsAsOverdue() {
		this.metrics.refresh();
		String before = scrape();
		long id = submit();
		this.jdbc.sql("""
				update appeal set due_at = now() - interval '1 hour', warn_at = now() - interval '2 hours'
				where community_id = 1 and id = :id
				""").param("id", id).update();
		this.metrics.refresh();
		String after = scrape();
		try {
			java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/scrape.txt"),
					before + "\n=====AFTER\n" + after);
		}
		catch (Exception e) {
		}

		assertThat(value(after, "anju_appeals_received_total"))

			.isEqualTo(value(before, "anju_appeals_received_total") + 1);
		assertThat(value(after, "anju_appeals_overdue{community=\"1\"}"))
			.isEqualTo(value(before, "anju_appeals_overdue{community=\"1\"}") + 1);
	}

	@Test
	void aRefusedIntakeIsNotCounted() {
		String before = scrape();
		MockHttpServletResponse refused = this.callers
			.perform(bearer(post("/api/v1/appeals"), this.callers.adminToken()).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("categoryCode", "NO_SUCH_CATEGORY", "channel", "PHONE"))));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(value(scrape(), "anju_appeals_received_total"))
			.isEqualTo(value(before, "anju_appeals_received_total"));
	}

	private long submit() {
		MockHttpServletResponse created = this.callers.perform(
				bearer(post("/api/v1/appeals"), this.callers.adminToken()).contentType(MediaType.APPLICATION_JSON)
					.content(this.callers.body(Map.of("caller", Map.of("name", "计数", "phone", "13912345678"),
							"categoryCode", "PROPERTY_REPAIR", "channel", "PHONE", "title", "楼道灯坏了", "description",
							"三单元楼道灯坏了一周"))));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		return ((Number) JsonPath.read(content(created), "$.id")).longValue();
	}

	private String scrape() {
		MockHttpServletResponse response = this.callers.perform(bearer(get("/actuator/prometheus"), SCRAPER));
		assertThat(response.getStatus()).isEqualTo(200);
		return content(response);
	}

	// A series that was never set reads as zero, as Prometheus treats an absent counter.
	private static double value(String scrape, String series) {
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

}
