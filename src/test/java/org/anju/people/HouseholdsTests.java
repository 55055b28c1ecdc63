package org.anju.people;

import java.util.Set;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * A household is the people of one room with a head; members live in that room.
 */
@AnjuSpringTest
class HouseholdsTests {

	@Autowired
	Households households;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	MockMvc mvc;

	RegistryFixtures fixtures;

	Street street;

	Person head;

	Person spouse;

	@BeforeEach
	void aRoomWithTwoPeople() {
		this.fixtures = new RegistryFixtures(this.places, this.people, this.users);
		this.street = this.fixtures.street();
		this.head = this.fixtures.person(this.street.room().id());
		this.spouse = this.fixtures.person(this.street.room().id());
	}

	@Test
	void aHeadFoundsAHouseholdAndSomeoneOfTheSameRoomJoinsIt() {
		Household founded = this.households.found(RegistryFixtures.admin(), this.head.id());
		Household joined = this.households.join(RegistryFixtures.admin(), founded.id(), this.spouse.id(), "SPOUSE");

		assertThat(joined.headPersonId()).isEqualTo(this.head.id());
		assertThat(joined.members()).extracting(Household.Member::personId, Household.Member::relation)
			.containsExactly(tuple(this.head.id(), "HEAD"), tuple(this.spouse.id(), "SPOUSE"));
		assertThat(this.people.get(RegistryFixtures.admin(), this.spouse.id()).householdId()).isEqualTo(founded.id());
	}

	@Test
	void someoneFromAnotherRoomCannotJoin() {
		Household founded = this.households.found(RegistryFixtures.admin(), this.head.id());
		Person elsewhere = this.fixtures.person(this.fixtures.room(this.street.building()).id());

		assertThatThrownBy(() -> this.households.join(RegistryFixtures.admin(), founded.id(), elsewhere.id(), "CHILD"))
			.isInstanceOf(Refused.class)
			.hasMessage("household.member.otherRoom");
	}

	@Test
	void theHeadLeavesLast() {
		Household founded = this.households.found(RegistryFixtures.admin(), this.head.id());
		this.households.join(RegistryFixtures.admin(), founded.id(), this.spouse.id(), "SPOUSE");

		assertThatThrownBy(() -> this.households.leave(RegistryFixtures.admin(), founded.id(), this.head.id()))
			.isInstanceOf(Refused.class);
		Household afterSpouse = this.households.leave(RegistryFixtures.admin(), founded.id(), this.spouse.id());
		assertThat(afterSpouse.members()).extracting(Household.Member::personId).containsExactly(this.head.id());
	}

	@Test
	void aGridWorkerOfAnotherGridDoesNotSeeTheHousehold() {
		Household founded = this.households.found(RegistryFixtures.admin(), this.head.id());
		CurrentUser stranger = RegistryFixtures.gridWorker(this.fixtures.street().grid().id());

		assertThatThrownBy(() -> this.households.get(stranger, founded.id())).isInstanceOf(NotFound.class);
	}

	@Test
	void theConsoleShowsTheHouseholdAndExplainsARefusal() throws Exception {
		UserAccount account = this.users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((user) -> user.role() == Role.ADMIN)
			.findFirst()
			.orElseThrow();
		CurrentUser admin = new CurrentUser(RegistryFixtures.COMMUNITY.value(), account.id(), account.username(),
				account.displayName(), Role.ADMIN, Set.of(), null, null, false);
		var signedIn = authentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
				Role.ADMIN.permissions().stream().map((p) -> new SimpleGrantedAuthority(p.name())).toList()));

		this.mvc.perform(post("/people/{id}/household", this.head.id()).with(csrf()).with(signedIn))
			.andExpect(redirectedUrl("/people/" + this.head.id() + "?saved="));
		long household = this.people.get(admin, this.head.id()).householdId();
		Person elsewhere = this.fixtures.person(this.fixtures.room(this.street.building()).id());

		this.mvc
			.perform(post("/households/{h}/members", household).with(csrf())
				.with(signedIn)
				.param("from", Long.toString(this.head.id()))
				.param("personId", Long.toString(elsewhere.id()))
				.param("relation", "CHILD"))
			.andExpect(flash().attribute("householdError", elsewhere.name() + " 不住在这一户的房间里。"));
		this.mvc.perform(get("/people/{id}", this.head.id()).with(signedIn))
			.andExpect(content().string(containsString(this.head.name())))
			.andExpect(content().string(containsString("离户")));
		assertThat(this.people.get(admin, elsewhere.id()).householdId()).isNull();
	}

}
