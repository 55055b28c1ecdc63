package org.anju.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealCallbacks;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealChanged;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.AppealStatistics;
import org.anju.appeals.AppealState;
import org.anju.appeals.AppealStats;
import org.anju.appeals.AppealSubmitted;
import org.anju.appeals.RoutingRules;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.surveys.SatisfactionIndex;
import org.anju.surveys.SatisfactionScore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The leader dashboard: its figures follow the appeals as events come in, agree with the
 * ledger's statistics that scan the appeals, come out the same from a rebuild, count a
 * replayed event once, count the callbacks the timeline holds, refuse bad periods field
 * by field and are the leaders' alone.
 */
@AnjuSpringTest
class DashboardTests {

	static final LocalDate TODAY = LocalDate.now(WorkingCalendar.ZONE);

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	AppealStatistics statistics;

	@Autowired
	AppealRollupQueue queue;

	@Autowired
	Rollups rollups;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	AppealCallbacks callbacks;

	@Autowired
	SatisfactionIndex index;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	ApiCallers callers;

	String admin;

	ReportingFixtures fixtures;

	@BeforeEach
	void callers() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.fixtures = new ReportingFixtures(this.callers, this.admin, this.jdbc);
	}

	@Test
	void theFiguresFollowTheLoopAgreeWithTheLedgerAndComeOutTheSameFromARebuild() {
		AppealCategory category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");
		long satisfied = this.fixtures.submit(category.code());
		long dissatisfied = this.fixtures.submit(category.code());
		this.fixtures.submit(category.code());
		this.fixtures.resolve(satisfied, "PROPERTY", "SATISFIED");
		String version = this.fixtures.act(dissatisfied, "0", "assign", Map.of("departmentCode", "PROPERTY"));
		version = this.fixtures.act(dissatisfied, version, "accept", Map.of());
		version = this.fixtures.act(dissatisfied, version, "resolve", Map.of("reply", "已处理"));
		this.fixtures.act(dissatisfied, version, "close", Map.of());

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<String, Object> bucket = bucket(dashboard(this.admin), category.code());
			assertThat(bucket).containsEntry("count", 3)
				.containsEntry("resolved", 2)
				.containsEntry("resolvedOnTime", 2)
				.containsEntry("rated", 1)
				.containsEntry("satisfied", 1)
				.containsEntry("satisfactionRate", 1.0)
				.containsEntry("onTimeRate", 1.0);
		});
		this.fixtures.awaitRollups();
		String before = dashboard(this.admin);
		AppealStats.Line ledger = this.statistics
			.figures(RegistryFixtures.admin(), TODAY.withDayOfMonth(1), monthEnd(), AppealStats.By.CATEGORY)
			.total();
		assertThat(List.of(read(before, "$.appeals.received"), read(before, "$.appeals.resolved"),
				read(before, "$.appeals.resolvedOnTime"), read(before, "$.appeals.rated"),
				read(before, "$.appeals.satisfied")))
			.as("the rollup's figures are the ledger's, which scans the appeals")
			.containsExactly(ledger.received(), ledger.resolved(), ledger.resolvedOnTime(), ledger.rated(),
					ledger.satisfied());
		assertThat(read(before, "$.appeals.thisMonth")).isEqualTo(ledger.received());
		assertThat(read(before, "$.appeals.today")).isGreaterThanOrEqualTo(3);
		List<Map<String, Object>> trend = JsonPath.read(before, "$.appeals.trend");
		assertThat(trend).hasSize(TODAY.lengthOfMonth());
		assertThat(trend.stream().mapToLong((day) -> ((Number) day.get("received")).longValue()).sum())
			.isEqualTo(ledger.received());

		List<Map<String, Object>> rowsBefore = rollupRows();
		this.rollups.rebuild(RegistryFixtures.COMMUNITY);
		assertThat(rollupRows()).as("a rebuild from the source gives the rows the events built").isEqualTo(rowsBefore);
		assertThat(dashboard(this.admin)).isEqualTo(before);
	}

	@Test
	void theStabilityCareResponsibilityAndSatisfactionSectionsComeFromTheirModules() {
		String body = dashboard(this.admin);
		for (String level : List.of("BLUE", "YELLOW", "ORANGE", "RED")) {
			assertThat(read(body, "$.warnings." + level)).as("open %s warnings", level)
				.isEqualTo(this.jdbc
					.sql("select count(*) from warning where community_id = 1 and level = :l and state <> 'CLOSED'")
					.param("l", level)
					.query(Long.class)
					.single());
		}
		assertThat((Object) JsonPath.read(body, "$.coverage.percent")).isNotNull();
		assertThat(read(body, "$.visits.entries")).isGreaterThanOrEqualTo(read(body, "$.visits.visited"));
		assertThat((List<String>) JsonPath.read(body, "$.satisfactionIndex[*].serviceLine")).contains("CANTEEN");
	}

	@Test
	void anEventSeenTwiceOrLateCountsOnce() {
		AppealCategory category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");
		long id = this.fixtures.submit(category.code());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(bucket(dashboard(this.admin), category.code())).containsEntry("count", 1));
		AppealSubmitted replay = new AppealSubmitted(RegistryFixtures.COMMUNITY, id, null, category.code(), Set.of(),
				java.time.Instant.now(), null);
		this.queue.on(replay);
		this.queue.on(replay);
		String version = this.fixtures.act(id, "0", "assign", Map.of("departmentCode", "PROPERTY"));
		this.fixtures.act(id, version, "accept", Map.of());
		this.fixtures.awaitRollups();
		// the late submission event after the steps still reads the appeal as it is now
		this.queue.on(replay);
		this.fixtures.awaitRollups();

		Map<String, Object> bucket = bucket(dashboard(this.admin), category.code());
		assertThat(bucket).containsEntry("count", 1).containsEntry("resolved", 0);
		long rows = this.jdbc.sql(
				"select count(*) from report_appeal_day where community_id = 1 and dimension = 'CATEGORY' and key = :k")
			.param("k", category.code())
			.query(Long.class)
			.single();
		assertThat(rows).isEqualTo(1);
	}

	/**
	 * A change still open while a refresh runs is taken in once it commits: the refresh
	 * passes over the mark the change holds instead of reading facts the change has not
	 * committed yet (with the mark merged into a waiting one without a lock, the change
	 * would be lost until the appeal next changed).
	 */
	@Test
	void aChangeStillOpenWhileARefreshRunsIsTakenInOnceItCommits() throws Exception {
		AppealCategory category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");
		long id = this.fixtures.submit(category.code());
		this.fixtures.awaitRollups();
		String before = storedDepartment(id);
		String after = "CANTEEN".equals(before) ? "SANITATION" : "CANTEEN";
		// a mark still waiting from an earlier change
		this.jdbc.sql("insert into report_appeal_dirty (community_id, appeal_id) values (1, :id)")
			.param("id", id)
			.update();
		CountDownLatch marked = new CountDownLatch(1);
		CountDownLatch refreshed = new CountDownLatch(1);
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<?> change = thread.submit(() -> this.transaction.executeWithoutResult((status) -> {
				long version = this.jdbc.sql("""
						update appeal set department_code = :d, version = version + 1
						where community_id = 1 and id = :id returning version
						""").param("d", after).param("id", id).query(Long.class).single();
				this.queue.on(new AppealChanged(RegistryFixtures.COMMUNITY, id, "transfer", AppealState.ASSIGNED, after,
						null, version));
				marked.countDown();
				await().atMost(Duration.ofSeconds(20)).until(() -> refreshed.getCount() == 0);
			}));
			assertThat(marked.await(20, TimeUnit.SECONDS)).isTrue();
			this.queue.refreshAll();
			refreshed.countDown();
			change.get(20, TimeUnit.SECONDS);
		}
		finally {
			thread.shutdownNow();
		}
		this.fixtures.awaitRollups();
		assertThat(storedDepartment(id)).isEqualTo(after);
	}

	private String storedDepartment(long appealId) {
		return this.jdbc
			.sql("select coalesce(department_code, '') from report_appeal where community_id = 1 and appeal_id = :id")
			.param("id", appealId)
			.query(String.class)
			.single();
	}

	/**
	 * Satisfied callbacks that close, a dissatisfied one that reopens its appeal followed
	 * by a second callback, a reopen by hand after a close and its new callback, and a
	 * close without one: the rollup counts what the timeline holds, before and after a
	 * rebuild.
	 */
	@Test
	void theRolledUpCallbacksAreTheTimelinesAfterReopensAndSecondCallbacks() {
		AppealFixtures appeals = new AppealFixtures(this.categories, this.rules);
		// under 物业维修, so that its callbacks move the property line's index
		AppealCategory category = appeals
			.subCategory(this.categories.get(RegistryFixtures.COMMUNITY, "PROPERTY_REPAIR"), "PROPERTY");
		this.fixtures.resolve(this.fixtures.submit(category.code()), "PROPERTY", "SATISFIED");
		this.fixtures.resolve(this.fixtures.submit(category.code()), "PROPERTY", "VERY_SATISFIED");

		long twice = this.fixtures.submit(category.code());
		this.fixtures.resolve(twice, "PROPERTY", "DISSATISFIED");
		String version = version(twice);
		version = this.fixtures.act(twice, version, "accept", Map.of());
		version = this.fixtures.act(twice, version, "resolve", Map.of("reply", "已返工"));
		this.fixtures.act(twice, version, "callback", Map.of("satisfaction", "BASICALLY_SATISFIED"));

		long reopened = this.fixtures.submit(category.code());
		this.fixtures.resolve(reopened, "PROPERTY", "SATISFIED");
		version = this.fixtures.act(reopened, version(reopened), "reopen", Map.of("reason", "又坏了"));
		version = this.fixtures.act(reopened, version, "accept", Map.of());
		version = this.fixtures.act(reopened, version, "resolve", Map.of("reply", "已更换"));
		this.fixtures.act(reopened, version, "callback", Map.of("satisfaction", "DISSATISFIED"));

		long closedWithoutCallback = this.fixtures.submit(category.code());
		version = this.fixtures.act(closedWithoutCallback, "0", "assign", Map.of("departmentCode", "PROPERTY"));
		version = this.fixtures.act(closedWithoutCallback, version, "accept", Map.of());
		version = this.fixtures.act(closedWithoutCallback, version, "resolve", Map.of("reply", "已处理"));
		this.fixtures.act(closedWithoutCallback, version, "close", Map.of());
		this.fixtures.awaitRollups();

		Map<String, Long> recount = recount(category, TODAY);
		assertThat(recount).as("the timeline's callbacks of the scenario")
			.containsExactlyEntriesOf(new TreeMap<>(
					Map.of("BASICALLY_SATISFIED", 1L, "DISSATISFIED", 2L, "SATISFIED", 2L, "VERY_SATISFIED", 1L)));
		assertThat(rolledUp(category, TODAY)).as("the rollup's callbacks are the timeline's").isEqualTo(recount);

		String body = content(this.callers.perform(bearer(get("/api/v1/dashboard"), this.admin)));
		SatisfactionScore live = this.index.forPeriod(RegistryFixtures.admin(), TODAY.withDayOfMonth(1), monthEnd())
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
		assertThat(rolledUp(category, TODAY)).as("a rebuild from the appeals gives what the events built")
			.isEqualTo(recount);
	}

	private String version(long id) {
		return this.callers.perform(bearer(get("/api/v1/appeals/{id}", id), this.admin))
			.getHeader("ETag")
			.replace("\"", "");
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

	@Test
	void aPeriodThatCannotBeUsedIsRefusedFieldByField() {
		MockHttpServletResponse notDates = this.callers
			.perform(bearer(get("/api/v1/dashboard?from=2026-13-01&to=yesterday"), this.admin));
		assertThat(notDates.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(notDates), "$.errors[*].field")).containsExactly("from", "to");
		assertThat((String) JsonPath.read(content(notDates), "$.errors[0].message")).contains("2026-13-01")
			.contains("YYYY-MM-DD");

		MockHttpServletResponse backwards = this.callers
			.perform(bearer(get("/api/v1/dashboard?from=2026-11-02&to=2026-11-01"), this.admin));
		assertThat(backwards.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(content(backwards), "$.errors[0].field")).isEqualTo("from");
		assertThat((String) JsonPath.read(content(backwards), "$.errors[0].message")).contains("晚于");

		MockHttpServletResponse tooLong = this.callers
			.perform(bearer(get("/api/v1/dashboard"), this.admin).param("from", "2025-01-01")
				.param("to", "2026-01-02")
				.header("Accept-Language", "en"));
		assertThat(tooLong.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(content(tooLong), "$.errors[0].field")).isEqualTo("to");
		assertThat((String) JsonPath.read(content(tooLong), "$.errors[0].message")).contains("366 days");

		assertThat(this.callers.perform(bearer(get("/api/v1/dashboard?from=2025-01-01&to=2025-12-31"), this.admin))
			.getStatus()).as("a year of 365 days is within the limit").isEqualTo(200);
	}

	@Test
	void onlyLeadersAndAdminsSeeTheCommunitysDashboard() {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		RegistryFixtures.Street street = registry.street();
		UserAccount gridWorker = registry.user(Role.GRID_WORKER, Set.of(street.grid().id()), null, null);
		UserAccount staff = registry.user(Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY", null);
		UserAccount leader = registry.user(Role.LEADER, Set.of(), null, null);

		assertThat(status(this.callers.firstLogin(gridWorker, RegistryFixtures.FIRST_PASSWORD))).isEqualTo(403);
		assertThat(status(this.callers.firstLogin(staff, RegistryFixtures.FIRST_PASSWORD))).isEqualTo(403);
		assertThat(status(this.callers.firstLogin(leader, RegistryFixtures.FIRST_PASSWORD))).isEqualTo(200);
		assertThat(this.callers.perform(get("/api/v1/dashboard")).getStatus()).isEqualTo(401);
		assertThat(this.callers
			.perform(bearer(post("/api/v1/dashboard/rebuild"),
					this.callers.firstLogin(registry.user(Role.LEADER, Set.of(), null, null),
							RegistryFixtures.FIRST_PASSWORD)))
			.getStatus()).as("a rebuild is an administrator's").isEqualTo(403);
	}

	private int status(String token) {
		return this.callers.perform(bearer(get("/api/v1/dashboard"), token)).getStatus();
	}

	private List<Map<String, Object>> rollupRows() {
		return this.jdbc
			.sql("""
					select 'day' as t, day::text as a, dimension as b, key as c,
					       array[received, resolved, resolved_on_time, rated, satisfied, overdue]::text as v
					from report_appeal_day where community_id = 1
					union all
					select 'conflict', case_id::text, level, state, registered_day::text from report_conflict
					where community_id = 1
					union all
					select 'screening', round_id::text, grid_id::text, period, deadline::text || reported::text || late::text
					from report_screening where community_id = 1
					union all
					select 'callback', day::text, category_code, satisfaction, callbacks::text from report_callback_day
					where community_id = 1 and callbacks <> 0
					order by 1, 2, 3, 4
					""")
			.query()
			.listOfRows();
	}

	static LocalDate monthEnd() {
		return TODAY.withDayOfMonth(TODAY.lengthOfMonth());
	}

	private String dashboard(String token) {
		MockHttpServletResponse response = this.callers.perform(bearer(get("/api/v1/dashboard"), token));
		assertThat(response.getStatus()).as(content(response)).isEqualTo(200);
		return content(response);
	}

	private static long read(String body, String path) {
		return ((Number) JsonPath.read(body, path)).longValue();
	}

	private static Map<String, Object> bucket(String body, String code) {
		List<Map<String, Object>> buckets = JsonPath.read(body, "$.appeals.byCategory[?(@.code == '" + code + "')]");
		assertThat(buckets).hasSize(1);
		return buckets.get(0);
	}

}
