package org.anju.appeals;

import java.time.Instant;
import tools.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
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
 * A retiree's appeal through the loop over the API: intake, dispatch, handling, callback,
 * and the clocks and versions that keep it honest.
 */
@AnjuSpringTest
class AppealLoopTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	AppealClocks clocks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	ApiCallers callers;

	String admin;

	Person retiree;

	Street street;

	@BeforeEach
	void aRetireeInARoom() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.street = fixtures.street();
		this.retiree = fixtures.person(this.street.room().id());
	}

	@Test
	void aRetireesAppealGoesTheWholeLoopAndADissatisfiedCallbackReopensIt() {
		MockHttpServletResponse created = submit(Map.of("personId", this.retiree.id(), "categoryCode", "PENSION",
				"channel", "WALK_IN", "title", "养老金调整", "description", "今年的养老金调整还没有到账"));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		long id = ((Number) JsonPath.read(content(created), "$.id")).longValue();
		assertThat((String) JsonPath.read(content(created), "$.number")).matches("\\d{4}-\\d{6}");
		assertThat((String) JsonPath.read(content(created), "$.state")).isEqualTo("RECEIVED");
		assertThat(created.getHeader("Location")).isEqualTo("/api/v1/appeals/" + id);

		String version = act(id, "0", "assign", Map.of("departmentCode", "RETIREE_AFFAIRS"), 200);
		version = act(id, version, "accept", Map.of(), 200);
		version = act(id, version, "note", Map.of("text", "已联系社保"), 200);
		version = act(id, version, "resolve", Map.of("reply", "已补发"), 200);
		version = act(id, version, "callback", Map.of("satisfaction", "DISSATISFIED", "comment", "只补了一部分"), 200);

		String appeal = content(this.callers.perform(bearer(get("/api/v1/appeals/{id}", id), this.admin)));
		assertThat((String) JsonPath.read(appeal, "$.state")).isEqualTo("ASSIGNED");
		assertThat((String) JsonPath.read(appeal, "$.departmentCode")).isEqualTo("RETIREE_AFFAIRS");
		assertThat((Integer) JsonPath.read(appeal, "$.reopenCount")).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(appeal, "$.flags")).contains("REOPENED");
		assertThat((List<String>) JsonPath.read(appeal, "$.timeline[*].action")).containsExactly("receive", "assign",
				"accept", "note", "resolve", "callback");

		version = act(id, version, "accept", Map.of(), 200);
		version = act(id, version, "resolve", Map.of("reply", "已全部补发"), 200);
		act(id, version, "callback", Map.of("satisfaction", "SATISFIED"), 200);
		List<String> texts = this.jdbc.sql("""
				select template_code || ' ' || state from sms_outbox
				where community_id = 1 and related_type = 'APPEAL' and related_id like :id order by id
				""").param("id", id + "#%").query(String.class).list();
		assertThat(texts).as("the retiree is texted at intake, and at each resolution with the callback request")
			.hasSize(5)
			.allSatisfy((text) -> assertThat(text).doesNotEndWith("SUPPRESSED"))
			.extracting((text) -> text.split(" ")[0])
			.containsExactly("APPEAL_RECEIVED", "APPEAL_RESOLVED", "CALLBACK_REQUEST", "APPEAL_RESOLVED",
					"CALLBACK_REQUEST");
		String closed = content(this.callers.perform(bearer(get("/api/v1/appeals/{id}", id), this.admin)));
		assertThat((String) JsonPath.read(closed, "$.state")).isEqualTo("CLOSED");
	}

	@Test
	void aStepTheStateDoesNotAllowAnswers409AndAStaleVersion412() {
		long id = id(submit(intake()));

		MockHttpServletResponse early = this.callers
			.perform(bearer(post("/api/v1/appeals/{id}/resolve", id), this.admin).header("If-Match", "0")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("reply", "太早了"))));
		assertThat(early.getStatus()).isEqualTo(409);
		assertThat((String) JsonPath.read(content(early), "$.type")).endsWith("/illegal-transition");

		act(id, "0", "assign", Map.of("departmentCode", "PROPERTY"), 200);
		MockHttpServletResponse stale = this.callers
			.perform(bearer(post("/api/v1/appeals/{id}/note", id), this.admin).header("If-Match", "0")
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("text", "旧版本"))));
		assertThat(stale.getStatus()).isEqualTo(412);
		assertThat((Integer) JsonPath.read(content(stale), "$.currentVersion")).isEqualTo(1);
	}

	@Test
	void twoConcurrentStepsOnOneVersionLetExactlyOneWin() throws Exception {
		long id = id(submit(intake()));
		act(id, "0", "assign", Map.of("departmentCode", "PROPERTY"), 200);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> note = () -> this.callers
				.perform(bearer(post("/api/v1/appeals/{id}/note", id), this.admin).header("If-Match", "1")
					.contentType(MediaType.APPLICATION_JSON)
					.content(this.callers.body(Map.of("text", "并发"))))
				.getStatus();
			List<Future<Integer>> answers = pool.invokeAll(List.of(note, note));
			List<Integer> statuses = List.of(answers.get(0).get(), answers.get(1).get());
			assertThat(statuses).containsExactlyInAnyOrder(200, 412);
		}
		finally {
			pool.shutdown();
		}
		long notes = this.jdbc
			.sql("select count(*) from appeal_timeline where community_id = 1 and appeal_id = :id and action = 'note'")
			.param("id", id)
			.query(Long.class)
			.single();
		assertThat(notes).isEqualTo(1);
	}

	@Test
	void aDeadlinePassedWhileNobodyLookedFiresExactlyOnce() {
		long id = id(submit(intake()));
		this.jdbc
			.sql("update appeal set warn_at = now() - interval '2 days', due_at = now() - interval '1 day'"
					+ " where community_id = 1 and id = :id")
			.param("id", id)
			.update();

		this.clocks.fire(new CommunityId(1));
		this.clocks.fire(new CommunityId(1));

		String appeal = content(this.callers.perform(bearer(get("/api/v1/appeals/{id}", id), this.admin)));
		assertThat((List<String>) JsonPath.read(appeal, "$.flags")).contains("OVERDUE").doesNotContain("NEARLY_DUE");
		assertThat((List<String>) JsonPath.read(appeal, "$.timeline[*].action")).containsOnlyOnce("overdue")
			.containsOnlyOnce("nearly-due");
	}

	@Test
	void fivePeopleMakeACollectiveAppealAndAReferralAnEscalatedOne() {
		Map<String, Object> body = new java.util.HashMap<>(intake());
		body.put("peopleCount", 6);
		body.put("channel", "REFERRAL");
		String created = content(submit(body));

		assertThat((List<String>) JsonPath.read(created, "$.flags")).contains("COLLECTIVE", "ESCALATED");
	}

	@Test
	void theSamePersonOnTheSameCategoryAgainIsARepeat() {
		long first = id(submit(intake()));
		String second = content(submit(intake()));

		assertThat((List<String>) JsonPath.read(second, "$.flags")).contains("REPEAT");
		assertThat(((Number) JsonPath.read(second, "$.repeatOf")).longValue()).isEqualTo(first);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
		String key = "appeal-" + System.nanoTime();
		String body = this.callers.body(intake());
		MockHttpServletResponse first = this.callers
			.perform(bearer(post("/api/v1/appeals"), this.admin).header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body));
		MockHttpServletResponse retry = this.callers
			.perform(bearer(post("/api/v1/appeals"), this.admin).header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body));

		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(retry.getStatus()).isEqualTo(201);
		assertThat(content(retry)).isEqualTo(content(first));
		assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location"));
		long appeals = this.jdbc.sql("select count(*) from appeal where community_id = 1 and person_id = :p")
			.param("p", this.retiree.id())
			.query(Long.class)
			.single();
		assertThat(appeals).isEqualTo(1);
	}

	@Test
	void aGridWorkerOfAnotherGridDoesNotSeeTheAppeal() {
		long id = id(submit(intake()));
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		UserAccount worker = fixtures.user(Role.GRID_WORKER, Set.of(fixtures.street().grid().id()), null, null);
		String token = this.callers.firstLogin(worker, RegistryFixtures.FIRST_PASSWORD);

		assertThat(this.callers.perform(bearer(get("/api/v1/appeals/{id}", id), token)).getStatus()).isEqualTo(404);
		List<Integer> visible = JsonPath.read(
				content(this.callers.perform(bearer(get("/api/v1/appeals").param("size", "200"), token))),
				"$.items[*].id");
		assertThat(visible).doesNotContain((int) id);
	}

	@Test
	void anIntakeWithoutWhoOrWhatIsRefusedWithEveryField() {
		MockHttpServletResponse refused = submit(Map.of("channel", "PHONE", "categoryCode", "NO_SUCH", "title", ""));

		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat((List<String>) JsonPath.read(content(refused), "$.errors[*].field")).contains("personId",
				"categoryCode", "title", "description");
		assertThat(this.jdbc.sql("select count(*) from appeal where community_id = 1 and person_id = :p")
			.param("p", this.retiree.id())
			.query(Long.class)
			.single()).isZero();
	}

	private Map<String, Object> intake() {
		return Map.of("personId", this.retiree.id(), "categoryCode", "PROPERTY_REPAIR", "channel", "PHONE", "title",
				"楼道灯坏了", "description", "三单元楼道灯坏了一周", "receivedAt", Instant.now().minusSeconds(60).toString());
	}

	private MockHttpServletResponse submit(Map<String, Object> body) {
		return this.callers.perform(bearer(post("/api/v1/appeals"), this.admin).contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(body)));
	}

	private static long id(MockHttpServletResponse response) {
		assertThat(response.getStatus()).as(content(response)).isEqualTo(201);
		return ((Number) JsonPath.read(content(response), "$.id")).longValue();
	}

	private String act(long id, String version, String action, Map<String, Object> body, int expected) {
		MockHttpServletResponse response = this.callers
			.perform(bearer(post("/api/v1/appeals/{id}/{action}", id, action), this.admin).header("If-Match", version)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
		assertThat(response.getStatus()).as("%s: %s", action, content(response)).isEqualTo(expected);
		return response.getHeader("ETag");
	}

	private AppealFixtures fixtures() {
		return new AppealFixtures(this.categories, this.rules);
	}

	/**
	 * Intake answers from what it wrote instead of reading the appeal back, and takes the
	 * number last: the answer must still be what a reader gets afterwards.
	 */
	@Test
	void theAnswerOfAnIntakeIsWhatAReaderGetsAfterwardsRoutedOrNot() {
		AppealCategory routed = this.fixtures().category("PROPERTY");
		this.fixtures().toDepartment(routed, null, null, "PROPERTY", 1);
		AppealCategory queued = this.fixtures().category("PROPERTY");
		for (AppealCategory category : List.of(routed, queued)) {
			for (Map<String, Object> intake : List.of(registered(category), caller(category))) {
				MockHttpServletResponse created = submitWithKey(this.callers.body(intake),
						"intake-" + System.nanoTime());
				assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
				JsonNode answer = this.json.readTree(content(created));
				MockHttpServletResponse read = this.callers
					.perform(bearer(get("/api/v1/appeals/{id}", answer.get("id").asLong()), this.admin));

				assertThat(answer).as(category.code()).isEqualTo(this.json.readTree(content(read)));
				assertThat(created.getHeader("ETag")).isEqualTo(read.getHeader("ETag"));
				assertThat(answer.get("number").asString()).matches("\\d{4}-\\d{6,}");
				assertThat(answer.get("state").asString()).isEqualTo((category == routed) ? "ASSIGNED" : "RECEIVED");
				assertThat(answer.get("timeline")).hasSize((category == routed) ? 2 : 1);
			}
		}
	}

	@Test
	void concurrentIntakesTakeDistinctNumbers() throws Exception {
		AppealCategory category = this.fixtures().category("PROPERTY");
		List<Callable<MockHttpServletResponse>> intakes = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String body = this.callers.body(caller(category));
			String key = "numbers-" + i + "-" + System.nanoTime();
			intakes.add(() -> submitWithKey(body, key));
		}
		Set<String> numbers = new HashSet<>();
		for (MockHttpServletResponse answer : all(intakes)) {
			assertThat(answer.getStatus()).as(content(answer)).isEqualTo(201);
			numbers.add(this.json.readTree(content(answer)).get("number").asString());
		}

		assertThat(numbers).hasSize(16).allSatisfy((number) -> assertThat(number).matches("\\d{4}-\\d{6,}"));
	}

	/**
	 * Intakes at once are written many to a transaction: each keeps its own number, with
	 * none skipped, its own answer under its key, and its own audit row naming who took
	 * it in and from where.
	 */
	@Test
	void intakesAtOnceShareTransactionsYetEachKeepsItsNumberAnswerAndAuditRow() throws Exception {
		AppealCategory category = this.fixtures().category("PROPERTY");
		List<String> keys = new ArrayList<>();
		List<String> bodies = new ArrayList<>();
		List<Callable<MockHttpServletResponse>> intakes = new ArrayList<>();
		for (int i = 0; i < 32; i++) {
			String body = this.callers
				.body(Map.of("caller", Map.of("name", "王建国", "phone", "1390000" + (1000 + i)), "categoryCode",
						category.code(), "channel", "PHONE", "title", "来电反映 " + i, "description", "居民来电反映的问题"));
			String key = "shared-" + i + "-" + System.nanoTime();
			keys.add(key);
			bodies.add(body);
			intakes.add(() -> submitWithKey(body, key));
		}
		List<MockHttpServletResponse> answers = all(intakes);
		List<Long> ids = new ArrayList<>();
		List<Integer> numbers = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			MockHttpServletResponse answer = answers.get(i);
			assertThat(answer.getStatus()).as(content(answer)).isEqualTo(201);
			JsonNode appeal = this.json.readTree(content(answer));
			assertThat(appeal.get("title").asString()).isEqualTo("来电反映 " + i);
			ids.add(appeal.get("id").asLong());
			numbers.add(Integer.parseInt(appeal.get("number").asString().substring(5)));
			MockHttpServletResponse replay = submitWithKey(bodies.get(i), keys.get(i));
			assertThat(content(replay)).isEqualTo(content(answer));
			assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
		}

		int first = numbers.stream().min(Integer::compare).orElseThrow();
		assertThat(numbers).as("no number skipped")
			.containsExactlyInAnyOrderElementsOf(IntStream.range(first, first + 32).boxed().toList());
		long transactions = this.jdbc.sql("select count(distinct xmin::text) from appeal where id = any(:ids)")
			.param("ids", ids.toArray(Long[]::new))
			.query(Long.class)
			.single();
		assertThat(transactions).as("32 intakes from 8 threads at once").isLessThan(32);
		List<String> audited = this.jdbc.sql("""
				select actor || ' ' || coalesce(actor_ip, '-') from audit_event
				where community_id = 1 and action = 'APPEAL_RECEIVED' and subject_id = any(:ids)
				""").param("ids", ids.stream().map(String::valueOf).toArray(String[]::new)).query(String.class).list();
		assertThat(audited).hasSize(32).containsOnly("admin 127.0.0.1");
	}

	/**
	 * A key used twice among intakes written together: its later requests get the first
	 * one's answer or are told it is still running, and the others are written as if
	 * alone.
	 */
	@Test
	void aKeyUsedAgainAmongSharedIntakesHoldsUpOnlyItsOwnRequests() throws Exception {
		AppealCategory category = this.fixtures().category("PROPERTY");
		String again = "again-" + System.nanoTime();
		String body = this.callers.body(caller(category));
		List<Callable<MockHttpServletResponse>> intakes = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String key = (i % 4 == 0) ? again : "once-" + i + "-" + System.nanoTime();
			intakes.add(() -> submitWithKey(body, key));
		}
		Set<String> answeredAgain = new HashSet<>();
		List<MockHttpServletResponse> answers = all(intakes);
		for (int i = 0; i < answers.size(); i++) {
			MockHttpServletResponse answer = answers.get(i);
			if (i % 4 == 0) {
				assertThat(answer.getStatus()).as(content(answer)).isIn(201, 409);
				if (answer.getStatus() == 201) {
					answeredAgain.add(content(answer));
				}
			}
			else {
				assertThat(answer.getStatus()).as(content(answer)).isEqualTo(201);
			}
		}

		assertThat(answeredAgain).as("every 201 under the key is the same answer").hasSize(1);
		long appeals = this.jdbc.sql("select count(*) from appeal where community_id = 1 and category_code = :c")
			.param("c", category.code())
			.query(Long.class)
			.single();
		assertThat(appeals).isEqualTo(12 + 1);
	}

	/**
	 * The shared transaction of an intake with a key fails at its commit, after the
	 * request had its answer ready: the request is not answered with an appeal that was
	 * not kept but told to try again (503), and its retry with the key is written afresh.
	 */
	@Test
	void anIntakeWhoseSharedTransactionFailsAtItsCommitIsAnswered503AndItsRetryIsKept() {
		AppealCategory category = this.fixtures().category("PROPERTY");
		String title = "fail-first-commit-" + System.nanoTime();
		this.jdbc.sql("create sequence intake_commit_failures").update();
		this.jdbc.sql("""
				create function fail_first_intake_commit() returns trigger language plpgsql as $$
				begin
				  if new.title like 'fail-first-commit-%' and nextval('intake_commit_failures') = 1 then
				    raise exception 'the first commit of this intake fails';
				  end if;
				  return null;
				end $$
				""").update();
		this.jdbc.sql("""
				create constraint trigger fail_first_intake_commit after insert on appeal
				deferrable initially deferred for each row execute function fail_first_intake_commit()
				""").update();
		try {
			String body = this.callers.body(Map.of("caller", Map.of("name", "王建国", "phone", "13900001111"),
					"categoryCode", category.code(), "channel", "PHONE", "title", title, "description", "居民来电反映的问题"));
			String key = "rerun-" + System.nanoTime();
			MockHttpServletResponse failed = submitWithKey(body, key);
			assertThat(failed.getStatus()).as(content(failed)).isEqualTo(503);
			assertThat((String) JsonPath.read(content(failed), "$.type")).endsWith("database-unavailable");
			assertThat(this.jdbc.sql("select count(*) from appeal where community_id = 1 and title = :t")
				.param("t", title)
				.query(Long.class)
				.single()).as("nothing kept of the failed transaction").isZero();
			MockHttpServletResponse answer = submitWithKey(body, key);

			assertThat(answer.getStatus()).as(content(answer)).isEqualTo(201);
			assertThat(this.jdbc.sql("select last_value from intake_commit_failures").query(Long.class).single())
				.as("a first commit failed and a second one was tried")
				.isEqualTo(2);
			List<Long> kept = this.jdbc.sql("select id from appeal where community_id = 1 and title = :t")
				.param("t", title)
				.query(Long.class)
				.list();
			assertThat(kept).containsExactly(((Number) JsonPath.read(content(answer), "$.id")).longValue());
			assertThat(content(submitWithKey(body, key))).isEqualTo(content(answer));
		}
		finally {
			this.jdbc.sql("drop trigger fail_first_intake_commit on appeal").update();
			this.jdbc.sql("drop function fail_first_intake_commit()").update();
			this.jdbc.sql("drop sequence intake_commit_failures").update();
		}
	}

	@Test
	void fiftyIdenticalPostsAtOnceMakeOneAppeal() throws Exception {
		AppealCategory category = this.fixtures().category("PROPERTY");
		String body = this.callers.body(registered(category));
		String key = "fifty-" + System.nanoTime();
		List<Callable<MockHttpServletResponse>> posts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			posts.add(() -> submitWithKey(body, key));
		}
		Set<String> created = new HashSet<>();
		for (MockHttpServletResponse answer : all(posts)) {
			assertThat(answer.getStatus()).as(content(answer)).isIn(201, 409);
			if (answer.getStatus() == 201) {
				created.add(content(answer));
			}
		}

		assertThat(created).as("every 201 is the same answer").hasSize(1);
		long appeals = this.jdbc.sql("select count(*) from appeal where community_id = 1 and category_code = :c")
			.param("c", category.code())
			.query(Long.class)
			.single();
		assertThat(appeals).isEqualTo(1);
	}

	private Map<String, Object> registered(AppealCategory category) {
		return Map.of("personId", this.retiree.id(), "categoryCode", category.code(), "channel", "WALK_IN", "title",
				"楼道灯不亮", "description", "三楼楼道灯坏了一周");
	}

	private static Map<String, Object> caller(AppealCategory category) {
		return Map.of("caller", Map.of("name", "王建国", "phone", "13900001111"), "categoryCode", category.code(),
				"channel", "PHONE", "title", "来电反映", "description", "居民来电反映的问题");
	}

	private MockHttpServletResponse submitWithKey(String body, String key) {
		return this.callers.perform(bearer(post("/api/v1/appeals"), this.admin).header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static List<MockHttpServletResponse> all(List<Callable<MockHttpServletResponse>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<MockHttpServletResponse> answers = new ArrayList<>();
			for (Future<MockHttpServletResponse> answer : pool.invokeAll(calls)) {
				answers.add(answer.get());
			}
			return answers;
		}
		finally {
			pool.shutdown();
		}
	}

}
