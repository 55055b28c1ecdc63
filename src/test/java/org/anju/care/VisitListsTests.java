package org.anju.care;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Household;
import org.anju.people.Households;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.stability.KeyPersons;
import org.anju.stability.NewKeyPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule puts the right people on its list, assigned to the grid workers of their
 * grid; generating a list twice adds nobody twice; a visit ticks the person's entries and
 * a death cancels the open ones; coverage counts the share visited by grid and group,
 * within the caller's grids, and shows what is overdue. Each test has a community of its
 * own, so that every count is exact.
 */
@AnjuSpringTest
class VisitListsTests {

	private static final LocalDate DOUBLE_NINTH_2026 = LocalDate.of(2026, 10, 18);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	Households households;

	@Autowired
	SpecialLists special;

	@Autowired
	Deaths deaths;

	@Autowired
	VisitLists lists;

	@Autowired
	KeyPersons keyPersons;

	@Autowired
	CareVisits visits;

	CareCommunity community;

	CurrentUser admin;

	Place grid;

	Place otherGrid;

	UserAccount worker;

	CurrentUser workerUser;

	LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@BeforeEach
	void aCommunityWithTwoGridsAndAWorkerForOne() {
		this.community = new CareCommunity(this.jdbc, this.places, this.people, this.users);
		this.admin = this.community.admin;
		this.grid = this.community.grid();
		this.otherGrid = this.community.grid();
		this.worker = this.community.account(Role.GRID_WORKER, Set.of(this.grid.id()));
		this.workerUser = new CurrentUser(this.community.community.value(), this.worker.id(), this.worker.username(),
				this.worker.displayName(), Role.GRID_WORKER, Set.of(this.grid.id()), null, null, false);
	}

	@Test
	void aFestivalListHoldsTheRetireesOfSeventyAndOverAndEveryoneOnACareListEachAssignedToTheirGridWorker() {
		Person seventyFive = born(this.grid, "RETIRED", DOUBLE_NINTH_2026.minusYears(75));
		Person seventyThatDay = born(this.otherGrid, "VETERAN_RETIRED", DOUBLE_NINTH_2026.minusYears(70));
		born(this.grid, "RETIRED", DOUBLE_NINTH_2026.minusYears(70).plusDays(1));
		born(this.grid, "FAMILY_RESIDENT", DOUBLE_NINTH_2026.minusYears(85));
		Person alone = born(this.grid, "ACTIVE_EMPLOYEE", DOUBLE_NINTH_2026.minusYears(50));
		flag(alone, SpecialList.LIVING_ALONE, LocalDate.of(2025, 1, 1));

		VisitLists.Generation generation = this.lists.generate(this.admin,
				new NewVisitList(VisitListRule.DOUBLE_NINTH, 2026, null, null, null));

		assertThat(generation.created()).isTrue();
		assertThat(generation.added()).isEqualTo(3);
		VisitList list = generation.list();
		assertThat(list.periodStart()).isEqualTo(DOUBLE_NINTH_2026);
		assertThat(list.periodEnd()).isEqualTo(DOUBLE_NINTH_2026);
		assertThat(list.dueDate()).isEqualTo(DOUBLE_NINTH_2026);
		List<VisitEntry> entries = entries(this.admin, list.id());
		assertThat(entries).extracting(VisitEntry::personId)
			.containsExactlyInAnyOrder(seventyFive.id(), seventyThatDay.id(), alone.id());
		VisitEntry first = entry(entries, seventyFive);
		assertThat(first.assigneeIds()).containsExactly(this.worker.id());
		assertThat(first.why()).contains("75");
		assertThat(first.groupCodes()).containsExactly("RETIRED");
		assertThat(entry(entries, seventyThatDay).assigneeIds()).isEmpty();
		assertThat(audits("VISIT_LIST_GENERATED", list.id())).isEqualTo(1);
	}

	@Test
	void generatingTheSameRuleAndPeriodAgainAddsOnlyWhoeverQualifiedSince() {
		born(this.grid, "RETIRED", DOUBLE_NINTH_2026.minusYears(80));
		NewVisitList form = new NewVisitList(VisitListRule.DOUBLE_NINTH, 2026, null, null, null);
		VisitLists.Generation first = this.lists.generate(this.admin, form);
		VisitLists.Generation again = this.lists.generate(this.admin, form);

		assertThat(again.created()).isFalse();
		assertThat(again.added()).isZero();
		assertThat(again.list().id()).isEqualTo(first.list().id());
		assertThat(entries(this.admin, first.list().id())).hasSize(1);

		born(this.otherGrid, "RETIRED", DOUBLE_NINTH_2026.minusYears(90));
		VisitLists.Generation topped = this.lists.generate(this.admin, form);
		assertThat(topped.added()).isEqualTo(1);
		assertThat(entries(this.admin, first.list().id())).hasSize(2);
		assertThat(this.jdbc.sql("select count(*) from visit_list where community_id = :c")
			.param("c", this.community.community.value())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(audits("VISIT_LIST_GENERATED", first.list().id())).isEqualTo(1);
		assertThat(audits("VISIT_LIST_TOPPED_UP", first.list().id())).isEqualTo(2);
	}

	@Test
	void keyPersonsDueForAContactWithinThePeriodAreOnTheList() {
		Person due = born(this.grid, "RETIRED", LocalDate.of(1960, 5, 1));
		Person later = born(this.grid, "RETIRED", LocalDate.of(1961, 5, 1));
		this.keyPersons.designate(this.admin, new NewKeyPerson(due.id(), "多次扬言上访", "A", null, this.worker.id()));
		this.keyPersons.designate(this.admin, new NewKeyPerson(later.id(), "情绪不稳", "C", null, this.worker.id()));

		VisitList list = this.lists
			.generate(this.admin,
					new NewVisitList(VisitListRule.KEY_PERSON, null, this.today, this.today.plusDays(10), null))
			.list();

		List<VisitEntry> entries = entries(this.admin, list.id());
		assertThat(entries).extracting(VisitEntry::personId)
			.as("grade A is due in a week, grade C in a quarter")
			.containsExactly(due.id());
		assertThat(entry(entries, due).why()).contains(this.today.plusDays(7).toString());
	}

	@Test
	void roundBirthdaysAreTheEightiethNinetiethAndHundredthWithinThePeriod() {
		LocalDate from = LocalDate.of(2026, 11, 1);
		LocalDate to = LocalDate.of(2026, 12, 31);
		Person eighty = born(this.grid, "FAMILY_RESIDENT", LocalDate.of(1946, 11, 15));
		Person ninety = born(this.grid, "RETIRED", LocalDate.of(1936, 12, 31));
		Person hundred = born(this.otherGrid, "RETIRED", LocalDate.of(1926, 11, 1));
		born(this.grid, "RETIRED", LocalDate.of(1946, 10, 31));
		born(this.grid, "RETIRED", LocalDate.of(1945, 11, 15));
		born(this.grid, "RETIRED", LocalDate.of(1956, 11, 15));

		VisitList list = this.lists
			.generate(this.admin, new NewVisitList(VisitListRule.ROUND_BIRTHDAY, null, from, to, null))
			.list();

		List<VisitEntry> entries = entries(this.admin, list.id());
		assertThat(entries).extracting(VisitEntry::personId)
			.containsExactlyInAnyOrder(eighty.id(), ninety.id(), hundred.id());
		assertThat(entry(entries, eighty).why()).contains("80").contains("2026-11-15");
		assertThat(entry(entries, hundred).why()).contains("100").contains("2026-11-01");
		assertThat(list.dueDate()).isEqualTo(to);
	}

	@Test
	void illnessLivingAloneAndHardshipFollowTheirSpecialLists() {
		Person ill = born(this.grid, "RETIRED", LocalDate.of(1950, 3, 3));
		Person alone = born(this.grid, "RETIRED", LocalDate.of(1950, 3, 4));
		Person emptyNest = born(this.otherGrid, "RETIRED", LocalDate.of(1950, 3, 5));
		Person poor = born(this.grid, "LAID_OFF_IN_PLACE", LocalDate.of(1970, 3, 5));
		Person recovered = born(this.grid, "RETIRED", LocalDate.of(1950, 3, 6));
		LocalDate since = this.today.minusDays(20);
		flag(ill, SpecialList.ILLNESS, since);
		flag(alone, SpecialList.LIVING_ALONE, since);
		flag(emptyNest, SpecialList.EMPTY_NEST, since);
		flag(poor, SpecialList.HARDSHIP, since);
		SpecialFlag ended = flag(recovered, SpecialList.ILLNESS, since);
		this.special.end(this.admin, ended.id(), ended.version(), this.today.minusDays(10), "出院");
		LocalDate from = this.today.minusDays(5);

		assertThat(people(VisitListRule.ILLNESS, from, this.today)).containsExactly(ill.id());
		assertThat(people(VisitListRule.LIVING_ALONE, from, this.today)).containsExactlyInAnyOrder(alone.id(),
				emptyNest.id());
		assertThat(people(VisitListRule.HARDSHIP, from, this.today)).containsExactly(poor.id());
	}

	@Test
	void bereavementListsTheHouseholdOfWhoeverDiedInThePeriod() {
		Place room = this.community.room(this.grid);
		Person head = this.community.born(room, "RETIRED", LocalDate.of(1940, 5, 5));
		Person widow = this.community.born(room, "RETIRED", LocalDate.of(1942, 6, 6));
		Person lodger = born(this.grid, "RETIRED", LocalDate.of(1942, 6, 7));
		Household household = this.households.found(this.admin, head.id());
		this.households.join(this.admin, household.id(), widow.id(), "SPOUSE");
		this.deaths.register(this.admin, new NewDeath(head.id(), this.today.minusDays(3), "王五", "儿子", null));

		VisitList list = this.lists
			.generate(this.admin,
					new NewVisitList(VisitListRule.BEREAVEMENT, null, this.today.minusDays(30), this.today, null))
			.list();

		List<VisitEntry> entries = entries(this.admin, list.id());
		assertThat(entries).extracting(VisitEntry::personId).containsExactly(widow.id()).doesNotContain(lodger.id());
		assertThat(entries.get(0).why()).contains(head.name());
	}

	@Test
	void aVisitTicksThePersonsOpenEntriesAndADeathCancelsTheRestKeepingTheVisitedOnes() {
		Person alone = born(this.grid, "RETIRED", LocalDate.of(1944, 2, 2));
		flag(alone, SpecialList.LIVING_ALONE, this.today.minusDays(30));
		flag(alone, SpecialList.HARDSHIP, this.today.minusDays(30));
		VisitList living = generate(VisitListRule.LIVING_ALONE, this.today.minusDays(10), this.today);
		CareVisit visit = visit(alone);
		assertThat(visit.tickedListIds()).containsExactly(living.id());
		VisitList hardship = generate(VisitListRule.HARDSHIP, this.today.minusDays(10), this.today);

		this.deaths.register(this.admin, new NewDeath(alone.id(), this.today, "李四", "邻居", null));

		VisitEntry visited = entries(this.admin, living.id()).get(0);
		assertThat(visited.state()).isEqualTo(VisitEntry.State.VISITED);
		assertThat(visited.visitId()).isEqualTo(visit.id());
		VisitEntry cancelled = entries(this.admin, hardship.id()).get(0);
		assertThat(cancelled.state()).isEqualTo(VisitEntry.State.CANCELLED);
		assertThat(cancelled.closeReason()).isEqualTo("DECEASED");
		VisitList.Progress progress = this.lists.get(this.admin, hardship.id(), null, false, null, 10)
			.list()
			.progress();
		assertThat(progress.entries()).isZero();
		assertThat(progress.cancelled()).isEqualTo(1);
		assertThat(audits("VISIT_ENTRY_CANCELLED", hardship.id())).isEqualTo(1);
	}

	@Test
	void coverageIsTheShareVisitedByGridAndByGroupAndTheRestIsOverdueOnceTheDueDayHasPassed() {
		Person first = born(this.grid, "RETIRED", LocalDate.of(1944, 1, 1));
		Person second = born(this.grid, "RETIRED", LocalDate.of(1944, 1, 2));
		Person third = born(this.otherGrid, "VETERAN_RETIRED", LocalDate.of(1930, 1, 3));
		for (Person person : List.of(first, second, third)) {
			flag(person, SpecialList.LIVING_ALONE, this.today.minusDays(60));
		}
		VisitList list = this.lists
			.generate(this.admin,
					new NewVisitList(VisitListRule.LIVING_ALONE, null, this.today.minusDays(20),
							this.today.minusDays(10), this.today.minusDays(5)))
			.list();
		visit(first);

		ListCoverage coverage = this.lists.coverage(this.admin, list.id());
		assertThat(coverage.total().entries()).isEqualTo(3);
		assertThat(coverage.total().visited()).isEqualTo(1);
		assertThat(coverage.total().percent()).isEqualTo(33.3);
		assertThat(coverage.total().overdue()).isEqualTo(2);
		assertThat(coverage.byGrid()).extracting((part) -> part.key() + " " + part.progress().percent())
			.containsExactlyInAnyOrder(this.grid.id() + " 50.0", this.otherGrid.id() + " 0.0");
		assertThat(coverage.byGrid()).extracting(ListCoverage.Part::name)
			.containsExactlyInAnyOrder(this.grid.name(), this.otherGrid.name());
		assertThat(coverage.byGroup())
			.extracting((part) -> part.key() + " " + part.progress().visited() + "/" + part.progress().entries())
			.containsExactlyInAnyOrder("RETIRED 1/2", "VETERAN_RETIRED 0/1");

		assertThat(this.lists.list(this.admin, true, null, null, null, 20).items()).extracting(VisitList::id)
			.containsExactly(list.id());
		assertThat(this.lists.get(this.admin, list.id(), null, true, null, 20).entries()).allMatch(VisitEntry::overdue)
			.extracting(VisitEntry::personId)
			.containsExactlyInAnyOrder(second.id(), third.id());

		VisitCoverage period = this.lists.coverage(this.admin.scope(), this.today.minusDays(30), this.today);
		assertThat(period.lists()).isEqualTo(1);
		assertThat(period.entries()).isEqualTo(3);
		assertThat(period.visited()).isEqualTo(1);
		assertThat(period.percent()).isEqualTo(33.3);
		assertThat(this.lists.coverage(this.admin.scope(), this.today.minusDays(4), this.today).entries()).isZero();
		assertThat(this.lists.coverage(this.workerUser.scope(), this.today.minusDays(30), this.today).percent())
			.isEqualTo(50.0);
	}

	@Test
	void theListsDueWithinAPeriodAreTheOnesItsCoverageCounts() {
		Person alone = born(this.grid, "RETIRED", LocalDate.of(1944, 1, 1));
		flag(alone, SpecialList.LIVING_ALONE, this.today.minusDays(60));
		VisitList earlier = this.lists
			.generate(this.admin,
					new NewVisitList(VisitListRule.LIVING_ALONE, null, this.today.minusDays(40),
							this.today.minusDays(30), null))
			.list();
		VisitList within = generate(VisitListRule.LIVING_ALONE, this.today.minusDays(10), this.today.minusDays(5));
		LocalDate from = this.today.minusDays(20);

		assertThat(this.lists.list(this.admin, false, from, this.today, null, 20).items()).extracting(VisitList::id)
			.containsExactly(within.id());
		assertThat(this.lists.coverage(this.admin.scope(), from, this.today).lists()).isEqualTo(1);
		assertThat(this.lists.list(this.admin, false, null, from, null, 20).items()).extracting(VisitList::id)
			.containsExactly(earlier.id());
		assertThat(this.lists.list(this.admin, true, from, this.today, null, 20).items()).extracting(VisitList::id)
			.as("past its due day with the entry still open")
			.containsExactly(within.id());
	}

	@Test
	void aGridWorkerSeesOnlyTheEntriesAndVisitsOfTheirGrids() {
		Person mine = born(this.grid, "RETIRED", LocalDate.of(1944, 1, 1));
		Person theirs = born(this.otherGrid, "RETIRED", LocalDate.of(1944, 1, 2));
		flag(mine, SpecialList.HARDSHIP, this.today.minusDays(60));
		flag(theirs, SpecialList.HARDSHIP, this.today.minusDays(60));
		VisitList list = generate(VisitListRule.HARDSHIP, this.today.minusDays(5), this.today);
		CareVisit outside = visit(theirs);

		VisitListDetail seen = this.lists.get(this.workerUser, list.id(), null, false, null, 20);
		assertThat(seen.entries()).extracting(VisitEntry::personId).containsExactly(mine.id());
		assertThat(seen.list().progress().entries()).isEqualTo(1);
		assertThat(this.lists.coverage(this.workerUser, list.id()).byGrid()).extracting(ListCoverage.Part::key)
			.containsExactly(Long.toString(this.grid.id()));
		assertThatThrownBy(() -> this.visits.get(this.workerUser, outside.id())).isInstanceOf(NotFound.class);
		assertThat(this.visits.list(this.workerUser, null, null, 20).items()).isEmpty();
		assertThatThrownBy(() -> this.visits.record(this.workerUser, visitOf(theirs))).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.lists.generate(this.workerUser,
				new NewVisitList(VisitListRule.DOUBLE_NINTH, 2026, null, null, null)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where community_id = :c and action = 'ACCESS_DENIED'")
					.param("c", this.community.community.value())
					.query(Long.class)
					.single())
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void aMergeMovesTheVisitsToThePersonKeptWithOneEntryPerList() {
		Person kept = born(this.grid, "RETIRED", LocalDate.of(1946, 11, 15));
		Person merged = born(this.grid, "RETIRED", LocalDate.of(1946, 11, 20));
		VisitList list = generate(VisitListRule.ROUND_BIRTHDAY, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 31));
		CareVisit visit = visit(merged);

		this.people.merge(this.admin, kept.id(), merged.id());

		assertThat(entries(this.admin, list.id())).extracting((entry) -> entry.personId() + " " + entry.state())
			.containsExactly(kept.id() + " VISITED");
		assertThat(this.visits.get(this.admin, visit.id()).personId()).isEqualTo(kept.id());
	}

	@Test
	void aListNeedsARuleAndAPeriodThatMakeSense() {
		assertThatThrownBy(() -> this.lists.generate(this.admin, new NewVisitList(null, null, null, null, null)))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.violations()).extracting(InvalidInput.Violation::field)
						.containsExactly("rule"));
		assertThatThrownBy(() -> this.lists.generate(this.admin,
				new NewVisitList(VisitListRule.MID_AUTUMN, 1999, null, null, null)))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.violations()).extracting(InvalidInput.Violation::field)
						.containsExactly("year"));
		assertThatThrownBy(() -> this.lists.generate(this.admin,
				new NewVisitList(VisitListRule.HARDSHIP, null, this.today, this.today.minusDays(1), null)))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.violations()).extracting(InvalidInput.Violation::field)
						.containsExactly("to"));
		assertThatThrownBy(() -> this.lists.generate(this.admin,
				new NewVisitList(VisitListRule.HARDSHIP, null, this.today.minusDays(400), this.today,
						this.today.minusDays(500))))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.violations()).extracting(InvalidInput.Violation::field)
						.containsExactly("to", "dueDate"));
		assertThat(this.jdbc.sql("select count(*) from visit_list where community_id = :c")
			.param("c", this.community.community.value())
			.query(Long.class)
			.single()).isZero();
	}

	private Person born(Place grid, String group, LocalDate birthDate) {
		return this.community.born(this.community.room(grid), group, birthDate);
	}

	private SpecialFlag flag(Person person, SpecialList list, LocalDate since) {
		return this.special.add(this.admin, new NewSpecialFlag(person.id(), list, null, since, "走访", null));
	}

	private VisitList generate(VisitListRule rule, LocalDate from, LocalDate to) {
		return this.lists.generate(this.admin, new NewVisitList(rule, null, from, to, null)).list();
	}

	private List<Long> people(VisitListRule rule, LocalDate from, LocalDate to) {
		return entries(this.admin, generate(rule, from, to).id()).stream().map(VisitEntry::personId).toList();
	}

	private List<VisitEntry> entries(CurrentUser user, long listId) {
		return this.lists.get(user, listId, null, false, null, 200).entries();
	}

	private static VisitEntry entry(List<VisitEntry> entries, Person person) {
		return entries.stream().filter((entry) -> entry.personId() == person.id()).findFirst().orElseThrow();
	}

	private CareVisit visit(Person person) {
		return this.visits.record(this.admin, visitOf(person));
	}

	private NewVisit visitOf(Person person) {
		return new NewVisit(person.id(), this.today.toString(), List.of(this.worker.id()), "LIVING_ALONE",
				List.of(new NewVisit.Gift("慰问金", new BigDecimal("300"))), "身体尚好，独自做饭。", "CALM", null, List.of());
	}

	private long audits(String action, long listId) {
		return this.jdbc.sql("""
				select count(*) from audit_event where community_id = :c and action = :action
				  and subject_type = 'VISIT_LIST' and subject_id = :id
				""")
			.param("c", this.community.community.value())
			.param("action", action)
			.param("id", Long.toString(listId))
			.query(Long.class)
			.single();
	}

}
