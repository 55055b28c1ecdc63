package org.anju.scenario;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.anju.RegistryFixtures;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A leader runs the 群体上访/聚集 plan from the console: opens the seeded template, approves
 * it, activates it at level II holding every role themselves, watches the task timers
 * count down, ticks the commander's first task, files the first and the final report and
 * closes the incident with an after-action review. Debian's Chromium drives the real
 * server on a random port; the screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanActivationJourneyTests {

	private static final String PASSWORD = "Plan-Leader-2026";

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Test
	void aLeaderActivatesTheCollectivePetitionPlanTicksATaskReportsAndClosesWithAReview() throws IOException {
		UserAccount leader = leader(new RegistryFixtures(this.places, this.people, this.users));
		try (BrowserContext office = chromium.newContext(1280, 900)) {
			Page page = office.newPage();
			page.navigate("/");
			Chromium.signIn(page, leader.username(), PASSWORD);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("预案").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("维稳预案"))).isVisible();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("群体上访/聚集").setExact(true)).click();
			assertThat(page.locator(".trigger")).containsText("5 人以上");
			Locator commander = page.locator("article.role[data-role=COMMANDER]");
			assertThat(commander.locator("h3")).containsText("总指挥");
			assertThat(commander.locator("tbody tr").first()).containsText("启动后 10 分钟内");

			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^批准第 \\d+ 版$")))
				.click();
			assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已批准")))
				.isVisible();

			page.getByLabel("响应级别").selectOption("II");
			for (String role : new String[] { "总指挥", "现场处置", "信息报送", "后勤保障", "医疗", "宣传" }) {
				page.getByLabel(role, new Page.GetByLabelOptions().setExact(true))
					.selectOption(new SelectOption().setValue(String.valueOf(leader.id())));
			}
			page.screenshot(Chromium.screenshotAs("plan-activate"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("启动").setExact(true)).click();

			page.waitForURL(Pattern.compile("/incidents/\\d+\\?activated$"));
			assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("预案已启动")))
				.isVisible();
			assertThat(page.locator("h1 .level")).hasText("II 级（重大）");
			assertThat(page.locator("h1 .state")).hasText("处置中");
			Locator firstTask = page.locator(".incident-tasks tbody tr").first();
			assertThat(firstTask.locator(".timer")).hasText(Pattern.compile("^剩余 \\d+:\\d{2}$"));
			page.screenshot(Chromium.screenshotAs("incident-timers"));

			String task = firstTask.locator(".task-title").innerText();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("完成：" + task)).click();
			assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("任务已完成")))
				.isVisible();
			assertThat(page.locator(".incident-tasks tbody tr").first().locator(".task-done")).containsText("已完成");

			page.getByLabel("类别").selectOption("FIRST");
			page.getByLabel("内容").fill("14:20 约 40 名协解人员在社区办公楼前聚集，已劝导选派 5 名代表到接待室。");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("报送").setExact(true)).click();
			assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("已报送")))
				.isVisible();
			assertThat(page.locator(".incident-reports tr[data-kind=FIRST]")).containsText("选派 5 名代表");

			page.getByLabel("类别").selectOption("FINAL");
			page.getByLabel("内容").fill("主要领导接待代表，诉求已登记办理，人员于 16:00 前散去。");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("报送").setExact(true)).click();
			assertThat(page.locator(".incident-reports tr[data-kind=FINAL]")).containsText("人员于 16:00 前散去");

			page.getByLabel("总结评估").fill("响应及时，代表接待顺利；接待室偏小，下次改用二楼会议室。");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("结束处置")).click();
			assertThat(page.locator("h1 .state")).hasText("已结束");
			assertThat(page.locator(".review")).containsText("接待室偏小");
			assertThat(page.locator(".timeline li strong"))
				.containsText(new String[] { "启动预案", "完成任务", "首报", "终报", "结束处置" });
			page.screenshot(Chromium.screenshotAs("incident-closed"));
		}
	}

	private UserAccount leader(RegistryFixtures registry) {
		return Staff.withOwnPassword(this.users, registry.user(Role.LEADER, Set.of(), null, null), PASSWORD);
	}

}
