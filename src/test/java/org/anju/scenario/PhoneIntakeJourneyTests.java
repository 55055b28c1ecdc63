package org.anju.scenario;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import org.anju.RegistryFixtures;
import org.anju.appeals.Routing;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumberFixtures;
import org.anju.shared.Phone;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A phone operator's intake, told by a browser with the keyboard alone: the dispatcher
 * types the caller's pinyin initials and picks them with the arrow keys and Enter, types
 * the category's initials and picks it, types the title and description, adds a neighbour
 * who signs too, and sends the form; the session runs out on the way, and what was typed
 * is there after signing in again. The appeal's page then shows the number, the masked
 * phone and the way to print a receipt. Debian's Chromium drives the real server on a
 * random port; the screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PhoneIntakeJourneyTests {

	private static final String PASSWORD = "Phone-Desk-2026";

	/** Given names of one reading each, so that the initials are certain. */
	private static final String GIVEN = "晓青云帆映怀瑾岚溪雪";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	PeopleSearch search;

	@Test
	void aDispatcherTakesAPhoneAppealWithTheKeyboardAloneAndLosesNothingToATimeout() throws IOException {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		String name = nameNobodyHas("司徒", "st");
		String initials = "st" + initial(name.charAt(2)) + initial(name.charAt(3));
		String mobile = RegistryFixtures.mobile();
		Person caller = this.people.register(RegistryFixtures.admin(),
				new PersonForm(name, IdNumberFixtures.newIdNumber(), mobile, registry.street().room().id(),
						List.of("RETIRED"), null, null, null));
		String neighbour = nameNobodyHas("欧阳", "oy");
		String neighbourInitials = "oy" + initial(neighbour.charAt(2)) + initial(neighbour.charAt(3));
		this.people.register(RegistryFixtures.admin(), new PersonForm(neighbour, IdNumberFixtures.newIdNumber(),
				RegistryFixtures.mobile(), registry.street().room().id(), List.of("RETIRED"), null, null, null));
		String dispatcher = dispatcher(registry);
		String title = "楼道灯不亮 " + Long.toString(System.nanoTime() % 100_000, 36);

		try (BrowserContext desk = chromium.newContext(1366, 768)) {
			Page page = desk.newPage();
			page.navigate("/appeals/new");
			Chromium.signIn(page, dispatcher, PASSWORD);
			openIntake(page);
			Locator person = page.locator("#person-q");
			assertThat(person).isFocused();

			page.keyboard().type(initials);
			Locator found = page.locator("#person-results [role=option]");
			assertThat(found.first()).containsText(name);
			assertThat(found.first()).containsText(Phone.mask(mobile));
			page.keyboard().press("ArrowDown");
			assertThat(found.first()).hasAttribute("aria-selected", "true");
			page.keyboard().press("Enter");
			assertThat(page.locator("#person-chosen")).containsText(name);
			assertThat(page.locator("#category-q")).isFocused();

			page.keyboard().type("wywx");
			Locator category = page.locator("#category-list [role=option]:not([hidden])");
			assertThat(category.first()).hasText("物业维修");
			page.keyboard().press("ArrowDown");
			page.keyboard().press("Enter");
			assertThat(page.locator("#category-q")).hasValue("物业维修");
			assertThat(page.locator("#route")).containsText("将分派至");
			assertThat(page.getByLabel(Pattern.compile("^标题"))).isFocused();
			page.keyboard().type(title);
			page.keyboard().press("Tab");
			page.keyboard().type("三楼楼道灯坏了一个星期，晚上老人下楼看不见。");

			// a neighbour signs too (联名): picked like the caller, into a list of chips;
			// Backspace in the empty search takes the last one back
			page.keyboard().press("Alt+6");
			Locator coSignerSearch = page.locator("#co-signer-q");
			assertThat(coSignerSearch).isFocused();
			page.keyboard().type(neighbourInitials);
			assertThat(page.locator("#co-signer-results [role=option]").first()).containsText(neighbour);
			page.keyboard().press("Enter");
			Locator chips = page.locator("#co-signers-chosen .chip");
			assertThat(chips).hasCount(1);
			assertThat(chips.first()).containsText(neighbour);
			assertThat(coSignerSearch).hasValue("");
			assertThat(coSignerSearch).isFocused();
			page.keyboard().press("Backspace");
			assertThat(chips).hasCount(0);
			page.keyboard().type(neighbourInitials);
			assertThat(page.locator("#co-signer-results [role=option]").first()).containsText(neighbour);
			page.keyboard().press("ArrowDown");
			page.keyboard().press("Enter");
			assertThat(chips).hasCount(1);
			assertThat(page.getByLabel(Pattern.compile("^受理渠道"))).hasValue("PHONE");
			page.screenshot(Chromium.screenshotAs("appeal-intake"));

			// the session runs out before the form is sent: signing in again brings the
			// form back as it was typed
			desk.clearCookies();
			page.reload();
			Chromium.signIn(page, dispatcher, PASSWORD);
			openIntake(page);
			assertThat(page.locator("#draft-restored")).isVisible();
			assertThat(page.getByLabel(Pattern.compile("^标题"))).hasValue(title);
			assertThat(page.locator("#person-chosen")).containsText(name);
			assertThat(page.locator("#category-q")).hasValue("物业维修");
			assertThat(page.locator("#route")).containsText("将分派至");
			assertThat(page.locator("#co-signers-chosen .chip")).hasCount(1);
			assertThat(page.locator("#co-signers-chosen .chip")).containsText(neighbour);
			page.screenshot(Chromium.screenshotAs("appeal-intake-restored"));

			page.keyboard().press("Control+Enter");
			page.waitForURL(Pattern.compile("/appeals/\\d+\\?received$"));
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
				.containsText(Pattern.compile("诉求 \\d{4}-\\d{6}"));
			assertThat(page.locator(".received")).containsText("诉求已受理");
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("打印回执")).first()).isVisible();
			assertThat(page.locator("#appellant")).containsText(name);
			assertThat(page.locator("#appellant")).containsText(Phone.mask(mobile));
			assertThat(page.locator(".timeline")).containsText("受理");
			assertThat(page.locator("#co-signers")).containsText(neighbour);
			assertThat(page.locator(".flags")).containsText("联名");
			Assertions.assertThat(page.content()).doesNotContain(mobile).contains(title);
			Assertions.assertThat(page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('anju.intake'))"))
				.asList()
				.isEmpty();
			page.screenshot(Chromium.screenshotAs("appeal-page"));
			Assertions.assertThat(caller.id()).isPositive();
		}
	}

	private String dispatcher(RegistryFixtures registry) {
		return Staff
			.withOwnPassword(this.users,
					registry.user(Role.DEPARTMENT_STAFF, Set.of(), Routing.DISPATCH_DEPARTMENT, null), PASSWORD)
			.username();
	}

	/**
	 * Opens the intake form as a signed-in operator does, and waits for the page to load:
	 * what is typed before the form's script runs would not be kept.
	 */
	private static void openIntake(Page page) {
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出"))).isVisible();
		page.navigate("/appeals/new", new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("受理诉求"))).isVisible();
	}

	/**
	 * A name whose initials nobody in the shared test database has yet, so that the first
	 * option the search offers for them is the person this test registers.
	 */
	private String nameNobodyHas(String surname, String surnameInitials) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 100; attempt++) {
			String name = surname + GIVEN.charAt(random.nextInt(5)) + GIVEN.charAt(5 + random.nextInt(5));
			String initials = surnameInitials + initial(name.charAt(2)) + initial(name.charAt(3));
			if (this.search
				.search(RegistryFixtures.admin().scope(), new PeopleQuery(initials, null, null, null, null), null, 1)
				.items()
				.isEmpty()) {
				return name;
			}
		}
		throw new IllegalStateException("every " + surname + " name is taken in the test database");
	}

	private static char initial(char given) {
		return switch (given) {
			case '晓' -> 'x';
			case '青' -> 'q';
			case '云' -> 'y';
			case '帆' -> 'f';
			case '映' -> 'y';
			case '怀' -> 'h';
			case '瑾' -> 'j';
			case '岚' -> 'l';
			case '溪' -> 'x';
			case '雪' -> 'x';
			default -> throw new IllegalArgumentException(String.valueOf(given));
		};
	}

}
