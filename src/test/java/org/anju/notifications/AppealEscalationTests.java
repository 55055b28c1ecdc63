package org.anju.notifications;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealAction;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealClockHands;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.appeals.RoutingRules;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserChange;
import org.anju.identity.UserManagement;
import org.anju.organisation.Departments;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * An appeal running late climbs the responsibility matrix: nearly due it reaches the
 * people named for its grid, overdue also those named for its area, each once, besides
 * its handler, the department head and (overdue) the leaders. Every test lays out a new
 * area and grid, so nobody else is named for them and the recipients are exact.
 */
@AnjuSpringTest
class AppealEscalationTests {

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
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	ApiCallers callers;

	RegistryFixtures registry;

	RegistryFixtures.Street street;

	Person retiree;

	AppealCategory category;

	UserAccount handler;

	UserAccount head;

	@BeforeEach
	void aRetireeInANewGridAndAHandlerWithAHead() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.registry = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.registry.street();
		this.retiree = this.registry.person(this.street.room().id());
		this.category = new AppealFixtures(this.categories, this.rules).category("HOUSING");
		this.handler = staff();
		this.head = staff();
		this.departments.appointHead(COMMUNITY, "HOUSING", this.head.id());
	}

	@Test
	void anOverdueAppealReachesTheGridWorkerAndTheAreaHeadTheMatrixNamesOnceEach() {
		UserAccount gridWorker = this.registry.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null);
		UserAccount areaHead = staff();
		name("GRID", this.street.grid().id(), "GRID_WORKER", gridWorker);
		name("AREA", this.street.area().id(), "AREA_HEAD", areaHead);

		long appeal = lateAppeal("楼顶防水层破损");

		// both hold the grid (the area head through the area), so both hear of either
		// step, once each; the two steps' notices are written by listeners that may run
		// at once, so their order is not fixed
		eventually(() -> {
			assertThat(kinds(gridWorker, appeal)).containsExactlyInAnyOrder("NEARLY_DUE", "OVERDUE");
			assertThat(kinds(areaHead, appeal)).containsExactlyInAnyOrder("NEARLY_DUE", "OVERDUE");
			assertThat(recipients(appeal, "OVERDUE")).as("one row per recipient, the escalation's people added")
				.containsExactlyInAnyOrderElementsOf(with(leaders(), this.handler, this.head, gridWorker, areaHead));
		});
	}

	@Test
	void nearlyDueStaysWithTheGridWhileOverdueClimbsToTheArea() {
		UserAccount gridWorker = this.registry.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null);
		// someone who is not a leader by role, named the area's community leader
		UserAccount areaLeader = staff();
		name("AREA", this.street.area().id(), "COMMUNITY_LEADER", areaLeader);

		long appeal = lateAppeal("小区门禁失灵");

		eventually(() -> {
			assertThat(kinds(areaLeader, appeal)).containsExactly("OVERDUE");
			assertThat(kinds(gridWorker, appeal)).as("the grid's worker by default, nobody named")
				.containsExactlyInAnyOrder("NEARLY_DUE", "OVERDUE");
			assertThat(recipients(appeal, "NEARLY_DUE"))
				.containsExactlyInAnyOrderElementsOf(with(Set.of(), this.handler, this.head, gridWorker));
			assertThat(recipients(appeal, "OVERDUE"))
				.containsExactlyInAnyOrderElementsOf(with(leaders(), this.handler, this.head, gridWorker, areaLeader));
		});
	}

	@Test
	void aGridNobodyAnswersForKeepsTodaysRecipients() {
		long appeal = lateAppeal("单元门锁损坏");

		eventually(() -> {
			assertThat(recipients(appeal, "OVERDUE"))
				.containsExactlyInAnyOrderElementsOf(with(leaders(), this.handler, this.head));
			assertThat(recipients(appeal, "NEARLY_DUE")).containsExactlyInAnyOrder(this.handler.id(), this.head.id());
		});
	}

	@Test
	void aHolderWhoLeftHearsNothing() {
		UserAccount departed = this.registry.user(Role.GRID_WORKER, Set.of(this.street.grid().id()), null, null);
		name("GRID", this.street.grid().id(), "GRID_WORKER", departed);
		this.users.update(COMMUNITY, departed.id(), departed.version(), new UserChange(departed.displayName(),
				departed.role(), departed.gridIds(), departed.departmentCode(), departed.personId(), false));

		long appeal = lateAppeal("电梯按钮失灵");

		eventually(() -> {
			assertThat(recipients(appeal, "OVERDUE"))
				.containsExactlyInAnyOrderElementsOf(with(leaders(), this.handler, this.head));
			assertThat(recipients(appeal, "NEARLY_DUE")).containsExactlyInAnyOrder(this.handler.id(), this.head.id());
		});
		assertThat(kinds(departed, appeal)).isEmpty();
	}

	/**
	 * An appeal of the retiree's, assigned to the handler, that ran late: nearly due,
	 * then overdue, each fired once.
	 */
	private long lateAppeal(String title) {
		AppealView appeal = this.appeals.submit(RegistryFixtures.admin(), new NewAppeal(this.retiree.id(), null, null,
				List.of(), this.category.code(), Channel.PHONE, title, "详情见电话记录", null, null, false, false, null));
		this.appeals.act(RegistryFixtures.admin(), appeal.id(), appeal.version(),
				new AppealAction.Assign("HOUSING", this.handler.id(), null));
		new AppealClockHands(this.context).runLate(appeal.id());
		return appeal.id();
	}

	private void name(String type, long subject, String level, UserAccount account) {
		MockHttpServletResponse named = this.callers
			.perform(bearer(put("/api/v1/responsibilities/{type}/{id}/{level}", type, subject, level)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("userId", account.id()))), this.callers.adminToken()));
		assertThat(named.getStatus()).as(content(named)).isEqualTo(200);
	}

	private UserAccount staff() {
		return this.registry.user(Role.DEPARTMENT_STAFF, Set.of(), "HOUSING", null);
	}

	private Set<Long> leaders() {
		return new HashSet<>(this.users.enabledIds(COMMUNITY, Role.LEADER, null));
	}

	private static Set<Long> with(Set<Long> ids, UserAccount... accounts) {
		Set<Long> all = new HashSet<>(ids);
		for (UserAccount account : accounts) {
			all.add(account.id());
		}
		return all;
	}

	private static void eventually(ThrowingRunnable assertions) {
		await().atMost(Duration.ofSeconds(10)).untilAsserted(assertions);
	}

	private List<String> kinds(UserAccount user, long appeal) {
		return NotificationTests.kinds(this.jdbc, user, appeal);
	}

	/**
	 * @return who was told of the step, one entry per notification row
	 */
	private List<Long> recipients(long appeal, String kind) {
		return this.jdbc.sql("""
				select recipient_id from notification
				where community_id = 1 and subject_type = 'APPEAL' and subject_id = :appeal and kind = :kind
				""").param("appeal", appeal).param("kind", kind).query(Long.class).list();
	}

}
