package org.anju;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.anju.Endpoints.Endpoint;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.appeals.RoutingRules;
import org.anju.calendar.WorkingCalendar;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumber;
import org.anju.shared.LeakedNumbers;
import org.anju.stability.MoodNote;
import org.anju.stability.MoodNotes;
import org.anju.stability.NewMoodNote;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * As each role, every GET endpoint of the API and every console page a link leads to
 * (exports too: each cell of a spreadsheet, the text of a PDF) shows no full ID number
 * and no full mobile. The endpoints come from the application's own mappings; their ids
 * are real objects: people, an appeal and a mood note made here with known numbers, and
 * the first of every other list. Unmasking and the personal-data report, the only answers
 * that may show full numbers, are POSTs and not crawled.
 */
@AnjuSpringTest
class MaskingCrawlTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserManagement users;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	AppealManagement appeals;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	MoodNotes notes;

	@Test
	void noAnswerToAnyRoleShowsAFullNumber() {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		RegistryFixtures.Street street = registry.street();
		Person resident = registry.person(street.room().id());
		Person neighbour = registry.person(street.room().id());
		String callerPhone = RegistryFixtures.mobile();
		AppealCategory category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");
		AppealView appeal = this.appeals.submit(RegistryFixtures.admin(),
				new NewAppeal(resident.id(), "张来电", callerPhone, List.of(neighbour.id()), category.code(),
						Channel.PHONE, "楼道灯坏了", "三楼楼道灯不亮", street.room().id(), 2, false, false, null));
		MoodNote note = this.notes.file(RegistryFixtures.admin(),
				new NewMoodNote("PERSON", resident.id(), null, null, LocalDate.now(WorkingCalendar.ZONE).toString(),
						"VISIT", "CALM", List.of("PENSION"), List.of(), "谈到养老金"));

		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		Map<Role, RequestPostProcessor> api = new EnumMap<>(Role.class);
		Map<Role, RequestPostProcessor> console = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			UserAccount account = (role == Role.ADMIN) ? null
					: registry.user(role, (role == Role.GRID_WORKER) ? Set.of(street.grid().id()) : Set.of(),
							(role == Role.DEPARTMENT_STAFF) ? "PROPERTY" : null,
							(role == Role.RESIDENT) ? resident.id() : null);
			String token = (account == null) ? callers.adminToken()
					: callers.firstLogin(registry.loginName(account), RegistryFixtures.FIRST_PASSWORD);
			api.put(role, bearer(token));
			if (account != null && role != Role.RESIDENT) {
				console.put(role, authentication(ConsoleFixtures
					.signedIn(ConsoleFixtures.user(this.users.get(RegistryFixtures.COMMUNITY, account.id())))));
			}
		}
		console.put(Role.ADMIN,
				authentication(ConsoleFixtures.signedIn(ConsoleFixtures.user(this.users.all(RegistryFixtures.COMMUNITY)
					.stream()
					.filter((account) -> account.username().equals("admin"))
					.findFirst()
					.orElseThrow()))));

		Crawler apiCrawler = new Crawler(this.mvc, this.mappings, api.get(Role.ADMIN));
		Map<Endpoint, String> apiUrls = apiCrawler.api(Map.of("/api/v1/residents", String.valueOf(resident.id()),
				"/api/v1/appeals", String.valueOf(appeal.id()), "/api/v1/mood-notes", String.valueOf(note.id())));
		Crawler consoleCrawler = new Crawler(this.mvc, this.mappings, console.get(Role.ADMIN));
		Map<Endpoint, String> pages = consoleCrawler.console(
				List.of("/people/" + resident.id(), "/appeals/" + appeal.id(), "/mood-notes?person=" + resident.id()));

		List<String> leaks = new ArrayList<>();
		Map<String, Integer> statuses = new TreeMap<>();
		StringBuilder adminSaw = new StringBuilder();
		crawl(apiCrawler, apiUrls, api, leaks, statuses, adminSaw);
		crawl(consoleCrawler, pages, console, leaks, statuses, adminSaw);

		assertThat(leaks).as("full numbers in answers").isEmpty();
		assertThat(apiUrls).as("API GET endpoints").hasSizeGreaterThan(90);
		assertThat(pages).as("console pages reached by links").hasSizeGreaterThan(50);
		assertThat(statuses.getOrDefault("ADMIN 200", 0)).as("calls the administrator got answered: %s", statuses)
			.isGreaterThan(120);
		// what the crawl was sure to reach: the person's own page, whose numbers are
		// shown
		// masked
		assertThat(adminSaw).as("the crawl reached the person it made, masked")
			.contains(IdNumber.mask(resident.idNumber()));
	}

	private void crawl(Crawler crawler, Map<Endpoint, String> urls, Map<Role, RequestPostProcessor> roles,
			List<String> leaks, Map<String, Integer> statuses, StringBuilder adminSaw) {
		for (Map.Entry<Role, RequestPostProcessor> role : roles.entrySet()) {
			for (Map.Entry<Endpoint, String> url : urls.entrySet()) {
				MockHttpServletResponse answer = crawler.fetch(url.getValue(), role.getValue());
				statuses.merge(role.getKey() + " " + answer.getStatus(), 1, Integer::sum);
				String text = AnswerText.of(answer);
				if (role.getKey() == Role.ADMIN) {
					adminSaw.append(text);
				}
				for (String leak : LeakedNumbers.in(text)) {
					leaks.add(role.getKey() + " GET " + url.getValue() + " (" + url.getKey() + "): " + leak);
				}
			}
		}
	}

	private static RequestPostProcessor bearer(String token) {
		return (request) -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
	}

}
