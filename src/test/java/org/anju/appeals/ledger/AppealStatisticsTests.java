package org.anju.appeals.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.appeals.AppealStatistics;
import org.anju.appeals.AppealStats;
import org.anju.identity.ApiCallers;
import org.anju.people.InterestGroup;
import org.anju.shared.BadParameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The figures units are judged by, from five appeals whose outcome the test knows: on
 * time and satisfied, late and very satisfied, reopened after a dissatisfied callback, a
 * caller's resolved without a callback, and one still waiting for dispatch.
 */
@AnjuSpringTest
class AppealStatisticsTests {

	@Autowired
	org.anju.appeals.AppealManagement appeals;

	@Autowired
	org.anju.appeals.AppealCategories categories;

	@Autowired
	org.anju.appeals.RoutingRules rules;

	@Autowired
	org.anju.places.PlaceManagement places;

	@Autowired
	org.anju.people.PersonManagement people;

	@Autowired
	org.anju.people.InterestGroups groups;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	tools.jackson.databind.ObjectMapper json;

	LedgerFixtures fixtures;

	@Autowired
	AppealStatistics statistics;

	LedgerFixtures.FiveAppeals five;

	LocalDate day;

	@BeforeEach
	void fiveAppealsOnADayOfTheirOwn() {
		LocaleContextHolder.setLocale(Locale.CHINA);
		this.fixtures = new LedgerFixtures(this.appeals, this.categories, this.rules, this.places, this.people,
				this.groups, this.jdbc, this.mvc, this.json);
		// A day of the past that no other test uses, so that the totals are these five.
		this.day = LedgerFixtures.unusedDay();
		this.five = this.fixtures.fiveAppeals(this.day);
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void byCategoryCountsReceivedResolvedOnTimeSatisfiedAndReopened() {
		AppealStats stats = figures(AppealStats.By.CATEGORY);

		// received 5; resolved #1 #2 #4; on time #1 #4; rated #1 #2 #3, satisfied #1 #2;
		// reopened #3
		assertThat(stats.lines()).singleElement().satisfies((line) -> {
			assertThat(line.key()).isEqualTo(this.five.category().code());
			assertThat(line.name()).isEqualTo(this.five.category().nameZh());
			expect(line, 5, 3, 2, "0.6667", 3, 2, "0.6667", 1, "0.2000");
		});
		expect(stats.total(), 5, 3, 2, "0.6667", 3, 2, "0.6667", 1, "0.2000");
	}

	@Test
	void byDepartmentAnAppealStillWaitingForDispatchIsInTheNoneBucket() {
		AppealStats stats = figures(AppealStats.By.DEPARTMENT);

		assertThat(stats.lines()).extracting(AppealStats.Line::key).containsExactly("PROPERTY", AppealStats.NONE);
		expect(stats.lines().get(0), 4, 3, 2, "0.6667", 3, 2, "0.6667", 1, "0.2500");
		expect(stats.lines().get(1), 1, 0, 0, null, 0, 0, null, 0, "0.0000");
		assertThat(stats.lines().get(1).name()).isEqualTo("（未分派）");
	}

	@Test
	void byGroupAPersonInTwoGroupsCountsInBothAndTheCallerInNone() {
		AppealStats stats = figures(AppealStats.By.GROUP);

		InterestGroup both = this.five.groupOfBoth();
		InterestGroup first = this.five.groupOfFirst();
		// both: A's #1 #2 and B's #3 #5; first: A's #1 #2; NONE: the caller's #4
		assertThat(stats.lines()).extracting(AppealStats.Line::key)
			.containsExactly(both.code(), first.code(), AppealStats.NONE);
		expect(stats.lines().get(0), 4, 2, 1, "0.5000", 3, 2, "0.6667", 1, "0.2500");
		expect(stats.lines().get(1), 2, 2, 1, "0.5000", 2, 2, "1.0000", 0, "0.0000");
		expect(stats.lines().get(2), 1, 1, 1, "1.0000", 0, 0, null, 0, "0.0000");
		assertThat(stats.lines().get(0).name()).isEqualTo(both.nameZh());
		expect(stats.total(), 5, 3, 2, "0.6667", 3, 2, "0.6667", 1, "0.2000");
	}

	@Test
	void byAreaAndGridThePlacesOfThePeopleAndNoneForTheCaller() {
		AppealStats byArea = figures(AppealStats.By.AREA);
		AppealStats byGrid = figures(AppealStats.By.GRID);

		assertThat(byArea.lines()).extracting(AppealStats.Line::key)
			.containsExactly(String.valueOf(this.five.street().area().id()), AppealStats.NONE);
		assertThat(byArea.lines().get(0).name()).isEqualTo(this.five.street().area().name());
		expect(byArea.lines().get(0), 4, 2, 1, "0.5000", 3, 2, "0.6667", 1, "0.2500");
		assertThat(byGrid.lines()).extracting(AppealStats.Line::key)
			.containsExactly(String.valueOf(this.five.street().grid().id()), AppealStats.NONE);
		assertThat(byGrid.lines().get(0).name()).isEqualTo(this.five.street().grid().name());
		expect(byGrid.lines().get(1), 1, 1, 1, "1.0000", 0, 0, null, 0, "0.0000");
	}

	@Test
	void aGridWorkerCountsOnlyTheAppealsOfTheirGrid() {
		AppealStats stats = this.statistics.figures(
				org.anju.RegistryFixtures.gridWorker(this.five.street().grid().id()), this.day, this.day,
				AppealStats.By.CATEGORY);

		// the caller's #4 has no grid
		expect(stats.total(), 4, 2, 1, "0.5000", 3, 2, "0.6667", 1, "0.2500");
	}

	@Test
	void thePeriodIsCheckedAndAnEmptyOneHasNoRates() {
		assertThatThrownBy(() -> this.statistics.figures(org.anju.RegistryFixtures.admin(), this.day,
				this.day.minusDays(1), AppealStats.By.CATEGORY))
			.isInstanceOfSatisfying(BadParameter.class,
					(ex) -> assertThat(ex.violations().get(0).field()).isEqualTo("to"));
		assertThatThrownBy(() -> this.statistics.figures(org.anju.RegistryFixtures.admin(), this.day,
				this.day.plusYears(1), AppealStats.By.CATEGORY))
			.isInstanceOf(BadParameter.class);
		AppealStats empty = this.statistics.figures(org.anju.RegistryFixtures.admin(), LocalDate.of(1999, 1, 1),
				LocalDate.of(1999, 1, 31), AppealStats.By.GRID);
		assertThat(empty.lines()).isEmpty();
		expect(empty.total(), 0, 0, 0, null, 0, 0, null, 0, null);
	}

	@Test
	void theApiAnswersTheFiguresAndBadParametersWith400NamingTheField() {
		ApiCallers callers = this.fixtures.callers();
		String admin = callers.adminToken();
		MockHttpServletResponse ok = callers
			.perform(bearer(get("/api/v1/appeals/stats"), admin).param("from", this.day.toString())
				.param("to", this.day.toString())
				.param("by", "category"));
		assertThat(ok.getStatus()).as(content(ok)).isEqualTo(200);
		assertThat((Integer) JsonPath.read(content(ok), "$.total.received")).isEqualTo(5);
		assertThat((Double) JsonPath.read(content(ok), "$.total.onTimeRate")).isEqualTo(0.6667);
		assertThat((String) JsonPath.read(content(ok), "$.by")).isEqualTo("CATEGORY");

		for (Map<String, String> bad : List.of(Map.of("from", "2026-13-01"), Map.of("to", "yesterday"),
				Map.of("by", "colour"), Map.of("from", "2026-03-10", "to", "2026-03-01"),
				Map.of("from", "2024-01-01", "to", "2025-01-01"))) {
			var request = bearer(get("/api/v1/appeals/stats"), admin);
			bad.forEach(request::param);
			MockHttpServletResponse answer = callers.perform(request);
			assertThat(answer.getStatus()).as("%s: %s", bad, content(answer)).isEqualTo(400);
			String field = bad.containsKey("by") ? "by"
					: bad.containsKey("from") && !bad.containsKey("to") ? "from" : "to";
			assertThat((String) JsonPath.read(content(answer), "$.errors[0].field")).isEqualTo(field);
		}
	}

	@Test
	void theConsolePageShowsTheTableWithTheTotalsAndTheChart() throws Exception {
		// the console reloads a session's user from its account: the bootstrap
		// administrator
		org.anju.identity.CurrentUser admin = new org.anju.identity.CurrentUser(1, 1, "admin", "管理员",
				org.anju.identity.Role.ADMIN, java.util.Set.of(), null, null, false);
		var authorities = new java.util.ArrayList<org.springframework.security.core.authority.SimpleGrantedAuthority>();
		admin.role()
			.permissions()
			.forEach((p) -> authorities
				.add(new org.springframework.security.core.authority.SimpleGrantedAuthority(p.name())));
		String page = this.mvc
			.perform(get("/appeals/stats").param("from", this.day.toString())
				.param("to", this.day.toString())
				.param("by", "group")
				.header("Accept-Language", "zh-CN")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.authentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
						.authenticated(admin, null, authorities))))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(page).contains("id=\"total-received\">5<", "id=\"stats-chart\"", this.five.groupOfBoth().nameZh(),
				"66.67%", "/appeals/stats.xlsx", "/appeals/ledger-import");
	}

	private AppealStats figures(AppealStats.By by) {
		return this.statistics.figures(org.anju.RegistryFixtures.admin(), this.day, this.day, by);
	}

	private static void expect(AppealStats.Line line, long received, long resolved, long onTime, String onTimeRate,
			long rated, long satisfied, String satisfactionRate, long reopened, String reopenRate) {
		assertThat(line.received()).as("received").isEqualTo(received);
		assertThat(line.resolved()).as("resolved").isEqualTo(resolved);
		assertThat(line.resolvedOnTime()).as("resolved on time").isEqualTo(onTime);
		assertThat(line.onTimeRate()).as("on-time rate").isEqualTo(decimal(onTimeRate));
		assertThat(line.rated()).as("rated").isEqualTo(rated);
		assertThat(line.satisfied()).as("satisfied").isEqualTo(satisfied);
		assertThat(line.satisfactionRate()).as("satisfaction rate").isEqualTo(decimal(satisfactionRate));
		assertThat(line.reopened()).as("reopened").isEqualTo(reopened);
		assertThat(line.reopenRate()).as("reopen rate").isEqualTo(decimal(reopenRate));
	}

	private static BigDecimal decimal(String value) {
		return (value != null) ? new BigDecimal(value) : null;
	}

}
