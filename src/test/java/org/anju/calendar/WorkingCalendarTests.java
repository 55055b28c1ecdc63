package org.anju.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The calendar on the real database, over the API and in the console. The tests share the
 * database with every other test, so each one that writes takes a year of its own far in
 * the future and leaves 2026, which everyone counts on, alone.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingCalendarTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	WorkingCalendar calendar;

	@Autowired
	UserManagement users;

	@Autowired
	PlaceManagement places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	ApiCallers callers;

	String admin;

	String leader;

	UserAccount leaderAccount;

	@BeforeAll
	void signIn() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.leaderAccount = new RegistryFixtures(this.places, null, this.users).user(Role.LEADER, Set.of(), null,
				null);
		this.leader = this.callers.firstLogin(this.leaderAccount, RegistryFixtures.FIRST_PASSWORD);
	}

	@Test
	void theSeeded2026IsTheStateCouncilsSchedule() {
		assertThat(this.calendar.year(2026)).isEqualTo(CalendarFixtures.year2026());
		assertThat(this.calendar.dueAt(Instant.parse("2026-09-30T02:00:00Z"), 5))
			.isEqualTo(Instant.parse("2026-10-13T16:00:00Z"));
	}

	@Test
	void anyoneSignedInReadsAYearAsJson() {
		MockHttpServletResponse response = this.callers.perform(bearer(get("/api/v1/calendar/2026"), this.leader));

		assertThat(response.getStatus()).isEqualTo(200);
		String body = content(response);
		assertThat((Integer) JsonPath.read(body, "$.year")).isEqualTo(2026);
		assertThat((Boolean) JsonPath.read(body, "$.published")).isTrue();
		assertThat((List<?>) JsonPath.read(body, "$.days")).hasSize(39);
		assertThat((Map<String, Object>) JsonPath.read(body, "$.days[0]"))
			.isEqualTo(Map.of("date", "2026-01-01", "kind", "HOLIDAY", "name", "元旦"));
		assertThat((List<String>) JsonPath.read(body, "$.days[?(@.date == '2026-10-10')].kind"))
			.containsExactly("MAKEUP_WORKDAY");
	}

	@Test
	void aYearNobodyFilledInIsUnpublishedAndEmpty() {
		MockHttpServletResponse response = this.callers.perform(bearer(get("/api/v1/calendar/2099"), this.leader));

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(content(response), "$.published")).isFalse();
		assertThat((List<?>) JsonPath.read(content(response), "$.days")).isEmpty();
	}

	@Test
	void anAdministratorReplacesAYearWholeAndEveryoneCountsOnItAtOnce() {
		// Thu 2091-03-01 and Fri 2091-03-02 are working days while the year is empty
		LocalDate thursday = LocalDate.of(2091, 3, 1);
		assertThat(this.calendar.isWorkingDay(thursday)).isTrue();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2091, 3, 3))).as("a Saturday").isFalse();

		MockHttpServletResponse first = putYear(2091, this.admin,
				Map.of("year", 2091, "published", true, "days", List.of(day("2091-03-01", "HOLIDAY", " 测试节 "),
						day("2091-03-02", "HOLIDAY", "测试节"), day("2091-03-03", "MAKEUP_WORKDAY", "测试节"))));

		assertThat(first.getStatus()).isEqualTo(200);
		assertThat((String) JsonPath.read(content(first), "$.days[0].name")).isEqualTo("测试节");
		assertThat(this.calendar.isWorkingDay(thursday)).isFalse();
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2091, 3, 3))).isTrue();
		assertThat(this.calendar.addWorkingDays(LocalDate.of(2091, 2, 28), 1)).isEqualTo(LocalDate.of(2091, 3, 3));

		MockHttpServletResponse second = putYear(2091, this.admin,
				Map.of("days", List.of(day("2091-12-31", "HOLIDAY", "跨年"))));

		assertThat(second.getStatus()).isEqualTo(200);
		assertThat(this.calendar.year(2091).days())
			.containsExactly(new CalendarDay(LocalDate.of(2091, 12, 31), DayKind.HOLIDAY, "跨年"));
		assertThat(this.calendar.isWorkingDay(thursday)).isTrue();
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where community_id = 1 and action = 'CALENDAR_YEAR_REPLACED' and subject_type = 'CALENDAR_YEAR'
				  and subject_id = '2091' and actor = 'admin'
				""").query(Integer.class).single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select updated_by from calendar_year where year = 2091").query(String.class).single())
			.isEqualTo("admin");
	}

	@Test
	void aReplacementNamesTheVersionItStartedFromAndAStaleOneChangesNothing() {
		Map<String, ?> first = Map.of("days", List.of(day("2089-05-01", "HOLIDAY", "劳动节")));
		assertThat(version(2089)).as("a year nobody filled in").isZero();

		MockHttpServletResponse without = putYear(2089, this.admin, null, first);
		assertThat(without.getStatus()).isEqualTo(428);
		MockHttpServletResponse unreadable = putYear(2089, this.admin, "seven", first);
		assertThat(unreadable.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(unreadable), "$.errors[*].field")).containsExactly("If-Match");
		assertThat(this.calendar.year(2089)).isEqualTo(YearSchedule.unpublished(2089));

		MockHttpServletResponse created = putYear(2089, this.admin, "\"0\"", first);
		assertThat(created.getStatus()).isEqualTo(200);
		long version = ((Number) JsonPath.read(content(created), "$.version")).longValue();
		assertThat(created.getHeader("ETag")).isEqualTo("\"" + version + "\"");
		assertThat(version).isNotZero().isEqualTo(version(2089));

		// a second editor who also started from the empty year is too late
		MockHttpServletResponse late = putYear(2089, this.admin, "0",
				Map.of("days", List.of(day("2089-10-01", "HOLIDAY", "国庆节"))));
		assertThat(late.getStatus()).isEqualTo(412);
		assertThat(((Number) JsonPath.read(content(late), "$.currentVersion")).longValue()).isEqualTo(version);

		MockHttpServletResponse next = putYear(2089, this.admin, String.valueOf(version),
				Map.of("days", List.of(day("2089-05-02", "HOLIDAY", "劳动节"))));
		assertThat(next.getStatus()).isEqualTo(200);
		assertThat(((Number) JsonPath.read(content(next), "$.version")).longValue()).isNotEqualTo(version);
		MockHttpServletResponse stale = putYear(2089, this.admin, "W/\"" + version + "\"", first);
		assertThat(stale.getStatus()).isEqualTo(412);
		assertThat(this.calendar.year(2089).days())
			.containsExactly(new CalendarDay(LocalDate.of(2089, 5, 2), DayKind.HOLIDAY, "劳动节"));
		assertThat(auditRows(2089)).isEqualTo(2);
	}

	@Test
	void ofTwoConcurrentReplacementsFromOneVersionOnlyTheFirstIsWritten() throws Exception {
		CurrentUser admin = RegistryFixtures.admin();
		long start = this.calendar.replaceYear(admin, 2087, 0, schedule(2087, "2087-05-01")).version();
		CountDownLatch firstWrote = new CountDownLatch(1);
		CountDownLatch firstMayCommit = new CountDownLatch(1);
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<VersionedYear> first = threads.submit(() -> transaction.execute((status) -> {
				VersionedYear written = this.calendar.replaceYear(admin, 2087, start, schedule(2087, "2087-05-02"));
				firstWrote.countDown();
				await(firstMayCommit);
				return written;
			}));
			await(firstWrote);
			// the second waits for the first's lock on the year, then finds the version
			// gone
			Future<VersionedYear> second = threads
				.submit(() -> this.calendar.replaceYear(admin, 2087, start, schedule(2087, "2087-05-03")));
			Thread.sleep(300);
			firstMayCommit.countDown();

			assertThat(first.get(10, TimeUnit.SECONDS).version()).isNotEqualTo(start);
			assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StaleVersion.class);
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.calendar.current(2087).schedule().days())
			.containsExactly(new CalendarDay(LocalDate.of(2087, 5, 2), DayKind.HOLIDAY, "劳动节"));
	}

	private static YearSchedule schedule(int year, String holiday) {
		return new YearSchedule(year, true, List.of(new CalendarDay(LocalDate.parse(holiday), DayKind.HOLIDAY, "劳动节")));
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theConsoleTellsAnAdministratorWhoSavesAStaleYearAndKeepsWhatTheyTyped() throws Exception {
		UserAccount admin = administrator();
		long before = version(2088);
		assertThat(putYear(2088, this.admin, Map.of("days", List.of(day("2088-01-01", "HOLIDAY", "元旦")))).getStatus())
			.isEqualTo(200);

		MockHttpServletResponse stale = this.mvc
			.perform(console(post("/calendar/2088"), admin).with(csrf())
				.param("version", String.valueOf(before))
				.param("published", "true")
				.param("date", "2088-10-01")
				.param("kind", "HOLIDAY")
				.param("name", "国庆节"))
			.andReturn()
			.getResponse();

		String page = stale.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("已有人修改了本年日历", "value=\"2088-10-01\"",
				"name=\"version\" value=\"" + version(2088) + "\"");
		assertThat(this.calendar.year(2088).days())
			.containsExactly(new CalendarDay(LocalDate.of(2088, 1, 1), DayKind.HOLIDAY, "元旦"));
	}

	@Test
	void aYearCanBeKeptAsAnUnpublishedDraftThatCountsForNothing() {
		MockHttpServletResponse draft = putYear(2094, this.admin,
				Map.of("published", false, "days", List.of(day("2094-03-01", "HOLIDAY", "草稿节"))));

		assertThat(draft.getStatus()).isEqualTo(200);
		assertThat(this.calendar.published(2094)).isFalse();
		assertThat(this.calendar.year(2094).days()).hasSize(1);
		assertThat(this.calendar.isWorkingDay(LocalDate.of(2094, 3, 1))).as("a Monday").isTrue();
	}

	@Test
	void aBodyThatBreaksARuleNamesEachBadDayAndChangesNothing() {
		assertThat(putYear(2092, this.admin, Map.of("days", List.of(day("2092-05-01", "HOLIDAY", "劳动节")))).getStatus())
			.isEqualTo(200);
		YearSchedule before = this.calendar.year(2092);
		int audited = auditRows(2092);

		// 2092-05-03 is a Saturday, 2092-05-04 a Sunday, 2092-05-05 a Monday
		MockHttpServletResponse broken = putYear(2092, this.admin,
				Map.of("days", List.of(day("2092-05-03", "HOLIDAY", "劳动节"), day("2092-05-05", "MAKEUP_WORKDAY", "劳动节"),
						day("2093-01-01", "HOLIDAY", "元旦"), day("2092-05-03", "MAKEUP_WORKDAY", "劳动节"),
						day("2092-05-04", "MAKEUP_WORKDAY", " "), day("2092-05-06", "HOLIDAY", "名".repeat(21)))));

		assertThat(broken.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(broken), "$.errors[*].field")).containsExactly("days[1].date",
				"days[2].date", "days[3].date", "days[4].name", "days[5].name");
		assertThat((String) JsonPath.read(content(broken), "$.errors[2].message"))
			.isEqualTo("日期 2092-05-03 不能既放假又调休上班。");
		assertThat(this.calendar.year(2092)).isEqualTo(before);
		assertThat(auditRows(2092)).isEqualTo(audited);
	}

	@Test
	void unreadableDatesAndKindsAreNamedInTheCallersLanguage() {
		MockHttpServletResponse broken = putYear(2092, this.admin, String.valueOf(version(2092)),
				Map.of("days", List.of(day("1 May", "HOLIDAY", "劳动节"), day("2092-05-06", "DAY_OFF", "劳动节"))));

		assertThat(broken.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(broken), "$.errors[*].field")).containsExactly("days[0].date",
				"days[1].kind");
		assertThat((String) JsonPath.read(content(broken), "$.errors[0].message"))
			.isEqualTo("The date \"1 May\" cannot be read. Use YYYY-MM-DD, for example 2026-10-01.");
	}

	@Test
	void onlyAnAdministratorReplacesAYear() {
		MockHttpServletResponse refused = putYear(2093, this.leader,
				Map.of("days", List.of(day("2093-05-01", "HOLIDAY", "劳动节"))));

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(this.calendar.year(2093)).isEqualTo(YearSchedule.unpublished(2093));
	}

	@Test
	void strangersAreAskedToSignIn() {
		assertThat(this.callers.perform(get("/api/v1/calendar/2026")).getStatus()).isEqualTo(401);
		assertThat(this.callers
			.perform(put("/api/v1/calendar/2093").contentType(MediaType.APPLICATION_JSON).content("{\"days\":[]}"))
			.getStatus()).isEqualTo(401);
	}

	@Test
	void aYearThatIsNotAYearIsABadRequest() {
		for (String year : List.of("abc", "1999", "2101")) {
			MockHttpServletResponse response = this.callers
				.perform(bearer(get("/api/v1/calendar/" + year), this.leader));
			assertThat(response.getStatus()).as(year).isEqualTo(400);
			assertThat((List<String>) JsonPath.read(content(response), "$.errors[*].field")).containsExactly("year");
		}
		assertThat(putYear(2101, this.admin, Map.of("days", List.of())).getStatus()).isEqualTo(400);
	}

	@Test
	void theConsoleShowsTheYearToLeadersWithoutTheForm() throws Exception {
		String page = this.mvc.perform(console(get("/calendar?year=2026"), this.leaderAccount))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("2026 年工作日历", "国庆节", "调休上班").doesNotContain("保存本年日历");
	}

	@Test
	void theConsoleSavesAYearAndKeepsWhatWasTypedWhenARowIsWrong() throws Exception {
		UserAccount admin = administrator();
		// 2095-05-02 is a Monday
		MockHttpServletResponse wrong = this.mvc
			.perform(console(post("/calendar/2095"), admin).with(csrf())
				.param("version", "0")
				.param("published", "true")
				.param("date", "2095-05-01", "2095-05-02", "")
				.param("kind", "HOLIDAY", "MAKEUP_WORKDAY", "HOLIDAY")
				.param("name", "劳动节", "劳动节", ""))
			.andReturn()
			.getResponse();

		assertThat(wrong.getStatus()).isEqualTo(200);
		assertThat(wrong.getContentAsString(StandardCharsets.UTF_8)).contains("第 2 行：2095-05-02 不是周六或周日",
				"value=\"2095-05-01\"");
		assertThat(this.calendar.year(2095).days()).isEmpty();

		MockHttpServletResponse saved = this.mvc
			.perform(console(post("/calendar/2095"), admin).with(csrf())
				.param("version", "0")
				.param("published", "true")
				.param("date", "2095-05-01", "")
				.param("kind", "HOLIDAY", "HOLIDAY")
				.param("name", "劳动节", ""))
			.andReturn()
			.getResponse();

		assertThat(saved.getRedirectedUrl()).isEqualTo("/calendar?year=2095&saved");
		assertThat(this.calendar.year(2095)).isEqualTo(new YearSchedule(2095, true,
				List.of(new CalendarDay(LocalDate.of(2095, 5, 1), DayKind.HOLIDAY, "劳动节"))));
	}

	/**
	 * Replaces a year as a client does: it reads the year's version first and names it.
	 */
	private MockHttpServletResponse putYear(int year, String token, Map<String, ?> body) {
		String etag = this.callers.perform(bearer(get("/api/v1/calendar/" + year), token)).getHeader("ETag");
		MockHttpServletRequestBuilder request = bearer(put("/api/v1/calendar/" + year), token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(body));
		return this.callers.perform((etag != null) ? request.header("If-Match", etag) : request);
	}

	private MockHttpServletResponse putYear(int year, String token, @Nullable String ifMatch, Map<String, ?> body) {
		MockHttpServletRequestBuilder request = bearer(put("/api/v1/calendar/" + year), token)
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(body));
		return this.callers.perform((ifMatch != null) ? request.header("If-Match", ifMatch) : request);
	}

	private long version(int year) {
		return ((Number) JsonPath
			.read(content(this.callers.perform(bearer(get("/api/v1/calendar/" + year), this.admin))), "$.version"))
			.longValue();
	}

	private UserAccount administrator() {
		return this.users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow();
	}

	private int auditRows(int year) {
		return this.jdbc
			.sql("select count(*) from audit_event where community_id = 1 and action = 'CALENDAR_YEAR_REPLACED'"
					+ " and subject_id = :year")
			.param("year", String.valueOf(year))
			.query(Integer.class)
			.single();
	}

	private static Map<String, String> day(String date, String kind, String name) {
		return Map.of("date", date, "kind", kind, "name", name);
	}

	/**
	 * Signs the request in the way the console's form login does.
	 */
	private static MockHttpServletRequestBuilder console(MockHttpServletRequestBuilder request, UserAccount account) {
		CurrentUser user = new CurrentUser(RegistryFixtures.COMMUNITY.value(), account.id(), account.username(),
				account.displayName(), account.role(), account.gridIds(), account.departmentCode(), account.personId(),
				false);
		List<SimpleGrantedAuthority> authorities = new ArrayList<>(user.role()
			.permissions()
			.stream()
			.map((permission) -> new SimpleGrantedAuthority(permission.name()))
			.toList());
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		return request.with(authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities)));
	}

}
