package org.anju.care;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.shared.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Merging two records of one person moves every care row of the other record to the
 * person kept, keeping one of whatever both held, or refuses the whole merge when the two
 * cannot be one person. Each test has a community of its own.
 */
@AnjuSpringTest
class CareMergeTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	SpecialLists special;

	@Autowired
	QualificationChecks checks;

	@Autowired
	Deaths deaths;

	@Autowired
	VisitLists lists;

	@Autowired
	CareVisits visits;

	CareCommunity community;

	CurrentUser admin;

	Place grid;

	Place otherGrid;

	UserAccount worker;

	LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@BeforeEach
	void aCommunityWithTwoGrids() {
		this.community = new CareCommunity(this.jdbc, this.places, this.people, this.users);
		this.admin = this.community.admin;
		this.grid = this.community.grid();
		this.otherGrid = this.community.grid();
		this.worker = this.community.account(Role.GRID_WORKER, Set.of(this.grid.id(), this.otherGrid.id()));
	}

	@Test
	void flagsAndChecksFollowTheKeptPersonKeepingOneOfEachAndTheCheckedSubjectInTheKeptPersonsGrid() {
		Person kept = this.community.person(this.grid, "RETIRED");
		Person merged = this.community.person(this.otherGrid, "RETIRED");
		flag(kept, SpecialList.LIVING_ALONE);
		flag(merged, SpecialList.LIVING_ALONE);
		flag(merged, SpecialList.HARDSHIP);
		QualificationCampaign campaign = this.checks.open(this.admin, this.today.getYear(), this.today.plusDays(30),
				null);
		assertThat(campaign.subjects()).isEqualTo(2);
		this.checks.record(this.admin, campaign.id(), merged.id(), this.today, QualificationMethod.VIDEO, null);

		this.people.merge(this.admin, kept.id(), merged.id());

		assertThat(this.jdbc
			.sql("select flag || ' ' || coalesce(end_reason, 'open') from special_flag where community_id = :c"
					+ " and person_id = :p")
			.param("c", this.community.community.value())
			.param("p", kept.id())
			.query(String.class)
			.list())
			.containsExactlyInAnyOrder("LIVING_ALONE open", "LIVING_ALONE " + CarePeople.MERGED, "HARDSHIP open");
		assertThat(this.jdbc.sql("select count(*) from special_flag where community_id = :c and person_id = :p")
			.param("c", this.community.community.value())
			.param("p", merged.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("select person_id, method from qualification_subject where community_id = :c and campaign_id = :id")
			.param("c", this.community.community.value())
			.param("id", campaign.id())
			.query((rs, n) -> rs.getLong(1) + " " + rs.getString(2))
			.list()).containsExactly(kept.id() + " VIDEO");
		assertThat(this.checks.get(this.admin, campaign.id()).subjects()).isEqualTo(1);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where community_id = :c and action = 'CARE_ROWS_MERGED'"
					+ " and subject_id = :p")
			.param("c", this.community.community.value())
			.param("p", Long.toString(kept.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.jdbc
				.sql("select grid_id from special_flag where community_id = :c and person_id = :p and ended_on is null")
				.param("c", this.community.community.value())
				.param("p", kept.id())
				.query(Long.class)
				.list()).containsExactly(this.grid.id(), this.grid.id()));
	}

	@Test
	void aDeathRegistrationFollowsTheKeptPersonWithTheFlagsItEnded() {
		Person kept = this.community.person(this.grid, "RETIRED");
		Person merged = this.community.person(this.otherGrid, "RETIRED");
		SpecialFlag flag = flag(merged, SpecialList.DISABLED);
		Death death = this.deaths.register(this.admin, new NewDeath(merged.id(), this.today, "王五", "儿子", null));

		this.people.merge(this.admin, kept.id(), merged.id());

		assertThat(this.deaths.get(this.admin, death.id()).personId()).isEqualTo(kept.id());
		assertThat(this.special.get(this.admin, flag.id()).personId()).isEqualTo(kept.id());
	}

	@Test
	void twoRecordsBothRegisteredDeadAreNotMergedAndNothingOfTheMergeIsWritten() {
		Person kept = this.community.person(this.grid, "RETIRED");
		Person merged = this.community.person(this.grid, "RETIRED");
		SpecialFlag flag = flag(merged, SpecialList.LIVING_ALONE);
		this.deaths.register(this.admin, new NewDeath(kept.id(), this.today, "王五", "儿子", null));
		this.deaths.register(this.admin, new NewDeath(merged.id(), this.today, "王五", "儿子", null));

		assertThatThrownBy(() -> this.people.merge(this.admin, kept.id(), merged.id())).isInstanceOf(Refused.class)
			.hasMessageContaining("care.merge.twoDeaths");

		assertThat(this.people.get(this.admin, merged.id()).id()).isEqualTo(merged.id());
		assertThat(this.special.get(this.admin, flag.id()).personId()).isEqualTo(merged.id());
	}

	@Test
	void twoOpenEntriesOnOneListBecomeTheKeptPersonsOneEntryAndTheMergeIsAudited() {
		Person kept = eighty(this.grid);
		Person merged = eighty(this.otherGrid);
		VisitList list = roundBirthdays();

		this.people.merge(this.admin, kept.id(), merged.id());

		assertThat(entries(list)).containsExactly(kept.id() + " OPEN null");
		assertThat(mergeAudits(kept)).containsExactly("{\"entriesDropped\": 1}");
	}

	@Test
	void theMergedPersonsVisitWinsOverTheKeptPersonsCancelledEntryAndFollowsTheKeptPerson() {
		Person kept = eighty(this.grid);
		Person merged = eighty(this.otherGrid);
		VisitList list = roundBirthdays();
		CareVisit visit = visit(merged);
		this.deaths.register(this.admin, new NewDeath(kept.id(), this.today, "王五", "儿子", null));
		assertThat(entries(list)).containsExactlyInAnyOrder(kept.id() + " CANCELLED null",
				merged.id() + " VISITED " + visit.id());

		this.people.merge(this.admin, kept.id(), merged.id());

		assertThat(entries(list)).containsExactly(kept.id() + " VISITED " + visit.id());
		assertThat(this.visits.get(this.admin, visit.id()).personId()).isEqualTo(kept.id());
		assertThat(mergeAudits(kept)).containsExactly("{\"entriesDropped\": 1}");
	}

	@Test
	void whenBothWereVisitedTheKeptPersonsEntryStaysAndBothVisitsFollowTheKeptPerson() {
		Person kept = eighty(this.grid);
		Person merged = eighty(this.otherGrid);
		VisitList list = roundBirthdays();
		CareVisit keptVisit = visit(kept);
		CareVisit mergedVisit = visit(merged);

		this.people.merge(this.admin, kept.id(), merged.id());

		assertThat(entries(list)).containsExactly(kept.id() + " VISITED " + keptVisit.id());
		assertThat(this.visits.get(this.admin, mergedVisit.id()).personId()).isEqualTo(kept.id());
		assertThat(this.visits.get(this.admin, keptVisit.id()).personId()).isEqualTo(kept.id());
	}

	/** Someone who turns eighty within {@link #roundBirthdays()}. */
	private Person eighty(Place grid) {
		return this.community.born(this.community.room(grid), "RETIRED", LocalDate.of(1946, 11, 15));
	}

	private VisitList roundBirthdays() {
		return this.lists
			.generate(this.admin,
					new NewVisitList(VisitListRule.ROUND_BIRTHDAY, null, LocalDate.of(2026, 11, 1),
							LocalDate.of(2026, 12, 31), null))
			.list();
	}

	private List<String> entries(VisitList list) {
		return this.lists.get(this.admin, list.id(), null, false, null, 200)
			.entries()
			.stream()
			.map((entry) -> entry.personId() + " " + entry.state() + " " + entry.visitId())
			.toList();
	}

	private CareVisit visit(Person person) {
		return this.visits.record(this.admin,
				new NewVisit(person.id(), this.today.toString(), List.of(this.worker.id()), "OTHER",
						List.of(new NewVisit.Gift("慰问品", new BigDecimal("100"))), "精神尚好。", "CALM", null, List.of()));
	}

	/** How many entries each care merge of the person dropped. */
	private List<String> mergeAudits(Person kept) {
		return this.jdbc
			.sql("select jsonb_build_object('entriesDropped', detail -> 'entriesDropped')::text from audit_event"
					+ " where community_id = :c and action = 'CARE_ROWS_MERGED' and subject_id = :p")
			.param("c", this.community.community.value())
			.param("p", Long.toString(kept.id()))
			.query(String.class)
			.list();
	}

	private SpecialFlag flag(Person person, SpecialList list) {
		return this.special.add(this.admin,
				new NewSpecialFlag(person.id(), list, null, this.today.minusDays(30), "走访", null));
	}

}
