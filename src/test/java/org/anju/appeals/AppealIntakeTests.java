package org.anju.appeals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
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
 * Intake answers from what it wrote instead of reading the appeal back, and takes the
 * appeal's number last: the answer must still be what a reader gets afterwards, the
 * numbers must stay unique and well formed under concurrent intakes, and one
 * Idempotency-Key must still make one appeal however many copies arrive at once.
 */
@AnjuSpringTest
class AppealIntakeTests {

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
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	String admin;

	Person resident;

	AppealFixtures appeals;

	@BeforeEach
	void aResidentInARoom() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.resident = fixtures.person(fixtures.street().room().id());
		this.appeals = new AppealFixtures(this.categories, this.rules);
	}

	@Test
	void theAnswerOfAnIntakeIsWhatAReaderGetsAfterwardsRoutedOrNot() {
		AppealCategory routed = this.appeals.category("PROPERTY");
		this.appeals.toDepartment(routed, null, null, "PROPERTY", 1);
		AppealCategory queued = this.appeals.category("PROPERTY");
		for (AppealCategory category : List.of(routed, queued)) {
			for (Map<String, Object> intake : List.of(registered(category), caller(category))) {
				MockHttpServletResponse created = submit(this.callers.body(intake), "intake-" + System.nanoTime());
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
		AppealCategory category = this.appeals.category("PROPERTY");
		List<Callable<MockHttpServletResponse>> intakes = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String body = this.callers.body(caller(category));
			String key = "numbers-" + i + "-" + System.nanoTime();
			intakes.add(() -> submit(body, key));
		}
		Set<String> numbers = new HashSet<>();
		for (MockHttpServletResponse answer : all(intakes)) {
			assertThat(answer.getStatus()).as(content(answer)).isEqualTo(201);
			numbers.add(this.json.readTree(content(answer)).get("number").asString());
		}

		assertThat(numbers).hasSize(16).allSatisfy((number) -> assertThat(number).matches("\\d{4}-\\d{6,}"));
		assertThat(this.jdbc.sql("select count(*) from appeal where number like '~%'").query(Long.class).single())
			.as("no stand-in number survives its transaction")
			.isZero();
	}

	@Test
	void fiftyIdenticalPostsAtOnceMakeOneAppeal() throws Exception {
		AppealCategory category = this.appeals.category("PROPERTY");
		String body = this.callers.body(registered(category));
		String key = "fifty-" + System.nanoTime();
		List<Callable<MockHttpServletResponse>> posts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			posts.add(() -> submit(body, key));
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
		return Map.of("personId", this.resident.id(), "categoryCode", category.code(), "channel", "WALK_IN", "title",
				"楼道灯不亮", "description", "三楼楼道灯坏了一周");
	}

	private static Map<String, Object> caller(AppealCategory category) {
		return Map.of("caller", Map.of("name", "王建国", "phone", "13900001111"), "categoryCode", category.code(),
				"channel", "PHONE", "title", "来电反映", "description", "居民来电反映的问题");
	}

	private MockHttpServletResponse submit(String body, String key) {
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
