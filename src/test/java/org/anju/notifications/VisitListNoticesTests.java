package org.anju.notifications;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.care.NewSpecialFlag;
import org.anju.care.NewVisitList;
import org.anju.care.SpecialList;
import org.anju.care.SpecialLists;
import org.anju.care.VisitListRule;
import org.anju.care.VisitLists;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A generated visit list tells each grid worker given people on it how many are theirs
 * and by when, once per generation; a top-up that adds nobody tells nobody, and a worker
 * of another grid hears nothing.
 */
@AnjuSpringTest
class VisitListNoticesTests {

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	SpecialLists special;

	@Autowired
	VisitLists lists;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachGridWorkerHearsOfThePeopleAssignedToThem() {
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		Street street = fixtures.street();
		UserAccount worker = fixtures.user(Role.GRID_WORKER, Set.of(street.grid().id()), null, null);
		UserAccount otherGrid = fixtures.user(Role.GRID_WORKER, Set.of(fixtures.grid(street.area()).id()), null, null);
		LocalDate to = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		// a period of its own, so that the list is this test's
		LocalDate from = to.minusDays(ThreadLocalRandom.current().nextInt(30, 360));
		hardship(fixtures.person(street.room().id()), from);
		hardship(fixtures.person(street.room().id()), from);
		NewVisitList form = new NewVisitList(VisitListRule.HARDSHIP, null, from, to, null);

		long list = this.lists.generate(RegistryFixtures.admin(), form).list().id();

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(titles(worker, list)).hasSize(1));
		assertThat(titles(worker, list).get(0)).startsWith("2 人").contains(to.toString());
		assertThat(this.jdbc
			.sql("select subject_number from notification where community_id = 1 and recipient_id = :r"
					+ " and subject_type = 'VISIT_LIST' and subject_id = :list")
			.param("r", worker.id())
			.param("list", list)
			.query(String.class)
			.single()).contains("困难").contains(from.toString());
		assertThat(new Notification(1, NotificationKind.VISIT_LIST_ASSIGNED, Notification.Subject.VISIT_LIST, list, "",
				"", java.time.Instant.now(), null)
			.link()).isEqualTo("/care/visits/lists/" + list);

		this.lists.generate(RegistryFixtures.admin(), form);
		hardship(fixtures.person(street.room().id()), from);
		this.lists.generate(RegistryFixtures.admin(), form);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(titles(worker, list)).hasSize(2));
		assertThat(titles(worker, list)).anySatisfy((title) -> assertThat(title).startsWith("1 人"));
		assertThat(titles(otherGrid, list)).isEmpty();
	}

	private void hardship(Person person, LocalDate since) {
		this.special.add(RegistryFixtures.admin(),
				new NewSpecialFlag(person.id(), SpecialList.HARDSHIP, null, since, "走访", null));
	}

	private List<String> titles(UserAccount recipient, long list) {
		return this.jdbc
			.sql("select subject_title from notification where community_id = 1 and recipient_id = :r"
					+ " and kind = 'VISIT_LIST_ASSIGNED' and subject_id = :list order by id")
			.param("r", recipient.id())
			.param("list", list)
			.query(String.class)
			.list();
	}

}
