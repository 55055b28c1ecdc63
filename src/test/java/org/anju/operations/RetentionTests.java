package org.anju.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
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
 * Retention, with the records' own time moved back rather than the shared clock forward:
 * a closed appeal past its period is anonymised once and keeps what the statistics count;
 * one within its period, and an open one, are untouched; sent text messages past theirs
 * are deleted.
 */
@AnjuSpringTest
class RetentionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Retention retention;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	ApiCallers callers;

	String admin;

	Person retiree;

	@BeforeEach
	void aRetiree() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.retiree = fixtures.person(fixtures.street().room().id());
	}

	@Test
	void aClosedAppealPastItsPeriodIsAnonymisedOnceAndKeepsItsFigures() {
		long old = closedAppeal("楼道灯坏了，王大爷家门口");
		long recent = closedAppeal("水管漏水");
		long open = appeal("暖气不热");
		this.jdbc
			.sql("update appeal set closed_at = now() - interval '5 years 2 days' where community_id = 1 and id = :id")
			.param("id", old)
			.update();
		this.jdbc.sql("update appeal set closed_at = now() - interval '4 years' where community_id = 1 and id = :id")
			.param("id", recent)
			.update();
		String before = figures(old);

		Map<String, Integer> first = this.retention.runAt(Instant.now());
		Map<String, Integer> second = this.retention.runAt(Instant.now());

		assertThat(first.get("closed-appeals")).isGreaterThanOrEqualTo(1);
		assertThat(second.get("closed-appeals")).as("an anonymised appeal is not handled again").isZero();
		assertThat(this.jdbc.sql("""
				select coalesce(person_id::text, '-') || '|' || title || '|' || description || '|'
					|| coalesce(caller_phone, '-') || '|' || coalesce(reply, '-') || '|' || (anonymised_at is not null)
				from appeal where community_id = 1 and id = :id
				""").param("id", old).query(String.class).single()).isEqualTo("-|（已匿名）|（已匿名）|-|-|true");
		assertThat(figures(old)).as("category, channel, state, timeliness and satisfaction stay").isEqualTo(before);
		assertThat(this.jdbc.sql("""
				select count(*) from appeal_timeline where community_id = 1 and appeal_id = :id and note is not null
				""").param("id", old).query(Long.class).single()).isZero();
		for (long untouched : List.of(recent, open)) {
			assertThat(this.jdbc
				.sql("select anonymised_at is null and person_id = :person from appeal"
						+ " where community_id = 1 and id = :id")
				.param("id", untouched)
				.param("person", this.retiree.id())
				.query(Boolean.class)
				.single()).isTrue();
		}
		assertThat(this.jdbc.sql("""
				select count(*) from audit_event where community_id = 1 and action = 'APPEALS_ANONYMISED'
				and (detail->>'firstId')::bigint <= :id and (detail->>'lastId')::bigint >= :id
				""").param("id", old).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void sentTextMessagesPastTheirPeriodAreDeletedAndQueuedOnesStay() {
		long appeal = appeal("路灯不亮");
		String related = appeal + "#%";
		this.jdbc.sql("""
				update sms_outbox set created_at = now() - interval '2 years', state = 'SENT'
				where community_id = 1 and related_type = 'APPEAL' and related_id like :r
				""").param("r", related).update();
		// waiting to be tried again, so that the dispatcher, woken by the intake, leaves
		// it
		long queued = this.jdbc
			.sql("""
					insert into sms_outbox (community_id, to_phone, template_code, body, state, created_at, next_attempt_at,
						related_type, related_id)
					select 1, to_phone, template_code, body, 'QUEUED', now() - interval '2 years', now() + interval '1 hour',
						'APPEAL', :id
					from sms_outbox where community_id = 1 and related_type = 'APPEAL' and related_id like :r limit 1
					returning id
					""")
			.param("id", appeal + "#queued")
			.param("r", related)
			.query(Long.class)
			.single();

		this.retention.runAt(Instant.now());

		assertThat(this.jdbc.sql("""
				select id from sms_outbox where community_id = 1 and related_type = 'APPEAL' and related_id like :r
				""").param("r", related).query(Long.class).list()).containsExactly(queued);
	}

	@Test
	void theRulesInForceAreListed() {
		MockHttpServletResponse rules = this.callers.perform(bearer(get("/api/v1/retention-rules"), this.admin));
		assertThat(rules.getStatus()).isEqualTo(200);
		assertThat((List<String>) JsonPath.read(content(rules), "$[*].name")).contains("closed-appeals",
				"text-messages");
		assertThat((List<String>) JsonPath.read(content(rules), "$[?(@.name == 'closed-appeals')].period"))
			.containsExactly("P5Y");
	}

	private String figures(long id) {
		return this.jdbc.sql("""
				select category_code || '|' || channel || '|' || state || '|' || satisfaction || '|'
					|| resolved_on_time || '|' || coalesce(department_code, '-') || '|' || received_at
				from appeal where community_id = 1 and id = :id
				""").param("id", id).query(String.class).single();
	}

	private long closedAppeal(String title) {
		long id = appeal(title);
		String version = act(id, "0", "assign", Map.of("departmentCode", "PROPERTY"));
		version = act(id, version, "accept", Map.of());
		version = act(id, version, "note", Map.of("text", "已联系王大爷 13900001111"));
		version = act(id, version, "resolve", Map.of("reply", "已修好"));
		act(id, version, "callback", Map.of("satisfaction", "SATISFIED"));
		return id;
	}

	private long appeal(String title) {
		MockHttpServletResponse created = this.callers
			.perform(bearer(post("/api/v1/appeals"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("personId", this.retiree.id(), "categoryCode", "PROPERTY_REPAIR",
						"channel", "PHONE", "title", title, "description", title + "，请尽快处理"))));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		return ((Number) JsonPath.read(content(created), "$.id")).longValue();
	}

	private String act(long id, String version, String action, Map<String, Object> body) {
		MockHttpServletResponse response = this.callers
			.perform(bearer(post("/api/v1/appeals/{id}/{action}", id, action), this.admin).header("If-Match", version)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(body)));
		assertThat(response.getStatus()).as("%s: %s", action, content(response)).isEqualTo(200);
		return response.getHeader("ETag");
	}

}
