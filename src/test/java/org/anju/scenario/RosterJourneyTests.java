package org.anju.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitUntilState;
import org.anju.shared.IdNumber;
import org.anju.shared.IdNumberFixtures;
import org.assertj.core.api.Assertions;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The story of issue 2 told by a browser: a clerk signs in, uploads a roster with one bad
 * ID number, sees that row in the preview and that nothing was written, fixes the file,
 * imports it, and finds a new person by the initials of their name, with the ID number
 * masked. Then the same list in English, and on a phone. Debian's Chromium drives the
 * real server on a random port; the screenshots go to {@code target/screenshots/}.
 * <p>
 * A server on a port cannot share the MockMvc tests' context, so this class starts a
 * second one, on the same embedded database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RosterJourneyTests {

	private static final String PASSWORD = "Admin-Pass-2026";

	private static final List<String> HEADERS = List.of("姓名", "身份证号", "手机号", "人员类别", "片区", "网格", "楼栋", "单元", "房号");

	/** Names of unusual initials, so that a search by them finds only this roster. */
	private static final List<String> NAMES = List.of("欧阳晓溪", "司马青岚", "诸葛云帆", "上官映雪", "端木怀瑾");

	/** The one to look for: 司马青岚, whose characters have a single reading each. */
	private static final int SOUGHT = 1;

	private static final String SOUGHT_INITIALS = "smql";

	/** The bad row: the third person, on Excel's row 4, since the header is row 1. */
	private static final int BAD = 2;

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	@Test
	void aClerkFixesABadRosterImportsItAndFindsAPersonByPinyinInitials() throws IOException {
		String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		String area = "旅程片区" + suffix;
		String grid = "旅程网格" + suffix;
		List<String> ids = NAMES.stream().map((name) -> IdNumberFixtures.newIdNumber()).toList();
		String good = ids.get(BAD);
		String bad = good.substring(0, 17) + wrongCheck(good);

		try (BrowserContext desk = chromium.newContext(1366, 768)) {
			Page page = desk.newPage();
			logIn(page);

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("花名册导入")).click();
			upload(page, roster(area, grid, ids, bad), "花名册-有误.xlsx");
			Locator errors = page.locator("#import-errors tbody tr");
			assertThat(errors).hasCount(1);
			assertThat(errors.locator("td"))
				.hasText(new String[] { String.valueOf(BAD + 2), "身份证号", IdNumber.mask(bad), "身份证号校验位不正确。" });
			assertThat(page.locator("#count-total")).hasText("5");
			assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认导入"))).hasCount(0);
			Assertions.assertThat(page.content()).doesNotContain(bad);
			errors.scrollIntoViewIfNeeded();
			page.screenshot(Chromium.screenshotAs("roster-journey-import-errors"));

			openPeople(page);
			search(page, ids.get(0));
			assertThat(page.locator("#results")).containsText("没有找到符合条件的人员。");
			search(page, SOUGHT_INITIALS);
			assertThat(page.locator("#results")).containsText("没有找到符合条件的人员。");

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("花名册导入")).click();
			upload(page, roster(area, grid, ids, good), "花名册.xlsx");
			assertThat(page.locator("#count-created")).hasText("5");
			assertThat(page.locator("#import-errors")).hasCount(0);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认导入")).click();
			assertThat(page.getByText("导入完成。")).isVisible();
			assertThat(page.locator("#count-created")).hasText("5");

			openPeople(page);
			search(page, SOUGHT_INITIALS);
			Locator rows = page.locator("#results tbody tr");
			Locator found = rows.filter(new Locator.FilterOptions().setHasText(NAMES.get(SOUGHT)));
			assertThat(found).hasCount(1);
			assertThat(found.locator("td[data-label='身份证号']")).hasText(IdNumber.mask(ids.get(SOUGHT)));
			assertThat(found.locator("td[data-label='住址']")).containsText(area + " " + grid);
			for (int i = 0; i < NAMES.size(); i++) {
				if (i != SOUGHT) {
					assertThat(rows.filter(new Locator.FilterOptions().setHasText(NAMES.get(i)))).hasCount(0);
				}
			}
			Assertions.assertThat(IdNumber.mask(ids.get(SOUGHT))).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
			String html = page.content();
			ids.forEach((id) -> Assertions.assertThat(html).doesNotContain(id));
			page.screenshot(Chromium.screenshotAs("roster-journey-people-search"));

			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("People");
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Roster import"))).isVisible();
			assertThat(page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true))).isVisible();
			assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中文"))).isVisible();
			assertThat(page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)))
				.hasValue(SOUGHT_INITIALS);
			assertThat(page.locator("#results tbody tr")).hasCount(1);
			page.screenshot(Chromium.screenshotAs("roster-journey-english"));
		}

		try (BrowserContext phone = chromium.newContext(375, 812)) {
			Page page = phone.newPage();
			logIn(page);
			openPeople(page);
			search(page, SOUGHT_INITIALS);
			Locator found = page.locator("#results tbody tr")
				.filter(new Locator.FilterOptions().setHasText(NAMES.get(SOUGHT)));
			assertThat(found.locator("td[data-label='身份证号']")).hasText(IdNumber.mask(ids.get(SOUGHT)));
			Number overflow = (Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
			Assertions.assertThat(overflow.intValue())
				.as("pixels by which the page is wider than a 375 px phone")
				.isLessThanOrEqualTo(0);
			page.screenshot(Chromium.screenshotAs("people-phone"));
		}
	}

	private static void logIn(Page page) {
		page.navigate("/");
		Chromium.signIn(page, "admin", PASSWORD);
	}

	private static void upload(Page page, byte[] xlsx, String name) {
		page.getByLabel("花名册文件")
			.setInputFiles(
					new FilePayload(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("上传并预览")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("预览：" + name))).isVisible();
	}

	/**
	 * Opens the people list from the navigation, and waits for the page to load: htmx
	 * starts then, and what is typed before would be lost.
	 */
	private static void openPeople(Page page) {
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("人员").setExact(true)).click();
		page.waitForURL(Pattern.compile("/people$"), new Page.WaitForURLOptions().setWaitUntil(WaitUntilState.LOAD));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("人员").setExact(true)))
			.isVisible();
	}

	/**
	 * Types into the search box as a person does; htmx swaps the results and puts the
	 * query in the address, which is what the wait is for. The text is letters and digits
	 * only, since the pattern runs in the browser as a JavaScript regular expression.
	 */
	private static void search(Page page, String text) {
		Locator box = page.getByRole(AriaRole.SEARCHBOX);
		box.fill("");
		box.pressSequentially(text);
		assertThat(page).hasURL(Pattern.compile("[?&]q=" + text + "(&|$)"));
	}

	/**
	 * The roster: five people in one new area and grid, with the given ID number in the
	 * {@code BAD} row: wrong in the first upload, right in the second.
	 */
	private static byte[] roster(String area, String grid, List<String> ids, String idInBadRow) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "anju-test", "1.0");
		Worksheet sheet = workbook.newWorksheet("花名册");
		for (int c = 0; c < HEADERS.size(); c++) {
			sheet.value(0, c, HEADERS.get(c));
		}
		for (int r = 0; r < NAMES.size(); r++) {
			List<String> cells = List.of(NAMES.get(r), (r == BAD) ? idInBadRow : ids.get(r), "1390731" + (4100 + r),
					"退休", area, grid, (r + 1) + "栋", "1单元", "10" + (r + 1));
			for (int c = 0; c < cells.size(); c++) {
				sheet.value(r + 1, c, cells.get(c));
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	private static char wrongCheck(String id) {
		char right = IdNumber.checkCharacter(id.substring(0, 17));
		return (right == '0') ? '1' : '0';
	}

}
