package org.anju;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.anju.Crawler.Pages;
import org.anju.Endpoints.Endpoint;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumber;
import org.anju.shared.LeakedNumbers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As each role, every GET endpoint of the API and every page of the console, and as a
 * resident every page of the portal (exports too: each cell of a spreadsheet, the text of
 * a PDF) shows no full ID number and no full mobile. The endpoints and pages come from
 * the application's own mappings; their ids are real objects, one of each kind made by
 * {@link SeededCommunity}, and the first of every other API list. A page with path
 * variables that no object fills fails the test by name. The administrator and the
 * resident read them again in English; the administrator reads each filter of each of
 * them with a value the data holds ({@link QueryVariants}) and each list's next page.
 * Unmasking and the personal-data report, the only answers that may show full numbers,
 * are POSTs and not crawled.
 */
@AnjuSpringTest
class MaskingCrawlTests {

	/**
	 * A masked ID number or mobile, as {@code IdNumber.mask} and {@code Phone} show them.
	 */
	private static final Pattern MASKED = Pattern.compile("\\d{6}\\*{8}\\d{3}[\\dXx]|1\\d{2}\\*{4}\\d{4}");

	/**
	 * The pages and exports that show people with their numbers (residents, callers,
	 * accounts, text messages' recipients): each must show one masked, or the crawl would
	 * not prove that it masks. A resident's receipt and the portal show no numbers.
	 */
	private static final List<String> LIST_PEOPLE = List.of("/people", "/people/{id}", "/people/{id}/edit",
			"/people/export", "/appeals/{id}", "/appeals/{id}/slip", "/users", "/sms", "/audit", "/api/v1/residents",
			"/api/v1/residents/{id}", "/api/v1/residents/export");

	@Autowired
	ApplicationContext context;

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

	@Test
	void noAnswerToAnyRoleShowsAFullNumber() {
		SeededCommunity seeded = SeededCommunity.seed(this.context, (field) -> field + " 的内容");
		seeded.secondOfEachList();
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		// more than the 20 rows of the people page, so that it links its next
		for (int i = 0; i < 20; i++) {
			registry.person(seeded.street.room().id());
		}
		ApiCallers callers = new ApiCallers(this.mvc, this.json);
		Map<Role, RequestPostProcessor> api = new EnumMap<>(Role.class);
		Map<Role, RequestPostProcessor> staff = new EnumMap<>(Role.class);
		api.put(Role.ADMIN, SeededCommunity.bearer(seeded.adminToken()));
		staff.put(Role.ADMIN, SeededCommunity.consoleUser(seeded.admin));
		for (Role role : List.of(Role.LEADER, Role.DEPARTMENT_STAFF, Role.GRID_WORKER)) {
			UserAccount account = registry.user(role,
					(role == Role.GRID_WORKER) ? Set.of(seeded.street.grid().id()) : Set.of(),
					(role == Role.DEPARTMENT_STAFF) ? "PROPERTY" : null, null);
			api.put(role, SeededCommunity
				.bearer(callers.firstLogin(registry.loginName(account), RegistryFixtures.FIRST_PASSWORD)));
			staff.put(role, SeededCommunity.consoleUser(this.users.get(RegistryFixtures.COMMUNITY, account.id())));
		}
		api.put(Role.RESIDENT, SeededCommunity.bearer(seeded.residentToken()));

		Crawler apiCrawler = new Crawler(this.mvc, this.mappings, api.get(Role.ADMIN));
		Map<Endpoint, String> apiUrls = apiCrawler.api(seeded.apiIds());
		Crawler consoleCrawler = new Crawler(this.mvc, this.mappings, staff.get(Role.ADMIN));
		Pages pages = consoleCrawler.pages(seeded.pages());
		assertThat(pages.unfilled())
			.as("pages with path variables that no seeded object fills: make one in SeededCommunity, "
					+ "or give the reason in Crawler.UNCRAWLED")
			.isEmpty();

		Crawl crawl = new Crawl(IdNumber.mask(seeded.resident.idNumber()));
		crawl.as(apiCrawler, apiUrls, api);
		crawl.as(consoleCrawler, pages.staff(), staff);
		crawl.as(consoleCrawler, pages.portal(), Map.of(Role.RESIDENT, seeded.portal()));
		crawl.inEnglish(apiCrawler, apiUrls, api);
		crawl.inEnglish(consoleCrawler, pages.staff(), Map.of(Role.ADMIN, staff.get(Role.ADMIN)));
		crawl.inEnglish(consoleCrawler, pages.portal(), Map.of(Role.RESIDENT, seeded.portal()));
		Map<Endpoint, String> all = new LinkedHashMap<>(apiUrls);
		all.putAll(pages.staff());
		QueryVariants variants = new QueryVariants(this.json, seeded.resident, apiUrls.entrySet()
			.stream()
			.sorted(Comparator.comparing((url) -> !Endpoints.hasVariables(url.getKey().pattern())))
			.collect(LinkedHashMap::new,
					(answers, url) -> answers.put(url.getKey(), apiCrawler.fetch(url.getValue(), api.get(Role.ADMIN))),
					Map::putAll));
		crawl.variants(variants, all, (endpoint) -> endpoint.api() ? apiCrawler : consoleCrawler,
				(endpoint) -> endpoint.api() ? api.get(Role.ADMIN) : staff.get(Role.ADMIN));

		assertThat(crawl.leaks).as("full numbers in answers").isEmpty();
		assertThat(crawl.unguarded).as("answers without the security headers").isEmpty();
		assertThat(crawl.guarded).as("answers checked for the security headers").isGreaterThan(500);
		assertThat(apiUrls).as("API GET endpoints").hasSizeGreaterThan(90);
		assertThat(pages.staff()).as("console pages").hasSizeGreaterThan(80);
		assertThat(pages.portal()).as("portal pages").hasSizeGreaterThanOrEqualTo(6);
		assertThat(crawl.statuses.getOrDefault("ADMIN 200", 0))
			.as("calls the administrator got answered: %s", crawl.statuses)
			.isGreaterThan(165);
		assertThat(crawl.statuses.getOrDefault("RESIDENT 200", 0))
			.as("portal pages the resident got: %s", crawl.statuses)
			.isGreaterThanOrEqualTo(6);
		assertThat(crawl.masked).as("pages that list people and showed a masked number")
			.containsAll(LIST_PEOPLE.stream().map((page) -> page + " 200").toList());
		assertThat(crawl.shown).as("the crawl reached the person it made, masked")
			.contains(IdNumber.mask(seeded.resident.idNumber()));
		assertThat(crawl.english).as("console and portal pages answered in English")
			.isGreaterThan(pages.staff().size() * 3 / 4);
		assertThat(crawl.translated).as("API answers that English changed").isGreaterThan(20);
		assertThat(variants.unaccounted())
			.as("filters that got no value: give one, or the reason in QueryVariants.ACCOUNTED")
			.isEmpty();
		assertThat(QueryVariants.ACCOUNTED.keySet()).as("accounted filters that no endpoint has")
			.isSubsetOf(all.keySet()
				.stream()
				.flatMap((endpoint) -> Crawler.filters(endpoint).stream())
				.map(Crawler.Filter::key)
				.toList());
		List<String> paging = all.keySet()
			.stream()
			.filter((endpoint) -> Crawler.filters(endpoint)
				.stream()
				.anyMatch((filter) -> filter.name().equals("cursor")))
			.map(Endpoint::pattern)
			.toList();
		// in the suite's shared database more lists may page than the seeded data fills
		assertThat(paging)
			.as("lists whose next page was not read: seed more rows, or give the reason in " + "QueryVariants.UNPAGED")
			.filteredOn((pattern) -> !crawl.paged.contains(pattern) && !QueryVariants.UNPAGED.containsKey(pattern))
			.isEmpty();
		assertThat(QueryVariants.UNPAGED.keySet()).as("unpaged lists that no endpoint pages").isSubsetOf(paging);
		assertThat(crawl.searched).as("searches for the person that did not show them, masked").isEmpty();
		assertThat(variants.used()).as("filters read with a value").hasSizeGreaterThan(200);
	}

	/**
	 * What a crawl found: the full numbers, the answers by role and status, the pages
	 * that showed a masked number, the pages answered in English, the lists read past
	 * their first page, and the searches for the person that did not show them.
	 */
	private static final class Crawl {

		final List<String> leaks = new ArrayList<>();

		final Map<String, Integer> statuses = new TreeMap<>();

		final Set<String> masked = new TreeSet<>();

		final StringBuilder shown = new StringBuilder();

		final Set<String> paged = new TreeSet<>();

		/** Answers without the headers every answer must carry, with those missing. */
		final List<String> unguarded = new ArrayList<>();

		int guarded;

		final List<String> searched = new ArrayList<>();

		int english;

		int translated;

		int variants;

		private final String person;

		/**
		 * @param person the masked ID number of the person the searches look for
		 */
		Crawl(String person) {
			this.person = person;
		}

		/**
		 * Every answer is kept out of caches and is not sniffed; a page also forbids
		 * framing, loads only the application's own resources and sends no referrer
		 * elsewhere.
		 */
		void guarded(String what, MockHttpServletResponse answer) {
			this.guarded++;
			List<String> missing = new ArrayList<>();
			if (!"nosniff".equals(answer.getHeader("X-Content-Type-Options"))) {
				missing.add("X-Content-Type-Options");
			}
			if (!String.valueOf(answer.getHeader("Cache-Control")).contains("no-store")) {
				missing.add("Cache-Control: no-store");
			}
			if (String.valueOf(answer.getContentType()).startsWith("text/html")) {
				String policy = String.valueOf(answer.getHeader("Content-Security-Policy"));
				if (!policy.contains("default-src 'self'") || !policy.contains("frame-ancestors 'none'")) {
					missing.add("Content-Security-Policy");
				}
				if (!"same-origin".equals(answer.getHeader("Referrer-Policy"))) {
					missing.add("Referrer-Policy");
				}
			}
			if (!missing.isEmpty()) {
				this.unguarded.add(what + " " + missing);
			}
		}

		void as(Crawler crawler, Map<Endpoint, String> urls, Map<Role, RequestPostProcessor> roles) {
			for (Map.Entry<Role, RequestPostProcessor> role : roles.entrySet()) {
				for (Map.Entry<Endpoint, String> url : urls.entrySet()) {
					MockHttpServletResponse answer = crawler.fetch(url.getValue(), role.getValue());
					this.statuses.merge(role.getKey() + " " + answer.getStatus(), 1, Integer::sum);
					String text = read(role.getKey().name(), url.getValue(), answer);
					if (answer.getStatus() == 200) {
						guarded(role.getKey() + " " + url.getValue(), answer);
					}
					if (role.getKey() == Role.ADMIN || role.getKey() == Role.RESIDENT) {
						this.shown.append(text);
						if (MASKED.matcher(text).find()) {
							this.masked.add(url.getKey().pattern() + " " + answer.getStatus());
						}
					}
				}
			}
		}

		/**
		 * Reads the addresses in English, as the administrator and the resident.
		 */
		void inEnglish(Crawler crawler, Map<Endpoint, String> urls, Map<Role, RequestPostProcessor> roles) {
			for (Role role : List.of(Role.ADMIN, Role.RESIDENT)) {
				if (roles.containsKey(role)) {
					for (String url : urls.values()) {
						String text = read(role + " in English", url,
								crawler.fetch(url, Crawler.english(roles.get(role))));
						this.english += text.contains("<html lang=\"en\"") ? 1 : 0;
						// the administrator's Chinese answers are kept from the first
						// crawl
						if (role == Role.ADMIN && url.startsWith("/api/")
								&& !text.equals(AnswerText.of(crawler.fetch(url, roles.get(role))))) {
							this.translated++;
						}
					}
				}
			}
		}

		/**
		 * Reads, as the administrator, each endpoint's query variants (as htmx asks too,
		 * where the page answers it with a part) and the next page that its first answer
		 * (of one row, where the list takes a size) links.
		 */
		void variants(QueryVariants variants, Map<Endpoint, String> urls, Function<Endpoint, Crawler> crawlers,
				Function<Endpoint, RequestPostProcessor> admins) {
			for (Map.Entry<Endpoint, String> url : urls.entrySet()) {
				Endpoint endpoint = url.getKey();
				Crawler crawler = crawlers.apply(endpoint);
				RequestPostProcessor admin = admins.apply(endpoint);
				List<RequestPostProcessor> callers = Crawler.answersHtmx(endpoint) ? List.of(admin, Crawler.htmx(admin))
						: List.of(admin);
				for (String variant : variants.of(endpoint, url.getValue(), crawler.fetch(url.getValue(), admin))) {
					for (RequestPostProcessor caller : callers) {
						this.variants++;
						String text = read("ADMIN", variant, crawler.fetch(variant, caller));
						if (QueryVariants.searches(variant) && LIST_PEOPLE.contains(endpoint.pattern())
								&& !text.contains(this.person)) {
							this.searched.add(variant);
						}
					}
				}
				List<String> paging = Crawler.filters(endpoint).stream().map(Crawler.Filter::name).toList();
				if (paging.contains("cursor")) {
					String first = paging.contains("size") ? UriComponentsBuilder.fromUriString(url.getValue())
						.replaceQueryParam("size", 1)
						.toUriString() : url.getValue();
					Optional<String> next = Crawler.next(first, crawler.fetch(first, admin));
					next.ifPresent((page) -> {
						this.paged.add(endpoint.pattern());
						callers.forEach((caller) -> read("ADMIN", page, crawler.fetch(page, caller)));
					});
				}
			}
		}

		private String read(String who, String url, MockHttpServletResponse answer) {
			String text = AnswerText.of(answer);
			for (String leak : LeakedNumbers.in(text)) {
				this.leaks.add(who + " GET " + url + ": " + leak);
			}
			return text;
		}

	}

}
