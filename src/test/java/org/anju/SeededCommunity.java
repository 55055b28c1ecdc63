package org.anju;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.calendar.WorkingCalendar;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.people.Person;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * One of every object the console and the portal show, made through the API as the
 * administrator the way a user would, each field a user types filled by a given text: so
 * that a crawl finds every page with real objects behind its path variables, and an
 * attack puts its payload into every free-text field ({@link #fields()}: each is a row of
 * such a test). A person of its own street has a portal account; a neighbour answers the
 * survey and is visited.
 */
public final class SeededCommunity {

	private final ApplicationContext context;

	private final ApiCallers callers;

	private @Nullable RequestPostProcessor elsewhere;

	private final String token;

	private final Function<String, String> text;

	private final List<String> fields = new ArrayList<>();

	private final Map<String, String> pages = new LinkedHashMap<>();

	private final Map<String, String> collections = new LinkedHashMap<>();

	/** Makes a second row of each list, when asked. */
	private final Runnable second;

	/** The street the objects are in. */
	public final RegistryFixtures.Street street;

	/** A person with a portal account, an appeal, a mood note, a key-person file. */
	public final Person resident;

	/** Another person of the same room, a co-signer, visited and surveyed. */
	public final Person neighbour;

	/** The resident's portal account. */
	public final CurrentUser portalAccount;

	/** The resident's appeal. */
	public final long appeal;

	/** The console's administrator. */
	public final UserAccount admin;

	/** The caller's mobile of the resident's appeal. */
	public final String callerPhone;

	private SeededCommunity(ApplicationContext context, Function<String, String> text) {
		this.context = context;
		MockMvc mvc = context.getBean(MockMvc.class);
		this.callers = new ApiCallers(mvc, context.getBean(tools.jackson.databind.ObjectMapper.class));
		this.token = this.callers.adminToken();
		this.text = text;
		RegistryFixtures registry = new RegistryFixtures(context.getBean(org.anju.places.PlaceManagement.class),
				context.getBean(org.anju.people.PersonManagement.class),
				context.getBean(org.anju.identity.UserManagement.class));
		this.street = registry.street();
		this.resident = registry.person(this.street.room().id());
		this.neighbour = registry.person(this.street.room().id());
		this.portalAccount = new PortalResidents(registry, context.getBean(org.anju.identity.UserManagement.class))
			.account(this.resident);
		this.callerPhone = RegistryFixtures.mobile();
		this.admin = administrator(context.getBean(org.anju.identity.UserManagement.class));
		UserAccount leader = registry.user(Role.LEADER, Set.of(), null, null);
		this.pages.put("/people/{id}", "/people/" + this.resident.id());
		this.collections.put("/api/v1/residents", String.valueOf(this.resident.id()));
		this.pages.put("/people/{id}/edit", "/people/" + this.resident.id() + "/edit");
		this.pages.put("/places/{id}/children", "/places/" + this.street.building().id() + "/children");
		this.pages.put("/users/{id}/edit", "/users/" + leader.id() + "/edit");
		AppealCategory category = new AppealFixtures(context.getBean(org.anju.appeals.AppealCategories.class),
				context.getBean(org.anju.appeals.RoutingRules.class))
			.category("PROPERTY");
		this.appeal = appeal(category);
		this.second = () -> secondOfEachList(category, leader);
		moodNotes();
		conflict(leader);
		keyPerson(leader);
		sensitiveDate();
		notice();
		survey();
		long[] unitAndPost = duty();
		plan();
		letter(unitAndPost[0], unitAndPost[1]);
		care();
		report();
		warning(context.getBean(JdbcClient.class));
	}

	/**
	 * Makes the objects in the shared database.
	 * @param text the text of each free-text field, by its name ({@code notice.title})
	 */
	public static SeededCommunity seed(ApplicationContext context, Function<String, String> text) {
		return new SeededCommunity(context, text);
	}

	/**
	 * @return every free-text field filled, by name, in the order they were filled
	 */
	public List<String> fields() {
		return List.copyOf(this.fields);
	}

	/**
	 * @return the address of each console and portal page with path variables, by its
	 * mapping's pattern, filled with the objects made here
	 */
	public Map<String, String> pages() {
		return Map.copyOf(this.pages);
	}

	/**
	 * @return the id of an object made here, by its API collection's path (see
	 * {@link Crawler#api(Map)})
	 */
	public Map<String, String> apiIds() {
		return Map.copyOf(this.collections);
	}

	/**
	 * @return the administrator's bearer token
	 */
	public String adminToken() {
		return this.token;
	}

	/**
	 * @return a bearer token of the resident's own account
	 */
	public String residentToken() {
		return this.callers.token(this.portalAccount.username(), ApiCallers.OWN_PASSWORD);
	}

	/**
	 * @return the account of the console's administrator
	 */
	public static UserAccount administrator(org.anju.identity.UserManagement users) {
		return users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Signs requests in to the console as the account, with its session's authorities.
	 */
	public static RequestPostProcessor consoleUser(UserAccount account) {
		Authentication signedIn = ConsoleFixtures.signedIn(ConsoleFixtures.user(account));
		return authentication(signedIn);
	}

	/**
	 * Signs requests in to the portal as the resident.
	 */
	public RequestPostProcessor portal() {
		return PortalResidents.signedIn(this.portalAccount);
	}

	/**
	 * @return a bearer token's request post-processor
	 */
	public static RequestPostProcessor bearer(String token) {
		return (request) -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

	private String text(String field) {
		this.fields.add(field);
		return this.text.apply(field);
	}

	private long appeal(AppealCategory category) {
		long appeal = id(create("/api/v1/appeals",
				body("personId", this.resident.id(), "callerName", text("appeal.callerName"), "callerPhone",
						this.callerPhone, "coSignerIds", List.of(this.neighbour.id()), "categoryCode", category.code(),
						"channel", "PHONE", "title", text("appeal.title"), "description", text("appeal.description"),
						"placeId", this.street.room().id())));
		this.pages.put("/appeals/{id}", "/appeals/" + appeal);
		this.pages.put("/appeals/{id}/receipt", "/appeals/" + appeal + "/receipt");
		this.pages.put("/appeals/{id}/slip", "/appeals/" + appeal + "/slip");
		this.pages.put("/portal/appeals/{id}", "/portal/appeals/" + appeal);
		this.collections.put("/api/v1/appeals", String.valueOf(appeal));
		return appeal;
	}

	private void moodNotes() {
		create("/api/v1/mood-notes",
				body("subjectType", "PERSON", "personId", this.resident.id(), "date", today().toString(), "source",
						"VISIT", "mood", "AGITATED", "topics", List.of("PENSION"), "tags", List.of(), "summary",
						text("moodNote.summary")));
	}

	private void conflict(UserAccount leader) {
		long conflict = id(create("/api/v1/conflicts",
				body("type", "PROPERTY", "title", text("conflict.title"), "description", text("conflict.description"),
						"level", "ORDINARY", "partyPersonIds", List.of(this.resident.id()), "partyGroupCodes",
						List.of(), "peopleCount", 2, "ownerLeaderId", leader.id(), "gridId", this.street.grid().id(),
						"source", "REPORT")));
		this.pages.put("/conflicts/{id}", "/conflicts/" + conflict);
	}

	private void keyPerson(UserAccount leader) {
		long keyPerson = id(create("/api/v1/key-persons", body("personId", this.resident.id(), "reason",
				text("keyPerson.reason"), "grade", "B", "explanation", "近期多次上访", "responsibleUserId", leader.id())));
		call(HttpMethod.POST, "/api/v1/key-persons/" + keyPerson + "/contacts", null, body("date", today().toString(),
				"method", "VISIT", "summary", text("keyPerson.contact"), "mood", "CALM", "topics", List.of("PENSION")));
		this.pages.put("/key-persons/{id}", "/key-persons/" + keyPerson);
		this.collections.put("/api/v1/key-persons", String.valueOf(keyPerson));
	}

	/**
	 * Outside its one lead day: a date at hand raises every group's risk, in other tests'
	 * communities too. It stays in this year, the year the sensitive-dates page shows: 25
	 * days ahead, or 25 days past in the year's last weeks.
	 */
	private void sensitiveDate() {
		LocalDate ahead = today().plusDays(25);
		LocalDate date = (ahead.getYear() == today().getYear()) ? ahead : today().minusDays(25);
		create("/api/v1/sensitive-dates", body("title", text("sensitiveDate.title"), "kind", "EVENT", "startsOn",
				date.toString(), "leadDays", 1, "note", text("sensitiveDate.note")));
	}

	private void notice() {
		Instant now = Instant.now();
		long notice = id(create("/api/v1/notices",
				body("utility", "POWER", "title", text("notice.title"), "body", text("notice.body"), "talkingPoints",
						text("notice.talkingPoints"), "startsAt", now.minus(Duration.ofHours(1)).toString(), "endsAt",
						now.plus(Duration.ofHours(5)).toString(), "buildingIds",
						List.of(this.street.building().id()))));
		this.pages.put("/notices/{id}", "/notices/" + notice);
	}

	private void survey() {
		long survey = id(create("/api/v1/surveys",
				body("serviceLine", "CANTEEN", "title", text("survey.title"), "description", text("survey.description"),
						"questions",
						List.of(body("type", "RATING", "text", text("survey.question")),
								body("type", "SINGLE", "text", "时段", "options", List.of(text("survey.option"), "午餐")),
								body("type", "TEXT", "text", "意见建议", "required", false)))));
		this.pages.put("/surveys/{id}/edit", "/surveys/" + survey + "/edit");
		call(HttpMethod.POST, "/api/v1/surveys/" + survey + "/publish", "\"0\"", null);
		long campaign = id(create("/api/v1/survey-campaigns",
				body("surveyId", survey, "title", text("campaign.title"), "sampleSize", 10, "seed", 7, "areaId",
						this.street.area().id(), "opensOn", today().toString(), "closesOn",
						today().plusDays(30).toString())));
		long response = id(
				create("/api/v1/survey-responses", body("campaignId", campaign, "personId", this.neighbour.id(),
						"channel", "PHONE", "answers", body("q1", 2, "q2", "午餐", "q3", text("surveyAnswer.comment")))));
		this.collections.put("/api/v1/survey-responses", String.valueOf(response));
		this.pages.put("/surveys/campaigns/{id}", "/surveys/campaigns/" + campaign);
		this.pages.put("/surveys/campaigns/{id}/respond",
				"/surveys/campaigns/" + campaign + "/respond?personId=" + this.resident.id());
		this.pages.put("/portal/surveys/{id}", "/portal/surveys/" + campaign);
	}

	/**
	 * @return a unit of its own and its post
	 */
	private long[] duty() {
		String units = content(call(HttpMethod.GET, "/api/v1/units", null, null));
		long administration = JsonPath.<List<Number>>read(units, "$.items[?(@.kind == 'ADMINISTRATION')].id")
			.get(0)
			.longValue();
		long unit = id(create("/api/v1/units",
				body("parentId", administration, "nameZh", text("unit.name"), "nameEn", text("unit.nameEn"))));
		long post = id(create("/api/v1/posts", body("unitId", unit, "name", text("post.name"), "businessDuties",
				text("post.businessDuties"), "stabilityDuties", text("post.stabilityDuties"))));
		this.pages.put("/duty/posts/{id}", "/duty/posts/" + post);
		return new long[] { unit, post };
	}

	private void plan() {
		long plan = id(create("/api/v1/plans",
				body("nameZh", text("plan.name"), "nameEn", text("plan.nameEn"), "trigger", text("plan.trigger"),
						"warningLevels", List.of("RED"), "warningSubjectTypes", List.of("GROUP"), "levels",
						Map.of("I", text("plan.level"), "II", "100 人以上", "III", "30 人以上", "IV", "5 人以上"), "roles",
						List.of(body("role", "COMMANDER", "defaultUserId", this.admin.id(), "steps",
								List.of(body("title", text("plan.step"), "minutes", 30))),
								body("role", "REPORTING", "defaultUserId", this.admin.id(), "steps",
										List.of(body("title", "上报", "minutes", 60)))),
						"contacts",
						List.of(body("name", text("plan.contactName"), "unit", text("plan.contactUnit"), "phone",
								"0730-8000110")),
						"resources", List.of(body("name", text("plan.resource"), "quantity", "1 间")))));
		call(HttpMethod.POST, "/api/v1/plans/" + plan + "/approve", "\"0\"", null);
		this.pages.put("/plans/{id}", "/plans/" + plan);
		this.collections.put("/api/v1/plans", String.valueOf(plan));
		long incident = id(create("/api/v1/incidents", body("planId", plan, "level", "II", "drill", true)));
		call(HttpMethod.POST, "/api/v1/incidents/" + incident + "/reports", "\"0\"",
				body("kind", "FIRST", "text", text("incident.report")));
		this.pages.put("/incidents/{id}", "/incidents/" + incident);
	}

	private void letter(long unit, long post) {
		long letter = id(create("/api/v1/letters",
				body("title", text("letter.title"), "issuerUnitId", administration(), "recipientUnitId", unit,
						"recipientPostId", post, "year", Year.now().getValue(), "targets", List.of(body("metric",
								"COLLECTIVE_APPEALS", "kind", "VETO", "threshold", 0, "points", 10, "deduction", 0)))));
		this.pages.put("/letters/{id}", "/letters/" + letter);
		this.pages.put("/letters/{id}/assessment.pdf", "/letters/" + letter + "/assessment.pdf");
		this.pages.put("/letters/{id}/assessment.xlsx", "/letters/" + letter + "/assessment.xlsx");
	}

	private long administration() {
		return JsonPath
			.<List<Number>>read(content(call(HttpMethod.GET, "/api/v1/units", null, null)),
					"$.items[?(@.kind == 'ADMINISTRATION')].id")
			.get(0)
			.longValue();
	}

	private void care() {
		long visit = id(create("/api/v1/visits",
				body("personId", this.neighbour.id(), "date", today().toString(), "visitorIds",
						List.of(this.admin.id()), "reason", "FESTIVAL", "gifts",
						List.of(body("item", text("visit.gift"), "amountYuan", 100)), "condition",
						text("visit.condition"), "mood", "CALM", "moodNote", text("visit.moodNote"), "needs",
						List.of(body("text", text("visit.need"), "createAppeal", false)))));
		this.pages.put("/care/visits/{id}", "/care/visits/" + visit);
		long list = id(create("/api/v1/visit-lists", body("rule", "SPRING_FESTIVAL", "year", today().getYear())));
		this.pages.put("/care/visits/lists/{id}", "/care/visits/lists/" + list);
		// one check a year: the first seeding of the JVM opens it, a later one finds it
		List<Number> open = JsonPath.read(content(call(HttpMethod.GET, "/api/v1/qualification-checks", null, null)),
				"$..id");
		long check = open.isEmpty()
				? id(create("/api/v1/qualification-checks",
						body("year", today().getYear(), "deadline", today().plusDays(20).toString(), "title", "资格认证")))
				: open.get(0).longValue();
		this.pages.put("/care/qualification/{id}", "/care/qualification/" + check);
	}

	private void report() {
		long report = id(create("/api/v1/reports",
				body("from", today().withDayOfMonth(1).toString(), "to", today().toString())));
		this.pages.put("/reports/{id}.pdf", "/reports/" + report + ".pdf");
		this.pages.put("/reports/{id}.xlsx", "/reports/" + report + ".xlsx");
	}

	/**
	 * The resident's agitated mood note raises a warning once the engine's tick has seen
	 * it; it is acknowledged with a note and closed with a disposition's note.
	 */
	private void warning(JdbcClient jdbc) {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Optional<Long> warning = Optional.empty();
		while (warning.isEmpty() && System.nanoTime() < until) {
			warning = jdbc.sql("""
					select id from warning
					where community_id = 1 and subject_type = 'PERSON' and subject_id = :id and state <> 'CLOSED'
					""").param("id", String.valueOf(this.resident.id())).query(Long.class).optional();
			pause();
		}
		long id = warning.orElseThrow(() -> new AssertionError("no warning for the agitated resident"));
		call(HttpMethod.POST, "/api/v1/warnings/" + id + "/acknowledge", "\"0\"",
				body("note", text("warning.acknowledgement")));
		MockHttpServletResponse closed = call(HttpMethod.POST, "/api/v1/warnings/" + id + "/close", "\"1\"",
				body("disposition", "TALKED", "note", text("warning.note")));
		assertThat(closed.getStatus()).as(content(closed)).isLessThan(300);
		this.pages.put("/warnings/{id}", "/warnings/" + id);
	}

	private static void pause() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private MockHttpServletResponse create(String path, Map<String, Object> body) {
		MockHttpServletResponse created = call(HttpMethod.POST, path, null, body);
		assertThat(created.getStatus()).as("POST %s: %s", path, content(created)).isBetween(200, 201);
		return created;
	}

	private MockHttpServletResponse call(HttpMethod method, String path, @Nullable String ifMatch,
			@Nullable Object body) {
		MockHttpServletRequestBuilder call = ApiCallers.bearer(request(method, path), this.token)
			.contentType(MediaType.APPLICATION_JSON)
			.content((body != null) ? this.callers.body(body) : "{}");
		if (ifMatch != null) {
			call = call.header("If-Match", ifMatch);
		}
		MockHttpServletResponse answer = this.callers.perform(call);
		assertThat(answer.getStatus()).as("%s %s: %s", method, path, content(answer)).isLessThan(300);
		return answer;
	}

	private static long id(MockHttpServletResponse created) {
		String json = content(created);
		Object id = JsonPath.read(json, json.contains("\"list\"") ? "$.list.id" : "$.id");
		return ((Number) id).longValue();
	}

	private static String content(MockHttpServletResponse response) {
		return ApiCallers.content(response);
	}

	private static LocalDate today() {
		return LocalDate.now(WorkingCalendar.ZONE);
	}

	/** A JSON object of the given keys and values, in order, values may be null. */
	private static Map<String, Object> body(Object... keysAndValues) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			body.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return body;
	}

	/**
	 * @return the id of the object this community made for the page of the pattern (the
	 * first number of its address), for a form that acts on it
	 */
	public long id(String pattern) {
		java.util.regex.Matcher number = java.util.regex.Pattern.compile("/(\\d+)").matcher(this.pages.get(pattern));
		assertThat(number.find()).as("an id in the address of %s", pattern).isTrue();
		return Long.parseLong(number.group(1));
	}

	/**
	 * @return the API's answer to a read, as the administrator
	 */
	public String read(String path) {
		return content(call(HttpMethod.GET, path, null, null));
	}

	/**
	 * @return the version of the API's object, from its ETag: what a console form posts
	 * back as the version its user saw
	 */
	public long version(String path) {
		return Long
			.parseLong(String.valueOf(call(HttpMethod.GET, path, null, null).getHeader("ETag")).replaceAll("\\D", ""));
	}

	/**
	 * Signs requests in to the console as the administrator who made the objects, and so
	 * reaches each of them.
	 */
	public RequestPostProcessor console() {
		return consoleUser(this.admin);
	}

	/**
	 * Signs requests in to the console as the administrator of a community of its own,
	 * made on the first call with community 1's text templates: for a form that changes
	 * what other tests of community 1 read.
	 */
	public RequestPostProcessor elsewhere() {
		if (this.elsewhere == null) {
			JdbcClient jdbc = this.context.getBean(JdbcClient.class);
			long id = jdbc.sql(
					"insert into community (id, name) select coalesce(max(id), 0) + 1, :name from community returning id")
				.param("name", RegistryFixtures.unique("攻击测试社区"))
				.query(Long.class)
				.single();
			jdbc.sql("""
					insert into sms_template (community_id, code, body_zh, placeholders, updated_by)
					select :c, code, body_zh, placeholders, updated_by from sms_template where community_id = 1
					""").param("c", id).update();
			UserAccount opened = this.context.getBean(org.anju.identity.UserManagement.class)
				.create(new org.anju.shared.CommunityId(id),
						new org.anju.identity.NewUser(RegistryFixtures.unique("admin"), RegistryFixtures.FIRST_PASSWORD,
								"测试管理员", Role.ADMIN, Set.of(), null, null));
			CurrentUser admin = new CurrentUser(id, opened.id(), opened.username(), opened.displayName(), Role.ADMIN,
					Set.of(), null, null, false);
			this.context.getBean(org.anju.identity.UserManagement.class)
				.changeOwnPassword(admin, RegistryFixtures.FIRST_PASSWORD, "Later-Pass-2");
			this.elsewhere = authentication(ConsoleFixtures.signedIn(admin));
		}
		return this.elsewhere;
	}

	/**
	 * Makes a second row of the lists that page at one row a page (an appeal of the
	 * neighbour's, a conflict, a key-person file, a visit, a visit list, a drill, a
	 * report and two special-list entries), so that a crawl finds their next pages.
	 */
	public void secondOfEachList() {
		this.second.run();
	}

	private void secondOfEachList(AppealCategory category, UserAccount leader) {
		create("/api/v1/appeals",
				body("personId", this.neighbour.id(), "callerName", "邻居", "callerPhone", RegistryFixtures.mobile(),
						"coSignerIds", List.of(), "categoryCode", category.code(), "channel", "PHONE", "title", "楼道灯不亮",
						"description", "三楼楼道灯坏了一周", "placeId", this.street.room().id()));
		create("/api/v1/conflicts",
				body("type", "NEIGHBOUR", "title", "噪声纠纷", "description", "楼上装修噪声", "level", "ORDINARY",
						"partyPersonIds", List.of(this.neighbour.id()), "partyGroupCodes", List.of(), "peopleCount", 2,
						"ownerLeaderId", leader.id(), "gridId", this.street.grid().id(), "source", "REPORT"));
		create("/api/v1/key-persons", body("personId", this.neighbour.id(), "reason", "多次来访", "grade", "C",
				"explanation", "物业纠纷", "responsibleUserId", leader.id()));
		create("/api/v1/visits",
				body("personId", this.resident.id(), "date", today().toString(), "visitorIds", List.of(this.admin.id()),
						"reason", "FESTIVAL", "gifts", List.of(), "condition", "身体尚好", "mood", "CALM", "moodNote", "",
						"needs", List.of()));
		create("/api/v1/visit-lists", body("rule", "MID_AUTUMN", "year", today().getYear()));
		create("/api/v1/incidents",
				body("planId", Long.valueOf(this.collections.get("/api/v1/plans")), "level", "IV", "drill", true));
		create("/api/v1/reports", body("from", today().withDayOfMonth(1).toString(), "to", today().toString()));
		for (Person person : List.of(this.resident, this.neighbour)) {
			create("/api/v1/special-lists", body("personId", person.id(), "flag", "LIVING_ALONE", "since",
					today().minusYears(1).toString(), "source", "走访"));
		}
	}

}
