package org.anju.notifications;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.anju.stability.ScreeningGridLate;
import org.anju.stability.ScreeningReportDue;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A screening round's reminder reaches the grid workers of the grid that owes the report,
 * and a late grid reaches the leaders; each once per round and grid, however often the
 * event comes, and nobody else.
 */
@AnjuSpringTest
class ScreeningNoticesTests {

	@Autowired
	PlaceManagement places;

	@Autowired
	UserManagement users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theGridWorkersHearOfTheDeadlineAndTheLeadersOfALateGrid() {
		RegistryFixtures fixtures = new RegistryFixtures(this.places, null, this.users);
		Street street = fixtures.street();
		long grid = street.grid().id();
		UserAccount worker = fixtures.user(Role.GRID_WORKER, Set.of(grid), null, null);
		UserAccount otherGrid = fixtures.user(Role.GRID_WORKER, Set.of(fixtures.grid(street.area()).id()), null, null);
		UserAccount leader = fixtures.user(Role.LEADER, Set.of(), null, null);
		long round = 900_000 + grid;
		LocalDate deadline = LocalDate.of(2026, 12, 4);

		for (int i = 0; i < 2; i++) {
			publish(new ScreeningReportDue(RegistryFixtures.COMMUNITY, round, "2026-11", grid, street.area().id(),
					deadline));
			publish(new ScreeningGridLate(RegistryFixtures.COMMUNITY, round, "2026-11", grid, street.area().id(),
					deadline));
		}

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(kinds(leader)).containsExactly("SCREENING_LATE"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(kinds(worker)).containsExactly("SCREENING_DUE"));
		assertThat(kinds(otherGrid)).as("another grid's worker owes nothing").isEmpty();
		assertThat(this.jdbc.sql("""
				select subject_number || ' ' || subject_title from notification
				where community_id = 1 and recipient_id = :user
				""").param("user", worker.id()).query(String.class).single())
			.isEqualTo("2026-11 " + street.area().name() + " " + street.grid().name() + " · 2026-12-04");
	}

	private void publish(Object event) {
		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	private List<String> kinds(UserAccount user) {
		return this.jdbc.sql("""
				select kind from notification
				where community_id = 1 and recipient_id = :user and subject_type = 'SCREENING_ROUND'
				""").param("user", user.id()).query(String.class).list();
	}

}
