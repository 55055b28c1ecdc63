package org.anju.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealAction;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealChanged;
import org.anju.appeals.AppealClockHands;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.appeals.RoutingRules;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

/**
 * A handler hears of what is given to them, a department head and the leaders of what
 * runs late, each exactly once, live and in their own inbox only.
 */
@AnjuSpringTest
class NotificationTests {

	private static final CommunityId COMMUNITY = RegistryFixtures.COMMUNITY;

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
	AppealManagement appeals;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	Departments departments;

	@Autowired
	AppealNotices notices;

	@Autowired
	InboxStreams streams;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ApiCallers callers;

	RegistryFixtures registry;

	AppealCategory category;

	Person retiree;

	@BeforeEach
	void aRetireeAndACategory() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.retiree = this.registry.person(this.registry.street().room().id());
		this.category = new AppealFixtures(this.categories, this.rules).category("HOUSING");
	}

	@Test
	void theAssignedHandlerHearsOfItOnceWithTheNumberAndAMaskedTitle() {
		UserAccount handler = staff("HOUSING");
		String token = this.callers.firstLogin(handler, RegistryFixtures.FIRST_PASSWORD);
		AppealView appeal = submit("楼道漏水，联系 13812345678");

		AppealView assigned = this.appeals.act(RegistryFixtures.admin(), appeal.id(), appeal.version(),
				new AppealAction.Assign("HOUSING", handler.id(), null));

		String inbox = await().atMost(Duration.ofSeconds(10))
			.until(() -> list(token, ""), (body) -> JsonPath.<Integer>read(body, "$.total") == 1);
		assertThat(JsonPath.<Integer>read(inbox, "$.unread")).isEqualTo(1);
		assertThat(JsonPath.<String>read(inbox, "$.items[0].kind")).isEqualTo("ASSIGNED");
		assertThat(JsonPath.<String>read(inbox, "$.items[0].subjectType")).isEqualTo("APPEAL");
		assertThat(JsonPath.<Number>read(inbox, "$.items[0].subjectId").longValue()).isEqualTo(appeal.id());
		assertThat(JsonPath.<String>read(inbox, "$.items[0].number")).isEqualTo(appeal.number());
		assertThat(JsonPath.<String>read(inbox, "$.items[0].title")).isEqualTo("楼道漏水，联系 138****5678");
		assertThat(inbox).doesNotContain("13812345678");
		assertThat(JsonPath.<Object>read(inbox, "$.items[0].readAt")).isNull();

		this.notices.on(new AppealChanged(COMMUNITY, appeal.id(), "assign", assigned.state(), "HOUSING", handler.id(),
				assigned.version()));
		assertThat(notifications(handler, appeal.id())).as("a replayed event adds nothing").containsExactly("ASSIGNED");
	}

	@Test
	void anAppealRoutedAtIntakeReachesTheDepartmentsStaff() {
		UserAccount handler = staff("SANITATION");
		new AppealFixtures(this.categories, this.rules).toDepartment(this.category, null, null, "SANITATION", 1);

		AppealView appeal = submit("垃圾清运不及时");

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications(handler, appeal.id())).containsExactly("ASSIGNED"));
	}

	@Test
	void anOverdueAppealReachesTheHandlerTheHeadAndTheLeadersOnceEvenWhenTheClockTicksTwice() {
		UserAccount handler = staff("HOUSING");
		UserAccount head = staff("HOUSING");
		UserAccount leader = this.registry.user(Role.LEADER, Set.of(), null, null);
		UserAccount bystander = staff("HOUSING");
		this.departments.appointHead(COMMUNITY, "HOUSING", head.id());
		AppealView appeal = submit("房屋渗水");
		this.appeals.act(RegistryFixtures.admin(), appeal.id(), appeal.version(),
				new AppealAction.Assign("HOUSING", handler.id(), null));

		new AppealClockHands(this.context).runLate(appeal.id());

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(notifications(handler, appeal.id())).containsExactlyInAnyOrder("ASSIGNED",
					"NEARLY_DUE", "OVERDUE"));
		assertThat(notifications(head, appeal.id())).containsExactlyInAnyOrder("NEARLY_DUE", "OVERDUE");
		assertThat(notifications(leader, appeal.id())).as("overdue goes on the leaders' supervision list")
			.containsExactly("OVERDUE");
		assertThat(notifications(bystander, appeal.id())).as("the appeal is the assignee's, not the department's")
			.isEmpty();

		AppealView overdue = this.appeals.get(RegistryFixtures.admin(), appeal.id());
		this.notices.on(new AppealChanged(COMMUNITY, appeal.id(), "overdue", overdue.state(), "HOUSING", handler.id(),
				overdue.version()));
		assertThat(notifications(head, appeal.id())).as("a replayed event adds nothing")
			.containsExactlyInAnyOrder("NEARLY_DUE", "OVERDUE");
	}

	@Test
	void nobodyElseReadsOrMarksAUsersNotification() {
		UserAccount handler = staff("HOUSING");
		UserAccount other = staff("HOUSING");
		String token = this.callers.firstLogin(handler, RegistryFixtures.FIRST_PASSWORD);
		String otherToken = this.callers.firstLogin(other, RegistryFixtures.FIRST_PASSWORD);
		AppealView appeal = submit("电梯故障");
		this.appeals.act(RegistryFixtures.admin(), appeal.id(), appeal.version(),
				new AppealAction.Assign("HOUSING", handler.id(), null));
		long id = await().atMost(Duration.ofSeconds(10))
			.until(() -> notificationId(handler, appeal.id()), (n) -> n > 0);

		MockHttpServletResponse refused = this.callers
			.perform(bearer(post("/api/v1/notifications/{id}/read", id), otherToken));
		MockHttpServletResponse otherInbox = this.callers
			.perform(bearer(get("/api/v1/notifications"), otherToken).param("size", "200"));

		assertThat(refused.getStatus()).isEqualTo(404);
		assertThat(JsonPath.<List<Number>>read(content(otherInbox), "$.items[*].id")).doesNotContain((int) id, id);
		assertThat(this.jdbc.sql("select read_at is null from notification where community_id = 1 and id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).as("still unread").isTrue();

		MockHttpServletResponse read = this.callers.perform(bearer(post("/api/v1/notifications/{id}/read", id), token));
		assertThat(read.getStatus()).isEqualTo(200);
		assertThat(JsonPath.<String>read(content(read), "$.readAt")).isNotNull();
		assertThat(JsonPath.<Integer>read(list(token, "unread=true"), "$.total")).isZero();
	}

	@Test
	void markingAllReadEmptiesTheUnreadList() {
		UserAccount handler = staff("HOUSING");
		String token = this.callers.firstLogin(handler, RegistryFixtures.FIRST_PASSWORD);
		for (String title : List.of("路灯不亮", "下水道堵塞")) {
			AppealView appeal = submit(title);
			this.appeals.act(RegistryFixtures.admin(), appeal.id(), appeal.version(),
					new AppealAction.Assign("HOUSING", handler.id(), null));
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> JsonPath.<Integer>read(list(token, "unread=true"), "$.total") == 2);

		MockHttpServletResponse marked = this.callers.perform(bearer(post("/api/v1/notifications/read-all"), token));

		assertThat(JsonPath.<Integer>read(content(marked), "$.marked")).isEqualTo(2);
		assertThat(JsonPath.<Integer>read(list(token, "unread=true"), "$.total")).isZero();
		assertThat(JsonPath.<Integer>read(list(token, ""), "$.total")).isEqualTo(2);
	}

	@Test
	void theListPagesByCursor() {
		UserAccount handler = staff("HOUSING");
		String token = this.callers.firstLogin(handler, RegistryFixtures.FIRST_PASSWORD);
		for (String title : List.of("一", "二", "三")) {
			AppealView appeal = submit("噪音扰民" + title);
			this.appeals.act(RegistryFixtures.admin(), appeal.id(), appeal.version(),
					new AppealAction.Assign("HOUSING", handler.id(), null));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> JsonPath.<Integer>read(list(token, ""), "$.total") == 3);

		String first = list(token, "size=2");
		String second = list(token, "size=2&cursor=" + JsonPath.<String>read(first, "$.next"));

		// newest first: the listener may write the three in any order, so ids decide
		List<Long> firstIds = ids(first);
		List<Long> secondIds = ids(second);
		assertThat(firstIds).hasSize(2).isSortedAccordingTo(Comparator.reverseOrder());
		assertThat(secondIds).hasSize(1).allSatisfy((id) -> assertThat(id).isLessThan(firstIds.get(1)));
		assertThat(JsonPath.<Object>read(second, "$.next")).isNull();
		List<String> titles = new ArrayList<>(JsonPath.<List<String>>read(first, "$.items[*].title"));
		titles.addAll(JsonPath.<List<String>>read(second, "$.items[*].title"));
		assertThat(titles).containsExactlyInAnyOrder("噪音扰民一", "噪音扰民二", "噪音扰民三");
	}

	@Test
	void aBadCursorOrSizeIsRefusedWithAClearMessage() {
		String token = this.callers.firstLogin(staff("HOUSING"), RegistryFixtures.FIRST_PASSWORD);

		MockHttpServletResponse cursor = this.callers
			.perform(bearer(get("/api/v1/notifications"), token).param("cursor", "abc"));
		MockHttpServletResponse size = this.callers
			.perform(bearer(get("/api/v1/notifications"), token).param("size", "0").header("Accept-Language", "en"));
		MockHttpServletResponse notANumber = this.callers
			.perform(bearer(get("/api/v1/notifications"), token).param("size", "many"));
		MockHttpServletResponse unread = this.callers
			.perform(bearer(get("/api/v1/notifications"), token).param("unread", "maybe"));

		assertThat(cursor.getStatus()).isEqualTo(400);
		assertThat(JsonPath.<String>read(content(cursor), "$.errors[0].field")).isEqualTo("cursor");
		assertThat(JsonPath.<String>read(content(cursor), "$.errors[0].message")).isEqualTo("分页游标无效。");
		assertThat(size.getStatus()).isEqualTo(400);
		assertThat(JsonPath.<String>read(content(size), "$.errors[0].message"))
			.isEqualTo("The page size must be between 1 and 200.");
		assertThat(notANumber.getStatus()).isEqualTo(400);
		assertThat(JsonPath.<String>read(content(notANumber), "$.errors[0].field")).isEqualTo("size");
		assertThat(unread.getStatus()).isEqualTo(400);
		assertThat(JsonPath.<String>read(content(unread), "$.errors[0].field")).isEqualTo("unread");
	}

	@Test
	void theStreamOpensWithTheUnreadCountAndCarriesANewNotification() throws Exception {
		UserAccount handler = staff("HOUSING");
		String token = this.callers.firstLogin(handler, RegistryFixtures.FIRST_PASSWORD);
		MvcResult stream = this.mvc.perform(bearer(get("/api/v1/notifications/stream"), token))
			.andExpect(request().asyncStarted())
			.andReturn();
		assertThat(stream.getResponse().getContentType()).startsWith("text/event-stream");
		assertThat(stream.getResponse().getContentAsString()).contains("event:unread", "\"unread\":0");

		AppealView appeal = submit("健身器材损坏");
		this.appeals.act(RegistryFixtures.admin(), appeal.id(), appeal.version(),
				new AppealAction.Assign("HOUSING", handler.id(), null));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.contains("event:notification", "\"unread\":1", appeal.number(), "健身器材损坏"));
		this.streams.heartbeat();
		assertThat(stream.getResponse().getContentAsString(StandardCharsets.UTF_8)).endsWith(":heartbeat\n\n");
		int open = this.streams.openStreams();
		stream.getRequest().getAsyncContext().complete();
		assertThat(this.streams.openStreams()).as("a finished stream is forgotten").isEqualTo(open - 1);
	}

	@Test
	void theConsoleShowsTheInboxWithItsBadgeAndMarksReadWithTheCsrfToken() throws Exception {
		UserAccount handler = staff("HOUSING");
		this.users.changeOwnPassword(ConsoleFixtures.user(handler), RegistryFixtures.FIRST_PASSWORD, "Later-Pass-2");
		var signedIn = authentication(ConsoleFixtures.signedIn(ConsoleFixtures.user(handler)));
		AppealView appeal = submit("绿化带缺损");
		this.appeals.act(RegistryFixtures.admin(), appeal.id(), appeal.version(),
				new AppealAction.Assign("HOUSING", handler.id(), null));
		long id = await().atMost(Duration.ofSeconds(10))
			.until(() -> notificationId(handler, appeal.id()), (n) -> n > 0);

		String page = this.mvc.perform(get("/inbox").with(signedIn))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		MvcResult stream = this.mvc.perform(get("/inbox/stream").with(signedIn))
			.andExpect(request().asyncStarted())
			.andReturn();
		String live = stream.getResponse().getContentAsString();
		stream.getRequest().getAsyncContext().complete();
		int withoutToken = this.mvc.perform(post("/inbox/{id}/read", id).with(signedIn))
			.andReturn()
			.getResponse()
			.getStatus();
		MockHttpServletResponse read = this.mvc.perform(post("/inbox/{id}/read", id).with(signedIn).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(page).contains("绿化带缺损", appeal.number(), "分派给您", "data-inbox-badge", "/inbox/stream");
		assertThat(live).contains("event:unread", "\"unread\":1");
		assertThat(withoutToken).isEqualTo(403);
		assertThat(read.getRedirectedUrl()).isEqualTo("/appeals/" + appeal.id());
		assertThat(this.jdbc.sql("select read_at is not null from notification where community_id = 1 and id = :id")
			.param("id", id)
			.query(Boolean.class)
			.single()).isTrue();
	}

	private static List<Long> ids(String page) {
		return JsonPath.<List<Number>>read(page, "$.items[*].id").stream().map(Number::longValue).toList();
	}

	private UserAccount staff(String department) {
		return this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), department, null);
	}

	private AppealView submit(String title) {
		return this.appeals.submit(RegistryFixtures.admin(), new NewAppeal(this.retiree.id(), null, null, List.of(),
				this.category.code(), Channel.PHONE, title, "详情见电话记录", null, null, false, false, null));
	}

	private String list(String token, String query) {
		MockHttpServletResponse response = this.callers.perform(bearer(get("/api/v1/notifications?" + query), token));
		assertThat(response.getStatus()).as(content(response)).isEqualTo(200);
		return content(response);
	}

	/**
	 * @return the kinds of the user's notifications of the appeal, oldest first
	 */
	private List<String> notifications(UserAccount user, long appealId) {
		return kinds(this.jdbc, user, appealId);
	}

	/**
	 * @return the kinds of the user's notifications of an appeal of community 1, oldest
	 * first
	 */
	static List<String> kinds(JdbcClient jdbc, UserAccount user, long appealId) {
		return jdbc.sql("""
				select kind from notification
				where community_id = 1 and recipient_id = :user and subject_type = 'APPEAL' and subject_id = :appeal
				order by id
				""").param("user", user.id()).param("appeal", appealId).query(String.class).list();
	}

	private long notificationId(UserAccount user, long appealId) {
		return this.jdbc
			.sql("select coalesce(max(id), 0) from notification where community_id = 1 and recipient_id = :user"
					+ " and subject_type = 'APPEAL' and subject_id = :appeal")
			.param("user", user.id())
			.param("appeal", appealId)
			.query(Long.class)
			.single();
	}

}
