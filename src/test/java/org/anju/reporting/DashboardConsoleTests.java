package org.anju.reporting;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.places.PlaceManagement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The dashboard and reports pages: in Chinese first, every figure a link to the list
 * behind it, a bad period told on the page, and closed to a grid worker.
 */
@AnjuSpringTest
class DashboardConsoleTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	PlaceManagement places;

	RequestPostProcessor admin;

	@BeforeEach
	void signIn() {
		UserAccount administrator = this.users.all(RegistryFixtures.COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow();
		this.admin = authentication(ConsoleFixtures.signedIn(ConsoleFixtures.user(administrator)));
	}

	@Test
	void theDashboardLinksEveryFigureToTheListBehindIt() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/dashboard").with(this.admin)).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html).contains("领导驾驶舱", "诉求服务", "矛盾纠纷", "矛盾纠纷排查", "按期办结率", "满意率")
			.contains("href=\"/appeals/stats?from=")
			.contains("href=\"/conflicts?level=MAJOR\"", "href=\"/conflicts?state=STABILISED\"")
			.contains("href=\"/appeals?tab=all&amp;overdue=true\"")
			.containsPattern("/webjars/echarts/[0-9.]+/dist/echarts.min.js")
			.contains("/js/dashboard.js")
			.contains("href=\"/dashboard\"");
	}

	@Test
	void theCareVisitFigureLinksToTheListsDueInThePeriod() throws Exception {
		String html = this.mvc.perform(get("/dashboard?from=2026-11-01&to=2026-11-30").with(this.admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("href=\"/care/visits?dueFrom=2026-11-01&amp;dueTo=2026-11-30\"");

		MockHttpServletResponse lists = this.mvc
			.perform(get("/care/visits?dueFrom=2026-11-01&dueTo=2026-11-30").with(this.admin))
			.andReturn()
			.getResponse();
		assertThat(lists.getStatus()).isEqualTo(200);
		assertThat(lists.getContentAsString()).contains("截止日在 2026-11-01 至 2026-11-30 之间的名单");
	}

	@Test
	void aBadPeriodIsToldOnThePage() throws Exception {
		String html = this.mvc.perform(get("/dashboard?from=2026-11-31&to=2026-11-01").with(this.admin))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("2026-11-31 不是日期").doesNotContain("dashboard-chart");
	}

	@Test
	void aGridWorkerDoesNotSeeTheDashboardOrTheReports() throws Exception {
		RegistryFixtures registry = new RegistryFixtures(this.places, null, this.users);
		UserAccount account = registry.user(Role.GRID_WORKER, Set.of(registry.grid(registry.area()).id()), null, null);
		this.users.changeOwnPassword(ConsoleFixtures.user(account), RegistryFixtures.FIRST_PASSWORD, "Own-Pass-2026");
		RequestPostProcessor gridWorker = authentication(ConsoleFixtures
			.signedIn(ConsoleFixtures.user(this.users.get(RegistryFixtures.COMMUNITY, account.id()))));
		assertThat(this.mvc.perform(get("/dashboard").with(gridWorker)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(this.mvc.perform(get("/reports").with(gridWorker)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
	}

	@Test
	void aReportGeneratedFromThePageIsListedWithItsDownloads() throws Exception {
		MockHttpServletResponse generated = this.mvc.perform(
				post("/reports").param("from", "2026-10-01").param("to", "2026-10-31").with(this.admin).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(generated.getRedirectedUrl()).isEqualTo("/reports");
		String html = this.mvc.perform(get("/reports").with(this.admin)).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("工作月报", "2026-10-01 – 2026-10-31", "按需生成").containsPattern("/reports/\\d+\\.pdf");
		Matcher link = Pattern.compile("/reports/(\\d+)\\.pdf").matcher(html);
		assertThat(link.find()).isTrue();
		MockHttpServletResponse pdf = this.mvc.perform(get("/reports/{id}.pdf", link.group(1)).with(this.admin))
			.andReturn()
			.getResponse();
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader("Content-Disposition")).contains("attachment");
	}

}
