package org.anju.scenario;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.RoutingRules;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumberFixtures;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The Double Ninth (重阳节) told by a grid worker's phone, 360 px wide: the office generates
 * the 重阳 list over the API; the grid worker opens it and sees only the retiree of their
 * grid, taps her, and records the visit. The first try leaves out the condition and
 * mistypes the amount: the form comes back with both reasons and everything else as
 * typed. The second try saves it; the need found becomes an appeal whose number the visit
 * shows, and the list's coverage moves to all visited. No page scrolls sideways.
 * Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CareVisitJourneyTests {

	private static final String PASSWORD = "Visit-Phone-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Test
	void aGridWorkerRecordsADoubleNinthVisitOnAPhoneAndTheNeedFoundBecomesAnAppeal() throws Exception {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		RegistryFixtures.Street street = registry.street();
		// 78 on the Double Ninth of 2026 (18 October)
		String idNumber = IdNumberFixtures
			.withCheck("430602" + LocalDate.of(1948, 3, 9).format(DateTimeFormatter.BASIC_ISO_DATE)
					+ String.format("%03d", System.nanoTime() % 1000));
		Person retiree = this.people.register(RegistryFixtures.admin(), new PersonForm(RegistryFixtures.chineseName(),
				idNumber, RegistryFixtures.mobile(), street.room().id(), List.of("RETIRED"), null, null, null));
		String worker = gridWorker(registry, street.grid().id());
		AppealCategory category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");

		try (BrowserContext office = chromium.newContext(1280, 800);
				BrowserContext phone = chromium.newContext(360, 740)) {
			Staff staff = new Staff(office.request());
			APIResponse generated = staff.post("/api/v1/visit-lists", Map.of("rule", "DOUBLE_NINTH", "year", 2026));
			Assertions.assertThat(generated.status()).as(generated.text()).isIn(200, 201);
			Assertions.assertThat((String) JsonPath.read(generated.text(), "$.list.dueDate")).isEqualTo("2026-10-18");
			long listId = ((Number) JsonPath.read(generated.text(), "$.list.id")).longValue();

			Page page = phone.newPage();
			page.navigate("/care/visits");
			Chromium.signIn(page, worker, PASSWORD);
			page.navigate("/care/visits");
			Locator list = page.locator("ul.visit-cards a[href$='/care/visits/lists/" + listId + "']");
			assertThat(list).containsText("重阳节");
			assertThat(list).containsText("已走访 0 / 1");
			noSidewaysScroll(page);
			list.click();

			Locator entries = page.locator("#entries li");
			assertThat(entries).hasCount(1);
			assertThat(entries.first()).containsText(retiree.name());
			assertThat(entries.first()).containsText("78 岁退休老人");
			assertThat(page.locator("#progress")).containsText("已走访 0 / 1");
			noSidewaysScroll(page);
			Locator tap = entries.first().getByRole(AriaRole.LINK);
			Assertions.assertThat(tap.boundingBox().height)
				.as("a tap target of at least 44 px")
				.isGreaterThanOrEqualTo(44);
			page.screenshot(Chromium.screenshotAs("visit-list-phone"));
			tap.click();

			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("走访 " + retiree.name())))
				.isVisible();
			assertThat(page.getByLabel("走访事由")).hasValue("FESTIVAL");
			page.locator("[name='gift0.item']").fill("慰问金");
			page.locator("[name='gift0.amount']").fill("二百");
			page.locator("[name='gift1.item']").fill("重阳糕");
			page.locator("[name='gift1.amount']").fill("45.5");
			page.getByLabel("关注").check();
			page.locator("[name='need0.text']").fill("楼道灯坏了，晚上下楼看不见。");
			page.locator("[name='need0.appeal']").check();
			page.locator("[name='need0.category']").selectOption(new SelectOption().setLabel(category.nameZh()));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存走访记录")).click();

			assertThat(page.getByRole(AriaRole.ALERT)).containsText("请改正下面标出的 2 处");
			assertThat(page.locator("[name=condition] + .error")).hasText("此项必填。");
			assertThat(page.locator("[name='gift0.amount'] + .error")).containsText("金额须是数字");
			assertThat(page.locator("[name='gift0.item']")).hasValue("慰问金");
			assertThat(page.locator("[name='gift0.amount']")).hasValue("二百");
			assertThat(page.locator("[name='gift1.amount']")).hasValue("45.5");
			assertThat(page.getByLabel("关注")).isChecked();
			assertThat(page.locator("[name='need0.text']")).hasValue("楼道灯坏了，晚上下楼看不见。");
			assertThat(page.locator("[name='need0.appeal']")).isChecked();
			assertThat(page.locator("[name='need0.category']")).hasValue(category.code());
			noSidewaysScroll(page);
			page.screenshot(Chromium.screenshotAs("visit-form-errors-phone").setFullPage(true));

			page.locator("[name=condition]").fill("腿脚不便，很少下楼，女儿每周来一次。");
			page.locator("[name='gift0.amount']").fill("200");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存走访记录")).click();

			page.waitForURL(Pattern.compile("/care/visits/\\d+\\?saved=true.*"));
			assertThat(page.getByRole(AriaRole.STATUS)).hasText("走访记录已保存。");
			assertThat(page.locator("main")).containsText("合计 ¥245.50");
			Locator appeal = page.locator("#needs .appeal-number");
			assertThat(appeal).containsText(Pattern.compile("诉求 \\d{4}-\\d{6}"));
			long appealId = Long.parseLong(appeal.getAttribute("href").replaceAll(".*/appeals/(\\d+)$", "$1"));
			noSidewaysScroll(page);
			page.screenshot(Chromium.screenshotAs("visit-saved-phone"));

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← 返回名单")).click();
			assertThat(page.locator("#progress")).containsText("已走访 1 / 1（100%）");
			assertThat(page.locator("#entries li")).hasCount(0);
			assertThat(page.locator("#coverage-grids")).containsText(street.grid().name());
			assertThat(page.locator("#coverage-grids")).containsText("已走访 1 / 1");

			String read = staff.get("/api/v1/appeals/" + appealId).text();
			Assertions.assertThat((String) JsonPath.read(read, "$.channel")).isEqualTo("VISIT");
			Assertions.assertThat(((Number) JsonPath.read(read, "$.personId")).longValue()).isEqualTo(retiree.id());
			Assertions.assertThat(page.content()).doesNotContain(idNumber);
		}
	}

	private static void noSidewaysScroll(Page page) {
		Assertions.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no horizontal scroll on %s", page.url())
			.isTrue();
	}

	private String gridWorker(RegistryFixtures registry, long gridId) {
		return Staff.withOwnPassword(this.users, registry.user(Role.GRID_WORKER, Set.of(gridId), null, null), PASSWORD)
			.username();
	}

}
