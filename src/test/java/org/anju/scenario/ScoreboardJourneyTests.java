package org.anju.scenario;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.RoutingRules;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.letters.LetterFixtures;
import org.anju.letters.LetterFixtures.Area;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.Territory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An area head walks the letters' scoreboard: the head's signed letter stands vetoed, the
 * score links to the letter, whose assessment shows the veto target missed and links to
 * the collective appeal behind it, which opens. Debian's Chromium drives the real server
 * on a random port; the screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ScoreboardJourneyTests {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

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

	@Test
	void anAreaHeadWalksTheScoreboardDownToTheAppealThatVetoesTheirLetter() {
		LetterFixtures fixtures = new LetterFixtures(new ApiCallers(this.mvc, this.json),
				new RegistryFixtures(this.places, this.people, this.users), this.appeals, this.categories, this.rules);
		int year = LocalDate.now(Territory.ZONE).getYear();
		Area area = fixtures.area();
		long letter = fixtures.letter(area, year);
		fixtures.sign(letter, 1, area.headToken());
		AppealView collective = fixtures.appeal(area.street(), 15, false);
		try (BrowserContext office = chromium.newContext(1280, 900)) {
			Page page = office.newPage();
			page.navigate("/");
			Chromium.signIn(page, area.head().username(), ApiCallers.OWN_PASSWORD);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("责任状").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("责任状"))).isVisible();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("责任状考核排行")).click();
			Locator standing = page.locator("#standing-" + letter);
			assertThat(standing).containsText("一票否决");
			assertThat(standing).containsText("0 / 60");
			page.screenshot(Chromium.screenshotAs("letters-scoreboard"));

			standing.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("0 / 60")).click();
			page.waitForURL(Pattern.compile("/letters/" + letter + "#score$"));
			assertThat(page.locator("#vetoed")).hasText("一票否决：有否决项未达标，考核总分为 0。");
			Locator veto = page.locator("#target-COLLECTIVE_APPEALS");
			assertThat(veto).hasClass(Pattern.compile("missed"));
			assertThat(veto).containsText("一票否决");
			page.screenshot(Chromium.screenshotAs("letters-veto"));

			veto.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("诉求 #" + collective.id())).click();
			page.waitForURL(Pattern.compile("/appeals/" + collective.id() + "$"));
			assertThat(page.locator("h1")).containsText(collective.number());
			assertThat(page.locator("main")).containsText(collective.title());
		}
	}

	@Test
	void aLeaderFindsAnAreaInTheTreeByTypingAndARefusedFormKeepsTheChoice() {
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		Street street = registry.street();
		UserAccount leader = registry.user(Role.LEADER, Set.of(), null, null);
		callers.firstLogin(leader, RegistryFixtures.FIRST_PASSWORD);
		String area = String.valueOf(street.area().id());
		try (BrowserContext office = chromium.newContext(1280, 900)) {
			Page page = office.newPage();
			page.navigate("/");
			Chromium.signIn(page, leader.username(), ApiCallers.OWN_PASSWORD);
			page.navigate("/letters");

			Locator filter = page.locator("[data-filters=recipientUnitId]");
			Locator recipient = page.locator("#recipientUnitId");
			filter.fill(street.area().name());
			assertThat(recipient).hasValue(area);
			// the area's grid is under it in the tree, so its path matches too
			filter.press("ArrowDown");
			assertThat(recipient).hasValue(String.valueOf(street.grid().id()));
			filter.press("ArrowUp");
			assertThat(recipient).hasValue(area);
			assertThat(recipient.locator("option[value='" + area + "']")).containsText("片区");
			filter.press("Enter");
			assertThat(page).hasURL(Pattern.compile("/letters$"));

			page.locator("#create").click();
			assertThat(page.locator("#issuerUnitId")).hasClass(Pattern.compile("invalid"));
			assertThat(recipient).hasValue(area);
			assertThat(filter).hasValue(street.area().name());
		}
	}

}
