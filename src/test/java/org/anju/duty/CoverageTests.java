package org.anju.duty;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.InterestGroups;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.stability.ConflictCaseView;
import org.anju.stability.ConflictManagement;
import org.anju.stability.NewConflictCase;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.stability.Responsibles;
import org.anju.stability.WarningLevel;
import org.anju.stability.WarningRaised;
import org.anju.stability.WarningView;
import org.anju.stability.Warnings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The coverage check in a community of its own: it finds a grid without a grid worker, a
 * group without a liaison, an empty post and a cell naming a disabled account, counts the
 * percentage over every cell and post, closes a gap once it is filled, and tells the
 * leaders of each new gap once.
 */
@AnjuSpringTest
class CoverageTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Autowired
	InterestGroups groups;

	@Autowired
	Coverage coverage;

	@Autowired
	Responsibilities responsibilities;

	@Autowired
	Posts posts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ConflictManagement conflicts;

	@Autowired
	CoverageClock clock;

	@Autowired
	Responsibles warningRouting;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	Warnings warnings;

	DutyCommunity town;

	Place area;

	Place staffedGrid;

	Place emptyGrid;

	Place building;

	UserAccount leader;

	UserAccount areaHead;

	UserAccount gridWorker;

	Post post;

	@BeforeEach
	void aCommunityWithTwoGridsAGroupAndAPost() {
		this.town = new DutyCommunity(this.jdbc, this.places, this.users);
		this.coverage.check(this.town.community);
		this.area = this.town.area();
		this.staffedGrid = this.town.grid(this.area);
		this.emptyGrid = this.town.grid(this.area);
		this.building = this.town.building(this.staffedGrid);
		this.leader = this.town.account(Role.LEADER, Set.of());
		this.areaHead = this.town.account(Role.LEADER, Set.of());
		this.gridWorker = this.town.account(Role.GRID_WORKER, Set.of(this.staffedGrid.id()));
		this.groups.create(this.town.community, "XIEJIE", "协解人员", "Contract-terminated");
		long party = unit(UnitKind.PARTY_COMMITTEE);
		this.post = this.posts.create(this.town.admin,
				new Posts.PostForm(party, "组织委员", "党员发展与教育", "掌握党员思想动态，发现苗头及时报告"));
		this.responsibilities.assign(this.town.admin, "AREA", key(this.area), "COMMUNITY_LEADER", null,
				this.leader.id());
		this.responsibilities.assign(this.town.admin, "AREA", key(this.area), "AREA_HEAD", null, this.areaHead.id());
		this.responsibilities.assign(this.town.admin, "GROUP", "XIEJIE", "COMMUNITY_LEADER", null, this.leader.id());
	}

	@Test
	void theCheckFindsEachKindOfGapAndCountsThePercentage() {
		CoverageReport report = this.coverage.check(this.town.community);

		// area 2 cells, two grids 2 each, the building 1, the group 2, the post 1
		assertThat(report.required()).isEqualTo(10);
		assertThat(gaps(report)).containsExactlyInAnyOrder(
				"GRID " + key(this.emptyGrid) + " GRID_WORKER NO_RESPONSIBLE", "GROUP XIEJIE LIAISON NO_RESPONSIBLE",
				"POST " + this.post.id() + " HOLDER POST_EMPTY");
		assertThat(report.percent()).isEqualTo(70.0);

		this.town.disable(this.users.get(this.town.community, this.areaHead.id()));
		CoverageReport disabled = this.coverage.check(this.town.community);
		assertThat(gaps(disabled)).as("the area's head is disabled, and the grids had theirs from the area")
			.contains("AREA " + key(this.area) + " AREA_HEAD HOLDER_DISABLED",
					"GRID " + key(this.staffedGrid) + " AREA_HEAD NO_RESPONSIBLE",
					"GRID " + key(this.emptyGrid) + " AREA_HEAD NO_RESPONSIBLE")
			.hasSize(6);
		assertThat(disabled.percent()).isEqualTo(40.0);
	}

	@Test
	void aFilledGapIsMarkedResolvedAndTheLeadersHearOfEachNewGapOnce() {
		this.coverage.check(this.town.community);
		long gapId = openGapId("GRID", key(this.emptyGrid));
		List<Long> open = openGapIds();
		assertThat(open).hasSize(3);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(open)
				.allSatisfy((gap) -> assertThat(notices(this.leader, gap)).as("notices of gap %d", gap).isEqualTo(1)));

		this.coverage.check(this.town.community);
		this.transaction
			.executeWithoutResult((status) -> this.events.publishEvent(new CoverageGapOpened(this.town.community, gapId,
					"GRID", key(this.emptyGrid), "重复", "GRID_WORKER", "NO_RESPONSIBLE", this.emptyGrid.id())));
		this.responsibilities.assign(this.town.admin, "GRID", key(this.emptyGrid), "GRID_WORKER", null,
				this.gridWorker.id());
		CoverageReport filled = this.coverage.check(this.town.community);

		assertThat(gaps(filled)).doesNotContain("GRID " + key(this.emptyGrid) + " GRID_WORKER NO_RESPONSIBLE");
		assertThat(this.jdbc.sql("select resolved_at is not null from duty_gap where community_id = :c and id = :id")
			.param("c", this.town.community.value())
			.param("id", gapId)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(filled.percent()).isEqualTo(80.0);
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(open).allSatisfy(
					(gap) -> assertThat(notices(this.leader, gap)).as("a check or event again tells nobody twice")
						.isEqualTo(1)));
	}

	@Test
	void anEmptyPostIsCoveredOnceHeldAndAgainEmptyWhenItsHolderIsDisabled() {
		UserAccount secretary = this.town.account(Role.LEADER, Set.of());
		this.posts.assignHolder(this.town.admin, this.post.id(), this.post.version(), secretary.id());
		assertThat(gaps(this.coverage.check(this.town.community))).noneMatch((gap) -> gap.startsWith("POST"));

		this.town.disable(this.users.get(this.town.community, secretary.id()));
		CoverageReport after = this.coverage.check(this.town.community);

		assertThat(gaps(after)).contains("POST " + this.post.id() + " HOLDER POST_EMPTY");
		Post vacated = this.posts.get(this.town.community, this.post.id());
		assertThat(vacated.holderId()).isNull();
		assertThat(vacated.history()).extracting(Post.Holding::userId, Post.Holding::endReason)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(secretary.id(), "HOLDER_DISABLED"));
	}

	@Test
	void aChangeOfDutyDoesNotWaitForARunningCheckButAnotherCheckDoes() throws Exception {
		// the checks the set-up's changes started are done first
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select checked_changes >= changes from duty_coverage where community_id = :c")
				.param("c", this.town.community.value())
				.query(Boolean.class)
				.single());
		// the running check is held where it reads the stored gaps, after it has counted
		// the changes and found what is missing
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		CompletableFuture<Void> holder = CompletableFuture
			.runAsync(() -> this.transaction.executeWithoutResult((tx) -> {
				this.jdbc.sql("lock table duty_gap in access exclusive mode").update();
				held.countDown();
				await().atMost(Duration.ofSeconds(60)).until(() -> done.getCount() == 0);
			}));
		String addedGap;
		try {
			assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
			AtomicInteger checker = new AtomicInteger();
			CompletableFuture<CoverageReport> running = CompletableFuture
				.supplyAsync(() -> this.transaction.execute((tx) -> {
					checker.set(this.jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
					return this.coverage.check(this.town.community);
				}));
			await().atMost(Duration.ofSeconds(30)).until(() -> this.jdbc.sql("""
					select count(*) from pg_locks
					where relation = 'duty_gap'::regclass and not granted and pid = :pid
					""").param("pid", checker.get()).query(Long.class).single() > 0);

			long unit = unit(UnitKind.TRADE_UNION);
			Post added = this.transaction.execute((tx) -> {
				lockTimeout();
				return this.posts.create(this.town.admin, new Posts.PostForm(unit, "宣传委员", "工会宣传", "了解职工诉求"));
			});
			assertThat(added).as("the post was added while the check ran").isNotNull();
			addedGap = "POST " + added.id() + " HOLDER POST_EMPTY";
			assertThatThrownBy(() -> this.transaction.executeWithoutResult((tx) -> {
				lockTimeout();
				this.coverage.check(this.town.community);
			})).as("a second check waits for the first one's turn").hasMessageContaining("lock timeout");

			done.countDown();
			assertThat(gaps(running.get(30, TimeUnit.SECONDS))).as("the running check counted before the post")
				.doesNotContain(addedGap);
		}
		finally {
			done.countDown();
			holder.get(30, TimeUnit.SECONDS);
		}
		// the change counted itself past the running check, so its own check runs after
		// it
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(gaps(this.coverage.stored(this.town.community, null))).contains(addedGap));
	}

	private void lockTimeout() {
		this.jdbc.sql("set local lock_timeout = '1s'").update();
	}

	@Test
	void theHoldersOfASubjectComeNearestLevelFirst() {
		assertThat(this.responsibilities.holders(this.town.community, "GRID", this.staffedGrid.id()))
			.containsExactly(this.gridWorker.id(), this.areaHead.id());
		assertThat(this.responsibilities.holders(this.town.community, "BUILDING", this.building.id()))
			.as("a building's grid worker comes from its grid")
			.containsExactly(this.gridWorker.id());
		assertThat(this.responsibilities.holders(this.town.community, "AREA", this.area.id()))
			.containsExactly(this.areaHead.id(), this.leader.id());
		assertThat(this.responsibilities.holders(this.town.community, "GROUP", "XIEJIE"))
			.containsExactly(this.leader.id());
		assertThat(this.responsibilities.holders(this.town.community, "GRID", 0)).isEmpty();
	}

	@Test
	void warningsGoToWhomTheMatrixNamesForTheirGridAreaOrGroup() {
		assertThat(this.warningRouting.of(this.town.community, "GRID", this.staffedGrid.id()))
			.containsExactly(this.gridWorker.id(), this.areaHead.id());
		assertThat(this.warningRouting.of(this.town.community, "AREA", this.area.id()))
			.containsExactly(this.areaHead.id(), this.leader.id());
		assertThat(this.warningRouting.ofGroup(this.town.community, "XIEJIE")).containsExactly(this.leader.id());
		assertThat(this.warningRouting.of(this.town.community, "PERSON", this.gridWorker.id()))
			.as("a person's warning is left to the engine, which sends it to their grid's workers")
			.isEmpty();
	}

	@Test
	void anOpenConflictCaseIsAnsweredForByItsOwnerLeaderAndItsGridsWorkers() {
		ConflictCaseView attended = register(this.staffedGrid);
		ConflictCaseView unattended = register(this.emptyGrid);

		assertThat(this.responsibilities.holders(this.town.community, "CONFLICT", attended.id()))
			.containsExactly(this.gridWorker.id(), this.leader.id());
		assertThat(gaps(this.coverage.check(this.town.community)))
			.contains("CONFLICT " + unattended.id() + " GRID_WORKER NO_RESPONSIBLE")
			.noneMatch((gap) -> gap.startsWith("CONFLICT " + attended.id()))
			.noneMatch((gap) -> gap.contains("COMMUNITY_LEADER"));
	}

	@Test
	void anOpenWarningNeedsAGridWorkerAndALeaderAndLeavesTheCheckOnceClosed() {
		long unattended = warning("GRID", key(this.emptyGrid), this.emptyGrid.id(), "OPEN");
		long attended = warning("PERSON", "4711", this.staffedGrid.id(), "ACKNOWLEDGED", this.gridWorker.id());
		UserAccount duty = this.town.account(Role.LEADER, Set.of());
		long communityWide = warning("COMMUNITY", Long.toString(this.town.community.value()), null, "OPEN", duty.id());
		long closed = warning("GRID", key(this.staffedGrid), this.staffedGrid.id(), "CLOSED");

		CoverageReport report = this.coverage.check(this.town.community);

		assertThat(report.required()).as("the ten cells of the setup and two for each warning not closed")
			.isEqualTo(16);
		assertThat(gaps(report)).filteredOn((gap) -> gap.startsWith("WARNING"))
			.as("the grid's warning has nobody on the ground; its leader comes from the area")
			.containsExactly("WARNING " + unattended + " GRID_WORKER NO_RESPONSIBLE");
		assertThat(report.percent()).isEqualTo(75.0);
		assertThat(this.responsibilities.holders(this.town.community, "WARNING", attended))
			.as("whom it was sent to, then the leader of its grid's area")
			.containsExactly(this.gridWorker.id(), this.leader.id());
		assertThat(this.responsibilities.holders(this.town.community, "WARNING", closed)).isEmpty();
		assertThat(this.responsibilities.matrix(this.town.admin, "WARNING"))
			.extracting((row) -> row.subjectName().substring(0, 4))
			.contains("红色预警");

		this.town.disable(this.users.get(this.town.community, duty.id()));
		assertThat(gaps(this.coverage.check(this.town.community)))
			.as("the one it was sent to left, and the whole community has no grid or area to fall back on")
			.contains("WARNING " + communityWide + " GRID_WORKER NO_RESPONSIBLE",
					"WARNING " + communityWide + " COMMUNITY_LEADER NO_RESPONSIBLE");

		this.responsibilities.assign(this.town.admin, "WARNING", Long.toString(unattended), "GRID_WORKER", null,
				this.gridWorker.id());
		assertThat(gaps(this.coverage.check(this.town.community)))
			.doesNotContain("WARNING " + unattended + " GRID_WORKER NO_RESPONSIBLE");
		assertThatThrownBy(() -> this.responsibilities.assign(this.town.admin, "WARNING", Long.toString(closed),
				"GRID_WORKER", null, this.gridWorker.id()))
			.as("a closed warning is no subject")
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.responsibilities.assign(this.town.admin, "WARNING", Long.toString(attended),
				"AREA_HEAD", null, this.gridWorker.id()))
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	void aWarningRaisedOrClosedRunsTheCheckAgain() {
		this.coverage.check(this.town.community);
		long raised = warning("GRID", key(this.emptyGrid), this.emptyGrid.id(), "OPEN");
		this.transaction
			.executeWithoutResult((status) -> this.events.publishEvent(new WarningRaised(this.town.community, raised,
					"GRID", key(this.emptyGrid), WarningLevel.RED, List.of(), false, 0)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(gaps(this.coverage.stored(this.town.community, null)))
				.contains("WARNING " + raised + " GRID_WORKER NO_RESPONSIBLE"));

		WarningView warning = this.warnings.get(this.town.admin, raised);
		this.warnings.close(this.town.admin, raised, warning.version(), "RESOLVED", "已入户化解");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(gaps(this.coverage.stored(this.town.community, null)))
				.noneMatch((gap) -> gap.startsWith("WARNING " + raised + " ")));
	}

	/**
	 * @param routed whom the warning was sent to
	 * @return a warning written as the engine would, in the test's own community
	 */
	private long warning(String subjectType, String subjectId, @Nullable Long grid, String state, Long... routed) {
		boolean isClosed = state.equals("CLOSED");
		return this.jdbc.sql("""
				insert into warning (community_id, subject_type, subject_id, grid_id, level, score, reasons, state,
				                     raised_at, ack_due_at, responsible_user_ids, model_version, disposition, closed_at)
				values (:c, :type, :id, :grid, 'RED', 90, '[]', :state, now(), now() + interval '2 hours',
				        cast(:routed as bigint[]), 1, :disposition, :closedAt)
				returning id
				""")
			.param("c", this.town.community.value())
			.param("type", subjectType)
			.param("id", subjectId)
			.param("grid", grid)
			.param("state", state)
			.param("routed", routed)
			.param("disposition", isClosed ? "RESOLVED" : null)
			.param("closedAt", isClosed ? java.sql.Timestamp.from(java.time.Instant.now()) : null)
			.query(Long.class)
			.single();
	}

	@Test
	void theNightlyCheckRunsOnceANight() {
		LocalDate night = LocalDate.of(2099, 1, 1);
		assertThat(this.clock.runNight(this.town.community, night)).isTrue();
		assertThat(this.clock.runNight(this.town.community, night)).as("another node finds the night taken").isFalse();
		assertThat(this.clock.runNight(this.town.community, night.plusDays(1))).isTrue();
	}

	private ConflictCaseView register(Place grid) {
		return this.conflicts.register(this.town.admin,
				new NewConflictCase("PROPERTY", RegistryFixtures.unique("物业费争议"), "多收物业费，住户不满", "ORDINARY", List.of(),
						List.of("XIEJIE"), 3, this.leader.id(), null, null, grid.id(), "REPORT", null));
	}

	private long unit(UnitKind kind) {
		return this.jdbc.sql("select id from duty_unit where community_id = :c and kind = :kind")
			.param("c", this.town.community.value())
			.param("kind", kind.name())
			.query(Long.class)
			.single();
	}

	private long openGapId(String type, String key) {
		return this.jdbc.sql("""
				select id from duty_gap where community_id = :c and subject_type = :type and subject_key = :key
				  and resolved_at is null
				""")
			.param("c", this.town.community.value())
			.param("type", type)
			.param("key", key)
			.query(Long.class)
			.single();
	}

	private List<Long> openGapIds() {
		return this.jdbc.sql("select id from duty_gap where community_id = :c and resolved_at is null order by id")
			.param("c", this.town.community.value())
			.query(Long.class)
			.list();
	}

	private int notices(UserAccount recipient, long gapId) {
		return this.jdbc.sql("""
				select count(*) from notification
				where community_id = :c and recipient_id = :r and kind = 'COVERAGE_GAP' and subject_id = :gap
				""")
			.param("c", this.town.community.value())
			.param("r", recipient.id())
			.param("gap", gapId)
			.query(Integer.class)
			.single();
	}

	private static List<String> gaps(CoverageReport report) {
		return report.gaps()
			.stream()
			.map((gap) -> gap.subjectType() + " " + gap.subjectId() + " " + gap.level() + " " + gap.reason())
			.toList();
	}

	private static String key(Place place) {
		return Long.toString(place.id());
	}

}
