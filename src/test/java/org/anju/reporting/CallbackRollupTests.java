package org.anju.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealCallbacks;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.RoutingRules;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.ApiCallers;
import org.anju.surveys.SatisfactionIndex;
import org.anju.surveys.SatisfactionScore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The callbacks in the dashboard's rollup equal a recount from the appeal timeline after
 * every kind of callback: satisfied ones that close, a dissatisfied one that reopens the
 * appeal and is followed by a second callback, a reopen by hand after a close and its new
 * callback; and a rebuild from the appeals gives the same rows.
 */
@AnjuSpringTest
class CallbackRollupTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	AppealCallbacks callbacks;

	@Autowired
	SatisfactionIndex index;

	@Autowired
	Rollups rollups;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRolledUpCallbacksAreTheTimelinesAfterReopensAndSecondCallbacks() {
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		String admin = callers.adminToken();
		ReportingFixtures fixtures = new ReportingFixtures(callers, admin, this.jdbc);
		AppealFixtures appeals = new AppealFixtures(this.categories, this.rules);
		// under 物业维修, so that its callbacks move the property line's index
		AppealCategory category = appeals
			.subCategory(this.categories.get(RegistryFixtures.COMMUNITY, "PROPERTY_REPAIR"), "PROPERTY");
		fixtures.resolve(fixtures.submit(category.code()), "PROPERTY", "SATISFIED");
		fixtures.resolve(fixtures.submit(category.code()), "PROPERTY", "VERY_SATISFIED");

		long twice = fixtures.submit(category.code());
		fixtures.resolve(twice, "PROPERTY", "DISSATISFIED");
		String version = version(callers, admin, twice);
		version = fixtures.act(twice, version, "accept", Map.of());
		version = fixtures.act(twice, version, "resolve", Map.of("reply", "已返工"));
		fixtures.act(twice, version, "callback", Map.of("satisfaction", "BASICALLY_SATISFIED"));

		long reopened = fixtures.submit(category.code());
		fixtures.resolve(reopened, "PROPERTY", "SATISFIED");
		version = fixtures.act(reopened, version(callers, admin, reopened), "reopen", Map.of("reason", "又坏了"));
		version = fixtures.act(reopened, version, "accept", Map.of());
		version = fixtures.act(reopened, version, "resolve", Map.of("reply", "已更换"));
		fixtures.act(reopened, version, "callback", Map.of("satisfaction", "DISSATISFIED"));

		long closedWithoutCallback = fixtures.submit(category.code());
		version = fixtures.act(closedWithoutCallback, "0", "assign", Map.of("departmentCode", "PROPERTY"));
		version = fixtures.act(closedWithoutCallback, version, "accept", Map.of());
		version = fixtures.act(closedWithoutCallback, version, "resolve", Map.of("reply", "已处理"));
		fixtures.act(closedWithoutCallback, version, "close", Map.of());
		fixtures.awaitRollups();

		LocalDate today = LocalDate.now(WorkingCalendar.ZONE);
		Map<String, Long> recount = recount(category, today);
		assertThat(recount).as("the timeline's callbacks of the scenario")
			.containsExactlyEntriesOf(new TreeMap<>(
					Map.of("BASICALLY_SATISFIED", 1L, "DISSATISFIED", 2L, "SATISFIED", 2L, "VERY_SATISFIED", 1L)));
		assertThat(rolledUp(category, today)).as("the rollup's callbacks are the timeline's").isEqualTo(recount);

		String body = content(callers.perform(bearer(get("/api/v1/dashboard"), admin)));
		SatisfactionScore live = this.index
			.forPeriod(RegistryFixtures.admin(), today.withDayOfMonth(1), DashboardTests.monthEnd())
			.stream()
			.filter((score) -> score.key().equals("PROPERTY"))
			.findFirst()
			.orElseThrow();
		Map<String, Object> line = JsonPath
			.<List<Map<String, Object>>>read(body, "$.satisfactionIndex[?(@.serviceLine == 'PROPERTY')]")
			.get(0);
		assertThat(((Number) line.get("callbacks")).intValue()).as("the dashboard's callbacks are the live count")
			.isEqualTo(live.callbacks())
			.isGreaterThanOrEqualTo(6);
		assertThat(((Number) line.get("index")).doubleValue()).isEqualTo(live.index());

		this.rollups.rebuild(RegistryFixtures.COMMUNITY);
		assertThat(rolledUp(category, today)).as("a rebuild from the appeals gives what the events built")
			.isEqualTo(recount);
	}

	private String version(ApiCallers callers, String admin, long id) {
		return callers.perform(bearer(get("/api/v1/appeals/{id}", id), admin)).getHeader("ETag").replace("\"", "");
	}

	/**
	 * @return the category's callbacks of today by answer, counted from the timeline
	 */
	private Map<String, Long> recount(AppealCategory category, LocalDate today) {
		Instant from = today.atStartOfDay(WorkingCalendar.ZONE).toInstant();
		Map<String, Long> counts = new TreeMap<>();
		this.callbacks
			.counted(RegistryFixtures.COMMUNITY, Set.of(category.code()), from,
					today.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant(), null)
			.forEach((count) -> counts.merge(count.satisfaction().name(), count.count(), Long::sum));
		return counts;
	}

	private Map<String, Long> rolledUp(AppealCategory category, LocalDate today) {
		Map<String, Long> counts = new TreeMap<>();
		this.jdbc.sql("""
				select satisfaction, callbacks from report_callback_day
				where community_id = 1 and day = :day and category_code = :code and callbacks <> 0
				""").param("day", java.sql.Date.valueOf(today)).param("code", category.code()).query((rs) -> {
			counts.put(rs.getString("satisfaction"), rs.getLong("callbacks"));
		});
		return counts;
	}

}
