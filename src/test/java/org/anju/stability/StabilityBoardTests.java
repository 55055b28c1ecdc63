package org.anju.stability;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.calendar.WorkingCalendar;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.InterestGroups;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The stability board counts what lies within the viewer's grids: open warnings by level,
 * the risk of each grid, the cases of each level and state, and each group's notes month
 * by month, with every figure a link to its list.
 */
@AnjuSpringTest
class StabilityBoardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	ConflictManagement conflicts;

	@Autowired
	MoodNotes notes;

	@Autowired
	StabilityBoard board;

	@Autowired
	InterestGroups groups;

	@Autowired
	RiskEngine engine;

	@Autowired
	JdbcClient jdbc;

	Street street;

	CurrentUser worker;

	CurrentUser otherWorker;

	CurrentUser leader;

	@BeforeEach
	void twoGridsWithTheirWorkers() {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		this.street = registry.street();
		this.worker = account(registry, Role.GRID_WORKER, Set.of(this.street.grid().id()));
		this.otherWorker = account(registry, Role.GRID_WORKER, Set.of(registry.street().grid().id()));
		this.leader = account(registry, Role.LEADER, Set.of());
	}

	@Test
	void casesAreCountedByLevelAndStateWithinTheViewersGrids() throws Exception {
		register(RiskLevel.SERIOUS);
		register(RiskLevel.SERIOUS);
		register(RiskLevel.ORDINARY);

		Map<RiskLevel, Map<ConflictState, Long>> mine = this.board.cases(this.worker);
		assertThat(mine.get(RiskLevel.SERIOUS).get(ConflictState.REGISTERED)).isEqualTo(2);
		assertThat(mine.get(RiskLevel.ORDINARY).get(ConflictState.REGISTERED)).isEqualTo(1);
		assertThat(mine.get(RiskLevel.MAJOR).values()).containsOnly(0L);
		assertThat(mine.get(RiskLevel.SERIOUS).get(ConflictState.RESOLVED)).isZero();
		assertThat(this.board.cases(this.otherWorker).values().stream().flatMap((s) -> s.values().stream()))
			.as("another grid's worker sees none of them")
			.containsOnly(0L);
		assertThat(this.board.cases(this.leader).get(RiskLevel.SERIOUS).get(ConflictState.REGISTERED))
			.isGreaterThanOrEqualTo(2);

		String page = page(this.worker);
		assertThat(page).contains("稳定工作台")
			.containsPattern("href=\"/conflicts\\?level=SERIOUS&amp;state=REGISTERED\">2</a>")
			.containsPattern("href=\"/conflicts\\?level=ORDINARY&amp;state=REGISTERED\">1</a>")
			.containsPattern("href=\"/conflicts\\?level=MAJOR&amp;state=REGISTERED\">0</a>");
	}

	@Test
	void eachGroupsNotesAreCountedByMonthWithTheTenseOnesApart() throws Exception {
		String today = LocalDate.now(WorkingCalendar.ZONE).toString();
		note("CONTRACT_TERMINATED", "DISSATISFIED", today);
		note("CONTRACT_TERMINATED", "AGITATED", today);
		note("CONTRACT_TERMINATED", "CALM", today);
		note("RETIRED", "CONCERNED", today);

		List<StabilityBoard.GroupTrend> trends = this.board.groupTrends(this.worker, Locale.SIMPLIFIED_CHINESE);
		assertThat(trends).extracting(StabilityBoard.GroupTrend::code)
			.containsExactlyInAnyOrder("CONTRACT_TERMINATED", "RETIRED");
		StabilityBoard.GroupTrend terminated = trends.stream()
			.filter((t) -> t.code().equals("CONTRACT_TERMINATED"))
			.findFirst()
			.orElseThrow();
		assertThat(terminated.name()).isEqualTo("协解");
		assertThat(terminated.months()).hasSize(StabilityBoard.TREND_MONTHS);
		StabilityBoard.GroupTrend.Month now = terminated.months().get(StabilityBoard.TREND_MONTHS - 1);
		assertThat(now.month()).isEqualTo(YearMonth.now(WorkingCalendar.ZONE).toString());
		assertThat(now.notes()).isEqualTo(3);
		assertThat(now.tense()).isEqualTo(2);
		assertThat(terminated.months().subList(0, StabilityBoard.TREND_MONTHS - 1))
			.allSatisfy((month) -> assertThat(month.notes()).isZero());
		assertThat(this.board.groupTrends(this.otherWorker, Locale.SIMPLIFIED_CHINESE)).isEmpty();

		assertThat(page(this.worker)).contains("/mood-notes/analysis?groupCode=CONTRACT_TERMINATED").contains("2 / 3");
	}

	@Test
	void openWarningsAndTheRiskOfEachGridAreShownWithinTheViewersGrids() throws Exception {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		WarningFixtures fixtures = new WarningFixtures(registry, this.groups, this.notes, this.jdbc);
		long gridId = this.street.grid().id();
		long personId = fixtures.member(this.street.room().id(), fixtures.group().code()).id();
		fixtures.personNote(personId, "AGITATED");
		fixtures.personNote(personId, "AGITATED");
		this.engine.recompute(COMMUNITY, Set.of("PERSON:" + personId, "GRID:" + gridId));

		assertThat(this.board.openWarnings(this.worker)).as("two agitated notes this week: 24 points, yellow")
			.containsEntry(WarningLevel.YELLOW, 1L)
			.containsEntry(WarningLevel.BLUE, 0L)
			.containsEntry(WarningLevel.ORANGE, 0L)
			.containsEntry(WarningLevel.RED, 0L);
		assertThat(this.board.openWarnings(this.otherWorker).values()).containsOnly(0L);
		List<StabilityBoard.AreaRisk> mine = this.board.heat(this.worker);
		assertThat(mine).singleElement().satisfies((area) -> {
			assertThat(area.id()).isEqualTo(this.street.area().id());
			assertThat(area.level()).as("a grid worker sees no area's score").isNull();
			assertThat(area.grids()).singleElement().satisfies((grid) -> {
				assertThat(grid.id()).isEqualTo(gridId);
				assertThat(grid.score()).isEqualByComparingTo("24");
				assertThat(grid.level()).as("below the grid's blue (30)").isNull();
				assertThat(grid.openWarnings()).isEqualTo(1);
			});
		});
		assertThat(this.board.heat(this.otherWorker)).flatMap(StabilityBoard.AreaRisk::grids)
			.extracting(StabilityBoard.RiskCell::id)
			.doesNotContain(gridId);
		assertThat(this.board.heat(this.leader)).flatMap(StabilityBoard.AreaRisk::grids)
			.extracting(StabilityBoard.RiskCell::id)
			.contains(gridId);

		assertThat(page(this.worker)).contains("board-heat-chart", "board-warnings-chart")
			.contains("href=\"/warnings?gridId=" + gridId + "\"")
			.containsPattern("href=\"/warnings\\?level=YELLOW\">1</a>");
		assertThat(page(this.otherWorker)).doesNotContain("gridId=" + gridId + "\"");
	}

	@Test
	void residentsDoNotReachTheBoard() throws Exception {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		UserAccount resident = registry.user(Role.RESIDENT, Set.of(), null,
				registry.person(this.street.room().id()).id());
		MockHttpServletResponse response = this.mvc
			.perform(get("/stability").with(authentication(ConsoleFixtures.signedIn(ConsoleFixtures.user(resident)))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isNotEqualTo(200);
	}

	private void register(RiskLevel level) {
		this.conflicts.register(this.worker, new NewConflictCase("NEIGHBOUR", "邻里噪音", "楼上夜间噪音", level.name(), List.of(),
				List.of(), 2, this.leader.userId(), null, null, this.street.grid().id(), null, null));
	}

	private void note(String group, String mood, String date) {
		this.notes.file(this.worker, new NewMoodNote("GROUP", null, group, this.street.grid().id(), date, "VISIT", mood,
				List.of(), List.of(), "座谈会上反映的情况"));
	}

	private String page(CurrentUser user) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/stability").with(authentication(ConsoleFixtures.signedIn(user)))
				.locale(Locale.SIMPLIFIED_CHINESE))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private CurrentUser account(RegistryFixtures registry, Role role, Set<Long> grids) {
		UserAccount opened = registry.user(role, grids, null, null);
		this.users.changeOwnPassword(ConsoleFixtures.user(opened), RegistryFixtures.FIRST_PASSWORD, "Later-Pass-2");
		return ConsoleFixtures.user(this.users.get(COMMUNITY, opened.id()));
	}

}
