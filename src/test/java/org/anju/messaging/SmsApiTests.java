package org.anju.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The outbox and the templates over HTTP: who may read and edit them, masked numbers, and
 * an edit that is versioned, validated and audited.
 */
@AnjuSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmsApiTests {

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
	TextMessages messages;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	ApiCallers callers;

	String admin;

	String leader;

	String gridWorker;

	String staff;

	@BeforeAll
	void callers() {
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		this.leader = this.callers.firstLogin(fixtures.user(Role.LEADER, Set.of(), null, null),
				RegistryFixtures.FIRST_PASSWORD);
		this.staff = this.callers.firstLogin(fixtures.user(Role.DEPARTMENT_STAFF, Set.of(), "RETIREE_AFFAIRS", null),
				RegistryFixtures.FIRST_PASSWORD);
		this.gridWorker = this.callers.firstLogin(
				fixtures.user(Role.GRID_WORKER, Set.of(fixtures.street().grid().id()), null, null),
				RegistryFixtures.FIRST_PASSWORD);
	}

	@Test
	void administratorsAndLeadersReadTheOutboxAndTheTemplatesAndNoOneElseDoes() {
		for (String reader : List.of(this.admin, this.leader)) {
			assertThat(call(get("/api/v1/sms/outbox"), reader).getStatus()).isEqualTo(200);
			assertThat(call(get("/api/v1/sms/templates"), reader).getStatus()).isEqualTo(200);
		}
		for (String other : List.of(this.staff, this.gridWorker)) {
			assertThat(call(get("/api/v1/sms/outbox"), other).getStatus()).isEqualTo(403);
			assertThat(call(get("/api/v1/sms/templates"), other).getStatus()).isEqualTo(403);
		}
		assertThat(this.callers.perform(get("/api/v1/sms/outbox")).getStatus()).isEqualTo(401);
	}

	@Test
	void theOutboxShowsNumbersMaskedAndFiltersByState() {
		Phone to = MessagingFixtures.phone();
		Queued sent = fixtures().sendCommitted(to);
		Queued landline = fixtures().sendCommitted(Phone.parse("0731-" + to.lastFour() + "567"));

		MockHttpServletResponse all = call(get("/api/v1/sms/outbox").param("size", "200"), this.admin);
		MockHttpServletResponse suppressed = call(get("/api/v1/sms/outbox").param("state", "SUPPRESSED"), this.leader);

		assertThat(all.getStatus()).isEqualTo(200);
		assertThat(content(all)).doesNotContain(to.value());
		List<String> masked = JsonPath.read(content(all), "$.items[?(@.id == " + sent.id() + ")].toPhone");
		assertThat(masked).containsExactly(to.masked());
		List<String> states = JsonPath.read(content(suppressed), "$.items[*].state");
		assertThat(states).isNotEmpty().containsOnly("SUPPRESSED");
		List<Integer> suppressedIds = JsonPath.read(content(suppressed), "$.items[*].id");
		assertThat(suppressedIds).contains((int) landline.id());
	}

	@Test
	void theOutboxIsPagedNewestFirst() {
		MessagingFixtures fixtures = fixtures();
		for (int i = 0; i < 3; i++) {
			fixtures.sendCommitted(MessagingFixtures.phone());
		}

		MockHttpServletResponse first = call(get("/api/v1/sms/outbox").param("size", "2"), this.admin);
		String next = JsonPath.read(content(first), "$.next");
		MockHttpServletResponse second = call(get("/api/v1/sms/outbox").param("size", "2").param("cursor", next),
				this.admin);

		List<Integer> firstIds = JsonPath.read(content(first), "$.items[*].id");
		List<Integer> secondIds = JsonPath.read(content(second), "$.items[*].id");
		assertThat(firstIds).hasSize(2).isSortedAccordingTo((a, b) -> b - a);
		assertThat(secondIds.get(0)).isLessThan(firstIds.get(1));
		assertThat(call(get("/api/v1/sms/outbox").param("size", "201"), this.admin).getStatus()).isEqualTo(400);
		assertThat(call(get("/api/v1/sms/outbox").param("cursor", "x"), this.admin).getStatus()).isEqualTo(400);
	}

	@Test
	void aTemplateEditNeedsTheRightVersionAndOnlyItsOwnPlaceholdersAndIsAudited() {
		String code = template();
		long version = version(code);
		String wording = "【{community}】诉求 {number} 已办结，请回复 1-4 评价：1 非常满意 2 满意 3 基本满意 4 不满意。" + version;

		assertThat(edit(this.leader, code, "0", "{number}").getStatus()).as("leader").isEqualTo(403);
		assertThat(call(put("/api/v1/sms/templates/" + code).contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(Map.of("bodyZh", wording))), this.admin).getStatus()).as("no If-Match")
			.isEqualTo(428);
		MockHttpServletResponse unknown = edit(this.admin, code, Long.toString(version), "{number} {reply}");
		assertThat(unknown.getStatus()).isEqualTo(422);
		assertThat(content(unknown)).contains("reply").contains("community, number");
		assertThat(edit(this.admin, code, Long.toString(version + 1), wording).getStatus()).as("stale").isEqualTo(412);

		MockHttpServletResponse saved = edit(this.admin, code, Long.toString(version), wording);

		assertThat(saved.getStatus()).isEqualTo(200);
		assertThat(saved.getHeader("ETag")).isEqualTo("\"" + (version + 1) + "\"");
		assertThat(version(code)).isEqualTo(version + 1);
		Queued sent = fixtures().sendCommitted(MessagingFixtures.phone(), code, Map.of("number", "2026-9"), null);
		assertThat(fixtures().row(sent.id()).body()).startsWith("【示范企业社区】诉求 2026-9 已办结");
		String audited = this.jdbc.sql("""
				select detail::text from audit_event
				where community_id = 1 and action = 'SMS_TEMPLATE_UPDATED' and subject_id = :code
				order by id desc limit 1
				""").param("code", code).query(String.class).single();
		assertThat(audited).contains(wording);
		assertThat(edit(this.admin, code, "404", "x").getStatus()).isEqualTo(412);
		assertThat(call(put("/api/v1/sms/templates/NO_SUCH").header("If-Match", "0")
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(Map.of("bodyZh", "x"))), this.admin).getStatus()).isEqualTo(404);
	}

	private long version(String code) {
		MockHttpServletResponse templates = call(get("/api/v1/sms/templates"), this.admin);
		List<Integer> versions = JsonPath.read(content(templates), "$.items[?(@.code == '" + code + "')].version");
		return versions.get(0);
	}

	/**
	 * @return the code of a new template of community 1, so that editing it changes no
	 * template that other tests send
	 */
	private String template() {
		String code = RegistryFixtures.unique("TEST").toUpperCase();
		this.jdbc.sql("""
				insert into sms_template (community_id, code, body_zh, placeholders, updated_by)
				values (1, :code, '{number}', array['community', 'number'], 'test')
				""").param("code", code).update();
		return code;
	}

	private MockHttpServletResponse edit(String token, String code, String ifMatch, String bodyZh) {
		return call(put("/api/v1/sms/templates/" + code).header("If-Match", ifMatch)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.callers.body(Map.of("bodyZh", bodyZh))), token);
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token) {
		return this.callers.perform(bearer(request, token));
	}

	private MessagingFixtures fixtures() {
		return new MessagingFixtures(this.messages, this.transaction, this.jdbc);
	}

}
