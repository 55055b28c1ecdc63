package org.anju.stability;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonDeceased;
import org.anju.people.PersonManagement;
import org.anju.people.PersonStatus;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person's death closes the conflict cases they were the only party to, flags those
 * where others remain for reassignment, and ends their key-person designation, keeping
 * every record and timeline; once, however often the event comes.
 */
@AnjuSpringTest
class DeceasedPartiesTests {

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	ConflictManagement conflicts;

	@Autowired
	KeyPersons keyPersons;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	final CurrentUser admin = RegistryFixtures.admin();

	final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	Street street;

	Person deceased;

	Person neighbour;

	UserAccount leader;

	@BeforeEach
	void twoNeighbours() {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		this.street = registry.street();
		this.deceased = registry.person(this.street.room().id());
		this.neighbour = registry.person(this.street.room().id());
		this.leader = registry.user(Role.LEADER, Set.of(), null, null);
	}

	@Test
	void aCaseWithTheDeceasedAsItsOnlyPartyEndsAndOneWithOthersIsFlaggedForReassignment() {
		long alone = register("NEIGHBOUR", List.of(this.deceased.id()));
		long shared = register("FAMILY", List.of(this.deceased.id(), this.neighbour.id()));
		long others = register("HOUSING", List.of(this.neighbour.id()));
		KeyPerson key = this.keyPersons.designate(this.admin,
				new NewKeyPerson(this.deceased.id(), "多次扬言上访", "B", null, this.leader.id()));

		this.people.changeStatus(this.admin, this.deceased.id(), this.deceased.version(), PersonStatus.DECEASED,
				this.today);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(this.conflicts.get(this.admin, alone).state()).isEqualTo(ConflictState.RESOLVED));
		ConflictCaseView closed = this.conflicts.get(this.admin, alone);
		assertThat(closed.summary()).contains(this.today.toString());
		assertThat(closed.confirmedByParties()).isNull();
		assertThat(closed.closedAt()).isNotNull();
		assertThat(closed.partyPersonIds()).containsExactly(this.deceased.id());
		assertThat(closed.timeline()).extracting(ConflictCaseView.TimelineEntry::action)
			.containsExactly("register", "party-deceased");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(steps(shared)).containsExactly("register", "party-deceased"));
		ConflictCaseView flagged = this.conflicts.get(this.admin, shared);
		assertThat(flagged.state()).isEqualTo(ConflictState.REGISTERED);
		ConflictCaseView.TimelineEntry step = flagged.timeline().get(1);
		assertThat(step.detail()).containsEntry("reassign", true);
		assertThat(step.note()).contains(Long.toString(this.deceased.id()));
		assertThat(flagged.partyPersonIds()).containsExactly(this.deceased.id(), this.neighbour.id());
		assertThat(steps(others)).containsExactly("register");

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(this.keyPersons.get(this.admin, key.id()).endedAt()).isNotNull());

		this.transaction.executeWithoutResult((status) -> this.events
			.publishEvent(new PersonDeceased(RegistryFixtures.COMMUNITY, this.deceased.id(), this.today)));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(steps(shared)).hasSize(2));
		assertThat(steps(alone)).hasSize(2);
	}

	private List<String> steps(long id) {
		return this.conflicts.get(this.admin, id)
			.timeline()
			.stream()
			.map(ConflictCaseView.TimelineEntry::action)
			.toList();
	}

	private long register(String type, List<Long> parties) {
		return this.conflicts
			.register(this.admin,
					new NewConflictCase(type, RegistryFixtures.unique("邻里纠纷"), "楼上夜间噪音", "ORDINARY", parties, List.of(),
							parties.size(), this.leader.id(), null, null, this.street.grid().id(), null, null))
			.id();
	}

}
