package org.anju;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.anju.Endpoints.Endpoint;
import org.anju.appeals.attachments.AppealAttachments;
import org.anju.appeals.attachments.TestPhotos;
import org.anju.appeals.attachments.Upload;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.ApiCallers;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API endpoint that names an object by its id, generated from the application's
 * request mappings and filled with the real objects of a {@link SeededCommunity}, called
 * from inside and from outside the object's scope: the community's administrator reaches
 * each; the administrator of another community, who holds every permission, meets the 404
 * of a missing object on every read, export and photo, and on every write the very answer
 * a made-up id gets, with nothing written; a grid worker of another grid meets the same
 * on every grid-scoped object. What a grid worker reaches community-wide, or may not call
 * at all, is declared in {@link #NOT_GRID_SCOPED}; an endpoint neither generated nor
 * declared fails the test by name.
 * <p>
 * A write whose service checks its body before looking the object up answers a 422 to an
 * outside caller: accepted only where the same write on a made-up id answers the same, so
 * that the answer tells nothing about whether the object exists.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScopeMatrixTests {

	/**
	 * In every free-text field of the seeded objects, so that a list that shows one is
	 * seen.
	 */
	private static final String MARK = "范围"
			+ Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);

	/** An id nobody has. */
	private static final String NOBODY = "987654321";

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	/** The seeded fields of objects that belong to the seeded grid. */
	private static final Pattern GRID_SCOPED = Pattern
		.compile("appeal\\.|moodNote\\.|conflict\\.|keyPerson\\.|visit\\.|warning\\.|surveyAnswer\\.");

	/**
	 * The endpoints with an object's id that a grid worker of another grid does not meet
	 * with a 404, by their collection, each with why: the object is the community's, not
	 * a grid's (the worker reads it, or is refused it, never sees another grid's people
	 * in it, and its writes are the community's staff's), or the role may not call the
	 * collection at all (403 before any lookup).
	 */
	static final Map<String, Declared> NOT_GRID_SCOPED = Map.ofEntries(
			community("/api/v1/appeal-categories", "a category is the community's reference data"),
			community("/api/v1/incidents",
					"an incident is the community's; any staff member may hold one of its roles"),
			community("/api/v1/plans", "a contingency plan is the community's"),
			community("/api/v1/posts", "a post of the responsibility system is the community's"),
			community("/api/v1/units", "a unit of the responsibility system is the community's"),
			community("/api/v1/qualification-checks",
					"the yearly check is the community's; its unchecked people are cut to the caller's grids"),
			community("/api/v1/screening-rounds",
					"a screening round is the community's; its grids' reports are cut to the caller's grids"),
			community("/api/v1/sensitive-dates", "a sensitive date is the community's; only leaders set one"),
			community("/api/v1/survey-campaigns",
					"a campaign is the community's; its sample is cut to the caller's grids"),
			community("/api/v1/surveys", "a questionnaire is the community's"),
			community("/api/v1/visit-lists",
					"a visit list is the community's; its entries are cut to the caller's grids"),
			refused("/api/v1/appeal-routing-rules", "routing is reference data: REFERENCE_DATA"),
			refused("/api/v1/departments", "departments are reference data: REFERENCE_DATA"),
			refused("/api/v1/interest-groups", "interest groups are reference data: REFERENCE_DATA"),
			refused("/api/v1/open311/keys", "keys for outside bodies are the administrator's"),
			refused("/api/v1/reports", "monthly reports are the leaders'"),
			refused("/api/v1/responsibilities", "the responsibility matrix is set by leaders"),
			refused("/api/v1/sms/templates", "text templates are the administrator's"),
			refused("/api/v1/users", "accounts are the administrator's"));

	/**
	 * What a clock writes on its own schedule, by table, left out of the fingerprint: the
	 * coverage clock's first tick comes 30 s after the start, amid the calls, the warning
	 * engine's tick scores whatever changed since its last, and the outbox sends every 5
	 * s.
	 */
	private static final Map<String, String> CLOCKS_WRITE = Map.of("duty_gap", "true", "notification",
			"kind = 'COVERAGE_GAP'", "risk_score", "true", "sms_outbox", "true");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private SeededCommunity seeded;

	private String inside;

	private String stranger;

	private String strangerName;

	private String otherGrid;

	private String otherGridName;

	/** A filled address for each endpoint that names an object. */
	private final Map<Endpoint, String> urls = new LinkedHashMap<>();

	/** The administrator's answer to each read, by its address. */
	private final Map<String, MockHttpServletResponse> insideReads = new LinkedHashMap<>();

	/** Every text of the seeded objects and their people's names. */
	private final Set<String> seededTexts = new TreeSet<>();

	/** The texts of the seeded grid's objects and its people's names. */
	private final Set<String> gridScoped = new TreeSet<>();

	/**
	 * A body that passes validation, by endpoint, for the writes whose service checks the
	 * body before it looks the object up: so that an outside call gets as far as the
	 * lookup, and a write across the scope would be done and seen.
	 */
	private final Map<String, Map<String, Object>> plausible = new LinkedHashMap<>();

	/** Every id the matrix filled in. */
	private Long[] named = {};

	/** The seeded objects' ids, by the name of a list's filter. */
	private final Map<String, String> filterIds = new LinkedHashMap<>();

	@BeforeAll
	void seedAndCallers() {
		this.seeded = SeededCommunity.seed(this.context, (field) -> field + " " + MARK);
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		UserManagement users = this.context.getBean(UserManagement.class);
		RegistryFixtures registry = new RegistryFixtures(this.context.getBean(PlaceManagement.class),
				this.context.getBean(PersonManagement.class), users);
		this.inside = this.seeded.adminToken();
		UserAccount strangerAccount = users.create(anotherCommunity(), new NewUser(RegistryFixtures.unique("stranger"),
				RegistryFixtures.FIRST_PASSWORD, "别的社区管理员", Role.ADMIN, Set.of(), null, null));
		this.strangerName = strangerAccount.username();
		this.stranger = callers.firstLogin(strangerAccount, RegistryFixtures.FIRST_PASSWORD);
		UserAccount worker = registry.user(Role.GRID_WORKER, Set.of(registry.street().grid().id()), null, null);
		this.otherGridName = worker.username();
		this.otherGrid = callers.firstLogin(worker, RegistryFixtures.FIRST_PASSWORD);
		Map<String, String> chosen = new LinkedHashMap<>(this.seeded.apiIds());
		chosen.putAll(moreObjects(registry));
		chosen.put("/api/v1/users", String.valueOf(registry.user(Role.LEADER, Set.of(), null, null).id()));
		Map<Endpoint, String> reads = new Crawler(this.mvc, this.mappings, SeededCommunity.bearer(this.inside))
			.api(chosen);
		Map<String, String> values = new TreeMap<>(Map.of("/api/v1/interest-groups/", "RETIRED", "/api/v1/departments/",
				"GENERAL_OFFICE", "/api/v1/sms/templates/", "APPEAL_RECEIVED", "/api/v1/notifications/",
				first("/api/v1/notifications", "$.items[*].id"), "/api/v1/households/{id}/members/",
				chosen.get("/api/v1/households/head")));
		reads.forEach((endpoint, url) -> values.putAll(variables(endpoint.pattern(), url)));
		for (Endpoint endpoint : Endpoints.of(this.mappings)) {
			if (endpoint.api() && namesAnObject(endpoint.pattern()) && !endpoint.streams()) {
				String url = reads.getOrDefault(endpoint, fill(endpoint.pattern(), values));
				this.urls.put(endpoint, url);
				if (!endpoint.changes()) {
					this.insideReads.put(url, fetch(url, this.inside));
				}
			}
		}
		this.named = this.urls.values()
			.stream()
			.flatMap((url) -> Pattern.compile("/(\\d+)(?=[/.]|$)").matcher(url).results())
			.map((number) -> Long.valueOf(number.group(1)))
			.distinct()
			.toArray(Long[]::new);
		String today = LocalDate.now(WorkingCalendar.ZONE).toString();
		this.plausible.putAll(Map.of("POST /api/v1/appeals/{id}/{action}", Map.of("text", "范围测试"),
				"POST /api/v1/residents/{id}/status", Map.of("status", "MOVED_OUT", "date", today),
				"POST /api/v1/residents/{id}/unmask", Map.of("field", "idNumber", "reason", "核对身份"),
				"POST /api/v1/residents/{id}/personal-data-report", Map.of("reason", "本人申请"),
				"POST /api/v1/residents/{id}/merge", Map.of("mergedId", this.seeded.neighbour.id()),
				"POST /api/v1/households/{id}/members",
				Map.of("personId", this.seeded.neighbour.id(), "relation", "SIBLING"),
				"POST /api/v1/users/{id}/password", Map.of("password", "Other-Pass-2031")));
		RegistryFixtures.Street street = this.seeded.street;
		this.filterIds.putAll(Map.of("gridId", String.valueOf(street.grid().id()), "areaId",
				String.valueOf(street.area().id()), "buildingId", String.valueOf(street.building().id()), "placeId",
				String.valueOf(street.room().id()), "roomId", String.valueOf(street.room().id()), "personId",
				String.valueOf(this.seeded.resident.id()), "appealId", String.valueOf(this.seeded.appeal)));
		for (String field : this.seeded.fields()) {
			this.seededTexts.add(field + " " + MARK);
			if (GRID_SCOPED.matcher(field).lookingAt()) {
				this.gridScoped.add(field + " " + MARK);
			}
		}
		for (String name : List.of(this.seeded.resident.name(), this.seeded.neighbour.name())) {
			this.seededTexts.add(name);
			this.gridScoped.add(name);
		}
	}

	/**
	 * The objects of the kinds the seeded community does not make, in its street: a
	 * household, a special-list entry, a death, a routing rule to its grid, a photo of
	 * its appeal, a key for an outside body.
	 * @return their ids by their API collection
	 */
	private Map<String, String> moreObjects(RegistryFixtures registry) {
		AppealAttachments attachments = this.context.getBean(AppealAttachments.class);
		attachments.attach(RegistryFixtures.admin(), this.seeded.appeal,
				attachments.prepare(List.of(new Upload("楼道.jpg", TestPhotos.jpegWithLocation()))));
		long room = this.seeded.street.room().id();
		Person head = registry.person(room);
		String today = LocalDate.now(WorkingCalendar.ZONE).toString();
		Map<String, String> ids = new LinkedHashMap<>();
		ids.put("/api/v1/households/head", String.valueOf(head.id()));
		ids.put("/api/v1/households", create("/api/v1/households", Map.of("headPersonId", head.id())));
		ids.put("/api/v1/special-lists", create("/api/v1/special-lists", Map.of("personId", this.seeded.resident.id(),
				"flag", "LIVING_ALONE", "since", today, "source", "网格走访")));
		ids.put("/api/v1/deaths", create("/api/v1/deaths",
				Map.of("personId", registry.person(room).id(), "diedOn", today, "informant", "邻居")));
		ids.put("/api/v1/appeal-routing-rules",
				create("/api/v1/appeal-routing-rules", Map.of("categoryCode", "WAGES_BENEFITS", "gridId",
						this.seeded.street.grid().id(), "departmentCode", "PROPERTY", "priority", 5, "active", true)));
		ids.put("/api/v1/open311/keys", create("/api/v1/open311/keys", Map.of("name", "范围测试 " + MARK)));
		ids.put("/api/v1/risk/PERSON", String.valueOf(this.seeded.resident.id()));
		ids.put("/api/v1/screening-rounds", screeningRound());
		return ids;
	}

	/**
	 * @return the month's screening round, which the screening clock opens 20 s after the
	 * start
	 */
	private String screeningRound() {
		long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		String round = first("/api/v1/screening-rounds", "$.items[*].id");
		while (round.equals(NOBODY) && System.nanoTime() < until) {
			pause();
			round = first("/api/v1/screening-rounds", "$.items[*].id");
		}
		return round;
	}

	private String create(String path, Map<String, Object> body) {
		MockHttpServletResponse created = perform(MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(new ApiCallers(this.mvc, this.json).body(body)), this.inside);
		assertThat(created.getStatus()).as("POST %s: %s", path, AnswerText.of(created)).isBetween(200, 201);
		List<Object> ids = JsonPath.read(AnswerText.of(created), "$..id");
		return String.valueOf(ids.get(0));
	}

	private String first(String list, String path) {
		List<Object> ids = JsonPath.read(AnswerText.of(fetch(list, this.inside)), path);
		return ids.isEmpty() ? NOBODY : String.valueOf(ids.get(0));
	}

	@Test
	@Order(1)
	void insideTheCommunityItsAdministratorReachesEveryObject() {
		List<String> wrong = new ArrayList<>();
		this.urls.forEach((endpoint, url) -> {
			if (!endpoint.changes()) {
				int status = this.insideReads.get(url).getStatus();
				if (status != 200) {
					wrong.add(endpoint + " " + url + " → " + status + ", expected 200");
				}
			}
		});
		assertThat(wrong).as("reads of the seeded objects by their administrator").isEmpty();
		assertThat(this.urls).as("the matrix found the API's objects").hasSizeGreaterThan(80);
	}

	@Test
	@Order(2)
	void anotherCommunitysAdministratorMeetsAMissingObjectAndWritesNothing() {
		Map<String, String> before = settledFingerprint(this.strangerName);
		List<String> wrong = new ArrayList<>();
		this.urls.forEach((endpoint, url) -> expectMissing(wrong, endpoint, url, this.stranger));
		wrong.addAll(changed(before, fingerprint(this.strangerName)));
		assertThat(wrong).as("calls across communities, and the named objects' data changed").isEmpty();
	}

	@Test
	@Order(3)
	void aGridWorkerOfAnotherGridMeetsAMissingObjectOrADeclaredReach() {
		Map<String, String> before = settledFingerprint(this.otherGridName);
		List<String> wrong = new ArrayList<>();
		Set<String> used = new TreeSet<>();
		this.urls.forEach((endpoint, url) -> {
			Map.Entry<String, Declared> declared = declared(endpoint);
			if (declared == null) {
				expectMissing(wrong, endpoint, url, this.otherGrid);
				return;
			}
			used.add(declared.getKey());
			Reach reach = declared.getValue().reach();
			if (reach == Reach.NOT_FOR_THE_ROLE) {
				expect(wrong, endpoint, url, this.otherGrid, Set.of(403));
			}
			else if (!endpoint.changes()) {
				MockHttpServletResponse answer = expect(wrong, endpoint, url, this.otherGrid, Set.of(200, 403, 404));
				String text = AnswerText.of(answer);
				for (String shown : this.gridScoped) {
					if (text.contains(shown)) {
						wrong.add(endpoint + " " + url + " shows another grid's " + shown);
					}
				}
			}
		});
		Set<String> stale = new TreeSet<>(NOT_GRID_SCOPED.keySet());
		stale.removeAll(used);
		assertThat(stale).as("declarations no endpoint needs").isEmpty();
		wrong.addAll(changed(before, fingerprint(this.otherGridName)));
		assertThat(wrong).as("calls across grids, and the named objects' data changed").isEmpty();
	}

	/**
	 * Every list, export and search of the API, unfiltered and filtered by the seeded
	 * objects' ids ({@code ?gridId=}, {@code ?personId=}...): another community's
	 * administrator sees none of the seeded texts or people, a grid worker of another
	 * grid none of the grid's.
	 */
	@Test
	@Order(4)
	void listsFilteredByAnObjectOutsideTheScopeShowNoneOfIt() {
		List<String> wrong = new ArrayList<>();
		int lists = 0;
		for (Endpoint endpoint : Endpoints.of(this.mappings)) {
			if (!endpoint.api() || endpoint.changes() || endpoint.streams()
					|| Endpoints.hasVariables(endpoint.pattern()) || !endpoint.pattern().startsWith("/api/v1/")
					|| endpoint.pattern().startsWith("/api/v1/auth")) {
				continue;
			}
			lists++;
			for (String url : List.of(endpoint.pattern(), endpoint.pattern() + filters(endpoint))) {
				shows(wrong, url, this.stranger, "another community's administrator", this.seededTexts);
				shows(wrong, url, this.otherGrid, "a grid worker of another grid", this.gridScoped);
			}
		}
		assertThat(wrong).as("lists across communities and grids").isEmpty();
		assertThat(lists).as("the lists the matrix called").isGreaterThan(40);
	}

	/**
	 * Last, since a write may change what the reads show: each write, with a version that
	 * is not the object's and an empty body, finds its object (a 412 or a 422, never a
	 * 404), so that the outside callers' 404 was the scope's and not the endpoint's.
	 */
	@Test
	@Order(5)
	void insideTheCommunityEveryWriteFindsItsObject() {
		List<String> wrong = new ArrayList<>();
		this.urls.forEach((endpoint, url) -> {
			if (endpoint.changes()) {
				int status = call(endpoint, url, this.inside, "\"999999\"", "{}").getStatus();
				if (status == 404) {
					wrong.add(endpoint + " " + url + " → 404, expected its object found");
				}
			}
		});
		assertThat(wrong).as("writes of the seeded objects by their administrator").isEmpty();
	}

	/**
	 * A read answers 404; a write answers exactly what the same write on a made-up id
	 * answers (a 404, or a 422 or 403 that comes before any lookup), never a success.
	 */
	private void expectMissing(List<String> wrong, Endpoint endpoint, String url, String token) {
		if (!endpoint.changes()) {
			expect(wrong, endpoint, url, token, Set.of(404));
			return;
		}
		int missing = call(endpoint, Endpoints.madeUp(endpoint.pattern()), token, etag(url), body(endpoint))
			.getStatus();
		MockHttpServletResponse answer = expect(wrong, endpoint, url, token, Set.of(missing));
		if (answer.getStatus() < 300) {
			wrong.add(endpoint + " " + url + " → " + answer.getStatus() + ": written across the scope");
		}
	}

	private MockHttpServletResponse expect(List<String> wrong, Endpoint endpoint, String url, String token,
			Set<Integer> statuses) {
		MockHttpServletResponse answer = call(endpoint, url, token, etag(url), body(endpoint));
		if (!statuses.contains(answer.getStatus())) {
			wrong.add(endpoint + " " + url + " → " + answer.getStatus() + ", expected " + statuses + ": "
					+ abbreviated(AnswerText.of(answer)));
		}
		return answer;
	}

	private void shows(List<String> wrong, String url, String token, String who, Set<String> hidden) {
		MockHttpServletResponse answer = fetch(url, token);
		String text = AnswerText.of(answer);
		for (String shown : hidden) {
			if (text.contains(shown)) {
				wrong.add(url + " shows " + who + " " + shown);
			}
		}
	}

	/**
	 * @return the query that filters a list by each of the seeded objects its handler
	 * takes an id of
	 */
	private String filters(Endpoint endpoint) {
		StringBuilder query = new StringBuilder();
		for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param == null) {
				continue;
			}
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			String name = param.name().isEmpty() ? String.valueOf(parameter.getParameterName()) : param.name();
			String value = this.filterIds.get(name);
			if (value != null) {
				query.append((query.length() == 0) ? "?" : "&").append(name).append('=').append(value);
			}
		}
		return query.toString();
	}

	/**
	 * @return the version of the object the write acts on, from its read's ETag, so that
	 * a write across the scope would not be stopped by its version alone
	 */
	private String etag(String url) {
		String etag = "\"0\"";
		int longest = 0;
		for (Map.Entry<String, MockHttpServletResponse> read : this.insideReads.entrySet()) {
			String tag = read.getValue().getHeader("ETag");
			boolean about = url.equals(read.getKey()) || url.startsWith(read.getKey() + "/");
			if (tag != null && about && read.getKey().length() > longest) {
				etag = tag;
				longest = read.getKey().length();
			}
		}
		return etag;
	}

	/**
	 * @return the fingerprint once what the seeding set off after its commits (the
	 * inbox's fan-out, the coverage's gaps) has come to rest: two fingerprints a second
	 * apart are the same
	 */
	private Map<String, String> settledFingerprint(String caller) {
		Map<String, String> last = fingerprint(caller);
		for (int tries = 0; tries < 20; tries++) {
			pause();
			Map<String, String> now = fingerprint(caller);
			if (now.equals(last)) {
				return now;
			}
			last = now;
		}
		throw new AssertionError("the seeded community's data never came to rest");
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<String> changed(Map<String, String> before, Map<String, String> after) {
		List<String> changed = new ArrayList<>();
		before.forEach((table, print) -> {
			if (!print.equals(after.get(table))) {
				changed.add(table + ": " + print + " → " + after.get(table));
			}
		});
		return changed;
	}

	/**
	 * A fingerprint of the objects the calls named: in each of community 1's tables, the
	 * rows with one of the ids the matrix filled in (their count, versions and last
	 * change), and the audit trail's rows of the caller other than its denials (which a
	 * refusal writes on purpose; every change writes its row in its own transaction, so a
	 * write across the scope cannot hide from it). The rest of community 1 is left out:
	 * its clocks and other tests' objects move on their own.
	 */
	private Map<String, String> fingerprint(String caller) {
		Map<String, String> fingerprint = new TreeMap<>();
		List<String> tables = this.jdbc.sql("""
				select c.table_name from information_schema.columns c
				join information_schema.columns i on i.table_schema = c.table_schema and i.table_name = c.table_name
				join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and c.column_name = 'community_id' and i.column_name = 'id'
				  and t.table_type = 'BASE TABLE' and c.table_name not in ('audit_event', 'audit_chain_head')
				order by c.table_name
				""").query(String.class).list();
		for (String table : tables) {
			Set<String> columns = Set.copyOf(this.jdbc
				.sql("select column_name from information_schema.columns where table_schema = current_schema()"
						+ " and table_name = :t")
				.param("t", table)
				.query(String.class)
				.list());
			String version = columns.contains("version") ? "coalesce(sum(version), 0)" : "0";
			String updated = columns.contains("updated_at") ? "max(updated_at)::text" : "''";
			fingerprint.put(table,
					this.jdbc
						.sql("select count(*) || ' ' || " + version + " || ' ' || coalesce(" + updated + ", '') from "
								+ table + " where community_id = 1 and id = any(:ids) and not ("
								+ CLOCKS_WRITE.getOrDefault(table, "false") + ")")
						.param("ids", this.named)
						.query(String.class)
						.single());
		}
		fingerprint.put("audit_event by " + caller,
				this.jdbc
					.sql("select count(*)::text from audit_event where actor = :actor and action <> 'ACCESS_DENIED'")
					.param("actor", caller)
					.query(String.class)
					.single());
		return fingerprint;
	}

	private static String abbreviated(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	private Map.@Nullable Entry<String, Declared> declared(Endpoint endpoint) {
		for (Map.Entry<String, Declared> declared : NOT_GRID_SCOPED.entrySet()) {
			if (endpoint.pattern().startsWith(declared.getKey() + "/")) {
				return declared;
			}
		}
		return null;
	}

	private CommunityId anotherCommunity() {
		long id = this.jdbc
			.sql("insert into community (id, name) select coalesce(max(id), 0) + 1, :name from community returning id")
			.param("name", "范围测试社区 " + UUID.randomUUID())
			.query(Long.class)
			.single();
		return new CommunityId(id);
	}

	/** An id, a code or a version number: what names one object. */
	private static boolean namesAnObject(String pattern) {
		Matcher variables = VARIABLE.matcher(pattern);
		while (variables.find()) {
			String name = variables.group(1);
			if (name.equals("id") || name.endsWith("Id") || name.equals("code") || name.equals("number")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return each variable's value in the address, by the pattern up to the variable
	 * (the collection it names an object of)
	 */
	private static Map<String, String> variables(String pattern, String url) {
		Map<String, String> values = new LinkedHashMap<>();
		Matcher variables = VARIABLE.matcher(pattern);
		StringBuilder regex = new StringBuilder("^");
		List<String> collections = new ArrayList<>();
		int last = 0;
		while (variables.find()) {
			regex.append(Pattern.quote(pattern.substring(last, variables.start()))).append("([^/.]+)");
			collections.add(pattern.substring(0, variables.start()));
			last = variables.end();
		}
		regex.append(Pattern.quote(pattern.substring(last))).append("$");
		Matcher filled = Pattern.compile(regex.toString()).matcher(url);
		if (filled.matches()) {
			for (int i = 0; i < collections.size(); i++) {
				values.put(collections.get(i), filled.group(i + 1));
			}
		}
		return values;
	}

	/** Fills a write's variables with the values its collection's reads were given. */
	private static String fill(String pattern, Map<String, String> values) {
		Matcher variables = VARIABLE.matcher(pattern);
		StringBuilder url = new StringBuilder();
		while (variables.find()) {
			String collection = pattern.substring(0, variables.start());
			String value = values.get(collection);
			variables.appendReplacement(url,
					Matcher.quoteReplacement((value != null) ? value : Endpoints.madeUp(variables.group())));
		}
		variables.appendTail(url);
		return url.toString();
	}

	private String body(Endpoint endpoint) {
		return new ApiCallers(this.mvc, this.json).body(this.plausible.getOrDefault(endpoint.toString(), Map.of()));
	}

	private MockHttpServletResponse call(Endpoint endpoint, String url, String token, String ifMatch, String body) {
		HttpMethod method = HttpMethod.valueOf(endpoint.method().name());
		AbstractMockHttpServletRequestBuilder<?> request;
		if (endpoint.consumes() != null && endpoint.consumes().includes(MediaType.MULTIPART_FORM_DATA)) {
			request = MockMvcRequestBuilders.multipart(method, url)
				.file(new MockMultipartFile("file", "x.xlsx", "application/octet-stream", new byte[] { 1 }));
		}
		else {
			request = MockMvcRequestBuilders.request(method, url)
				.contentType((endpoint.consumes() != null) ? endpoint.consumes() : MediaType.APPLICATION_JSON)
				.content(body);
		}
		request.header("If-Match", ifMatch).header("Idempotency-Key", UUID.randomUUID().toString());
		return perform(request, token);
	}

	private MockHttpServletResponse fetch(String url, String token) {
		return perform(MockMvcRequestBuilders.get(url), token);
	}

	private MockHttpServletResponse perform(AbstractMockHttpServletRequestBuilder<?> request, String token) {
		try {
			return this.mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map.Entry<String, Declared> community(String collection, String why) {
		return Map.entry(collection, new Declared(Reach.COMMUNITY_WIDE, why));
	}

	private static Map.Entry<String, Declared> refused(String collection, String why) {
		return Map.entry(collection, new Declared(Reach.NOT_FOR_THE_ROLE, why));
	}

	/** How a collection outside the grids is reached, and why. */
	record Declared(Reach reach, String why) {
	}

	/** Why a grid worker of another grid is not met with a 404. */
	enum Reach {

		/** The object is the community's, not a grid's: any staff member reads it. */
		COMMUNITY_WIDE,

		/** The role may not call the endpoint at all: 403 before any lookup. */
		NOT_FOR_THE_ROLE

	}

}
