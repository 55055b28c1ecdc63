package org.anju.notifications;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * A notification raised by another node reaches a page open on this one: the other node's
 * transaction sends {@code NOTIFY}, and this node's fan-out hands it to the stream. A
 * notification whose transaction rolls back reaches nobody.
 */
@AnjuSpringTest
class InboxFanOutTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Autowired
	Notifications notifications;

	@Autowired
	InboxStreams streams;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transaction;

	long appealId;

	@Test
	void newsFromAnotherNodesTransactionReachesAStreamOpenHere() throws Exception {
		UserAccount handler = new RegistryFixtures(this.places, null, this.users).user(Role.DEPARTMENT_STAFF, Set.of(),
				"PROPERTY", null);
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		String token = callers.firstLogin(handler, RegistryFixtures.FIRST_PASSWORD);
		MockHttpServletResponse appeal = callers
			.perform(bearer(post("/api/v1/appeals"), callers.adminToken()).contentType(MediaType.APPLICATION_JSON)
				.content(callers.body(Map.of("caller", Map.of("name", "来电人", "phone", "13912345678"), "categoryCode",
						"PROPERTY_REPAIR", "channel", "PHONE", "title", "楼道灯坏了", "description", "三单元楼道灯坏了"))));
		assertThat(appeal.getStatus()).as(content(appeal)).isEqualTo(201);
		this.appealId = ((Number) JsonPath.read(content(appeal), "$.id")).longValue();
		MvcResult stream = this.mvc.perform(bearer(get("/api/v1/notifications/stream"), token))
			.andExpect(request().asyncStarted())
			.andReturn();
		Notification rolledBack = this.transaction.execute((status) -> {
			Notification created = add(handler, "回滚的通知", 1);
			this.streams.tellAfterCommit(RegistryFixtures.COMMUNITY, handler.id(), created);
			status.setRollbackOnly();
			return created;
		});
		Notification created = add(handler, "另一节点的通知", 2);

		// The other node: its own session, which commits what it tells.
		String url;
		String user;
		try (Connection connection = this.dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		try (Connection otherNode = DriverManager.getConnection(url, user, "");
				Statement statement = otherNode.createStatement()) {
			statement.execute(
					"select pg_notify('" + InboxFanOut.CHANNEL + "', '1:" + handler.id() + ":" + created.id() + "')");
		}

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("event:notification", "另一节点的通知"));
		assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8))
			.as("a rolled-back transaction tells nobody")
			.doesNotContain(rolledBack.title());
		stream.getRequest().getAsyncContext().complete();
	}

	private Notification add(UserAccount recipient, String title, long occurrence) {
		return this.notifications
			.add(RegistryFixtures.COMMUNITY, recipient.id(), NotificationKind.ASSIGNED, Notification.Subject.APPEAL,
					this.appealId, "2026-000001", title, occurrence, Instant.now())
			.orElseThrow();
	}

}
