package org.anju.letters;

import java.util.List;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.RoutingRules;
import org.anju.duty.Organisation;
import org.anju.identity.ApiCallers;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's letter: signed by the area's head, and vetoed by the collective appeal
 * planted in that area, which its assessment names.
 */
@AnjuSpringTest
class LetterDemoTests {

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
	Letters letters;

	@Autowired
	Organisation organisation;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theDemoLetterIsSignedByTheHeadAndVetoedByThePlantedCollectiveAppeal() {
		new LetterFixtures(new ApiCallers(this.mvc, this.json),
				new RegistryFixtures(this.places, this.people, this.users), this.appeals, this.categories, this.rules)
			.area();
		LetterDemo demo = new LetterDemo(this.letters, this.organisation, this.users, this.appeals, this.categories,
				this.transaction, RegistryFixtures.COMMUNITY.value());

		Letter letter = this.transaction.execute((status) -> demo.plant(RegistryFixtures.admin())).orElseThrow();

		assertThat(letter.state()).isEqualTo(Letter.State.SIGNED);
		assertThat(letter.current().signedBy()).isNotNull();
		Score score = this.letters.score(RegistryFixtures.COMMUNITY, letter);
		assertThat(score.vetoed()).isTrue();
		Score.Line veto = score.lines()
			.stream()
			.filter((line) -> line.target().kind() == Target.Kind.VETO)
			.findFirst()
			.orElseThrow();
		assertThat(veto.met()).isFalse();
		List<String> links = veto.figure().evidence().stream().map(Figure.Evidence::link).toList();
		assertThat(links).isNotEmpty().allMatch((link) -> link.startsWith("/appeals/"));
	}

}
