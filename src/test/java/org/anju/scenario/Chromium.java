package org.anju.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium driven by Playwright, started the way this machine allows: no browser
 * download, no sandbox as root, and no background connections to a network that is
 * closed. A journey registers it as a static extension
 * ({@code @RegisterExtension static final Chromium chromium = new Chromium();}) on a
 * {@code @SpringBootTest} with a random port: it starts before the class's tests and
 * stops after them, and its browser contexts open pages of that server. Screenshots go to
 * {@code target/screenshots/}, named for what they show.
 */
final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private @Nullable Playwright playwright;

	private @Nullable Browser browser;

	private String baseUrl = "";

	/**
	 * Skips the test class, with the reason, where Chromium is not installed.
	 */
	@Override
	public void beforeAll(ExtensionContext context) {
		assumeTrue(Files.isExecutable(EXECUTABLE),
				"Skipped: no Chromium at " + EXECUTABLE + " (bin/test installs it: apt-get install chromium)");
		this.baseUrl = "http://localhost:"
				+ SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	/**
	 * @return a fresh browser, in Chinese, with a screen of that size, whose relative
	 * addresses go to the server under test; it waits at most 10 s for what a test
	 * expects
	 */
	BrowserContext newContext(int width, int height) {
		BrowserContext context = Objects.requireNonNull(this.browser)
			.newContext(new Browser.NewContextOptions().setViewportSize(width, height)
				.setLocale("zh-CN")
				.setBaseURL(this.baseUrl));
		context.setDefaultTimeout(10_000);
		return context;
	}

	/**
	 * Signs a staff account in on the console's login page, where the page is now, and
	 * waits until the console shows it signed in.
	 */
	static void signIn(Page page, String username, String password) {
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("登录"))).isVisible();
		page.getByLabel("用户名").fill(username);
		page.getByLabel("密码").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("退出"))).isVisible();
	}

	/**
	 * @return options that save a page's screenshot as
	 * {@code target/screenshots/<name>.png}, for the README and for people to look at
	 */
	static Page.ScreenshotOptions screenshotAs(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"));
	}

}
