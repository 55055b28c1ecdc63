package org.anju.scenario;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.RoutingRules;
import org.anju.appeals.attachments.TestPhotos;
import org.anju.identity.UserManagement;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumberFixtures;
import org.anju.shared.Phone;
import org.assertj.core.api.Assertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A resident's side of the loop, told by a phone-sized browser: staff open a portal
 * account for a retiree (the login name is the retiree's own mobile); the retiree signs
 * in at {@code /portal}, is made to replace the password staff gave, and reports a broken
 * stair rail with a photo taken sideways and a screenshot. Staff assign, accept and
 * resolve it over the API. The retiree reads the reply and rates it 不满意, which sends the
 * appeal back to the department; after the second reply the 满意 rating closes the loop.
 * Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidentCallbackJourneyTests {

	private static final String FIRST_PASSWORD = "Portal-Start-1";

	private static final String OWN_PASSWORD = "Portal-Mine-22";

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
	void aResidentReportsWithAPhotoAndTheirRatingReopensOrClosesTheAppeal() throws Exception {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		AppealCategory category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");
		String mobile = RegistryFixtures.mobile();
		long personId = this.people
			.register(RegistryFixtures.admin(),
					new PersonForm(RegistryFixtures.chineseName(), IdNumberFixtures.newIdNumber(), mobile,
							registry.street().room().id(), List.of("RETIRED"), null, null, null))
			.id();
		String title = RegistryFixtures.unique("楼梯扶手松了");

		try (BrowserContext office = chromium.newContext(1280, 800);
				BrowserContext phone = chromium.newContext(390, 844)) {
			Staff staff = new Staff(office.request());
			APIResponse opened = staff.post("/api/v1/users", null,
					Map.of("role", "RESIDENT", "personId", personId, "password", FIRST_PASSWORD));
			Assertions.assertThat(opened.status()).as(opened.text()).isEqualTo(201);
			Assertions.assertThat(opened.text()).contains(Phone.mask(mobile)).doesNotContain(mobile);

			Page page = phone.newPage();
			page.navigate("/portal");
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("居民登录"))).isVisible();
			signIn(page, mobile, "not-the-password");
			assertThat(page.getByRole(AriaRole.ALERT)).hasText("手机号或密码错误。");
			signIn(page, mobile, FIRST_PASSWORD);

			// the password staff set works once: the portal asks for the resident's own
			page.waitForURL(Pattern.compile("/account/password$"));
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("请先修改密码");
			page.navigate("/portal/appeals/new");
			page.waitForURL(Pattern.compile("/account/password$"));
			page.getByLabel("当前密码").fill(FIRST_PASSWORD);
			// the labels of the new password and its repetition both read "新密码…"
			page.locator("[name=newPassword]").fill(OWN_PASSWORD);
			page.locator("[name=repeatPassword]").fill(OWN_PASSWORD);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
			page.waitForURL(Pattern.compile("/portal\\?passwordChanged$"));

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("我要反映问题")).click();
			page.getByLabel("问题类别").selectOption(new SelectOption().setLabel(category.nameZh()));
			page.getByLabel("标题").fill(title);
			page.getByLabel("具体情况").fill("2 单元三楼到四楼的楼梯扶手松动，老人上下楼不安全。");
			page.locator("input[name=photos]")
				.setInputFiles(new FilePayload[] {
						new FilePayload("IMG_2041.JPG", "image/jpeg",
								TestPhotos.jpegWithLocationAndOrientation(ByteOrder.LITTLE_ENDIAN, 6)),
						new FilePayload("screenshot.png", "image/png", TestPhotos.pngWithLocation()) });
			page.screenshot(Chromium.screenshotAs("portal-appeal-form"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true)).click();

			page.waitForURL(Pattern.compile("/portal/appeals/\\d+\\?submitted$"));
			long id = Long.parseLong(page.url().replaceAll(".*/portal/appeals/(\\d+)\\?submitted$", "$1"));
			assertThat(page.getByRole(AriaRole.STATUS)).containsText("已提交，诉求编号");
			assertThat(page.locator(".state")).hasText("已受理");
			Locator photos = page.locator(".portal-photos img");
			assertThat(photos).hasCount(2);
			// the sideways photo (32 × 24 as stored) shows upright: its orientation
			// survived
			// the removal of its location
			assertThat(photos.first()).hasJSProperty("naturalWidth", 24);
			assertThat(photos.first()).hasJSProperty("naturalHeight", 32);
			assertThat(photos.nth(1)).hasJSProperty("naturalWidth", 32);

			String version = staff.act(id, "0", "assign", Map.of("departmentCode", "PROPERTY"));
			version = staff.act(id, version, "accept", Map.of());
			version = staff.act(id, version, "resolve", Map.of("reply", "已请物业加固扶手。"));

			page.reload();
			assertThat(page.locator(".state")).hasText("已办结，待评价");
			assertThat(page.locator(".reply")).containsText("已请物业加固扶手。");
			rate(page, "不满意", "扶手还是晃。");

			assertThat(page.getByRole(AriaRole.STATUS)).hasText("感谢您的评价。");
			assertThat(page.locator(".state")).hasText("已分派");
			Locator steps = page.locator(".portal-steps li");
			assertThat(steps).hasCount(5);
			assertThat(steps.nth(1)).containsText("已交由部门办理");
			assertThat(steps.nth(4)).containsText("评价");
			assertThat(steps.nth(4)).containsText("不满意");
			assertThat(steps.nth(4)).containsText("扶手还是晃。");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评价"))).hasCount(0);
			page.screenshot(Chromium.screenshotAs("portal-reopened"));

			String reopened = staff.get("/api/v1/appeals/" + id).text();
			Assertions.assertThat((String) JsonPath.read(reopened, "$.state")).isEqualTo("ASSIGNED");
			Assertions.assertThat((String) JsonPath.read(reopened, "$.departmentCode")).isEqualTo("PROPERTY");
			Assertions.assertThat((Integer) JsonPath.read(reopened, "$.reopenCount")).isEqualTo(1);
			Assertions.assertThat((List<String>) JsonPath.read(reopened, "$.flags")).contains("REOPENED");
			Assertions.assertThat((List<String>) JsonPath.read(reopened, "$.timeline[*].action"))
				.containsExactly("receive", "assign", "accept", "resolve", "callback");
			Assertions.assertThat((String) JsonPath.read(reopened, "$.timeline[4].detail.satisfaction"))
				.isEqualTo("DISSATISFIED");

			version = JsonPath.read(reopened, "$.version").toString();
			version = staff.act(id, version, "accept", Map.of());
			staff.act(id, version, "resolve", Map.of("reply", "已更换整段扶手。"));
			page.reload();
			rate(page, "满意", null);

			assertThat(page.locator(".state")).hasText("已归档");
			assertThat(steps).hasCount(8);
			assertThat(steps.nth(7)).containsText("满意");
			String closed = staff.get("/api/v1/appeals/" + id).text();
			Assertions.assertThat((String) JsonPath.read(closed, "$.state")).isEqualTo("CLOSED");
			Assertions.assertThat((String) JsonPath.read(closed, "$.satisfaction")).isEqualTo("SATISFIED");
			Assertions.assertThat((List<String>) JsonPath.read(closed, "$.timeline[*].action"))
				.containsExactly("receive", "assign", "accept", "resolve", "callback", "accept", "resolve", "callback");
			Assertions.assertThat(page.content()).doesNotContain(mobile);
		}
	}

	private static void signIn(Page page, String mobile, String password) {
		page.getByLabel("手机号").fill(mobile);
		page.getByLabel("密码").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
	}

	private static void rate(Page page, String rating, @Nullable String comment) {
		page.getByLabel(rating, new Page.GetByLabelOptions().setExact(true)).check();
		if (comment != null) {
			page.getByLabel("意见（可不填）").fill(comment);
		}
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评价")).click();
		page.waitForURL(Pattern.compile("\\?rated$"));
	}

}
