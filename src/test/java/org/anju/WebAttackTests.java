package org.anju;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import org.anju.stability.ConflictCaseView;
import org.anju.stability.ConflictManagement;
import org.anju.stability.MoodNotes;
import org.anju.stability.NewConflictCase;
import org.anju.stability.NewMoodNote;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The web attacks of OWASP's list, each tried on every endpoint it applies to, the
 * endpoints read from the application's own mappings: a console form posted without its
 * CSRF token, SQL metacharacters in every text filter, malformed and oversized JSON on
 * every API call that reads a body, script in free text shown back in every page, and a
 * path in an upload's file name.
 */
@AnjuSpringTest
class WebAttackTests {

	private static final List<String> SQL = List.of("' OR 1=1 --", "%", "_", "\\");

	private static final String SCRIPT = "<script>alert(1)</script>";

	private static final String IMAGE = "\"><img src=x onerror=alert(1)>";

	/** A stack trace's line, or an exception's class name, in an answer. */
	private static final Pattern TRACE = Pattern.compile("\\tat |\\w+Exception\\b|org\\.anju\\.|java\\.lang\\.");

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

	@Autowired
	ConflictManagement conflicts;

	List<Endpoint> endpoints;

	RequestPostProcessor admin;

	RequestPostProcessor adminSession;

	@BeforeEach
	void theAdministrator() {
		this.endpoints = Endpoints.of(this.mappings);
		String token = new ApiCallers(this.mvc, this.json).adminToken();
		this.admin = (request) -> {
			request.addHeader("Authorization", "Bearer " + token);
			return request;
		};
		this.adminSession = authentication(
				ConsoleFixtures.signedIn(ConsoleFixtures.user(this.users.all(RegistryFixtures.COMMUNITY)
					.stream()
					.filter((account) -> account.username().equals("admin"))
					.findFirst()
					.orElseThrow())));
	}

	@Test
	void everyConsoleFormRefusesAPostWithoutItsCsrfToken() {
		List<String> wrong = new ArrayList<>();
		int forms = 0;
		for (Endpoint endpoint : this.endpoints) {
			if (endpoint.console() && endpoint.changes()) {
				forms++;
				MockHttpServletResponse answer = perform(
						request(HttpMethod.valueOf(endpoint.method().name()), Endpoints.madeUp(endpoint.pattern()))
							.param("name", "无令牌")
							.with(this.adminSession));
				if (answer.getStatus() != 403) {
					wrong.add(endpoint + " → " + answer.getStatus());
				}
			}
		}
		assertThat(wrong).as("console forms that took a post without a CSRF token").isEmpty();
		assertThat(forms).as("console forms").isGreaterThan(50);
	}

	@Test
	void sqlMetacharactersInEveryTextFilterAnswerNormally() {
		List<String> wrong = new ArrayList<>();
		int filters = 0;
		for (Endpoint endpoint : this.endpoints) {
			if (endpoint.changes() || endpoint.streams() || Endpoints.hasVariables(endpoint.pattern())
					|| !(endpoint.api() || endpoint.console())) {
				continue;
			}
			for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param == null || !(CharSequence.class.isAssignableFrom(parameter.getParameterType())
						|| Collection.class.isAssignableFrom(parameter.getParameterType()))) {
					continue;
				}
				String name = param.name().isEmpty() ? param.value() : param.name();
				name = name.isEmpty() ? String.valueOf(parameter.getParameterName()) : name;
				filters++;
				for (String value : SQL) {
					MockHttpServletResponse answer = perform(get(endpoint.pattern()).param(name, value)
						.with(endpoint.api() ? this.admin : this.adminSession));
					if (answer.getStatus() >= 500
							|| TRACE.matcher(ApiCallers.content(answer)).find() && !endpoint.console()) {
						wrong.add(endpoint + "?" + name + "=" + value + " → " + answer.getStatus());
					}
				}
			}
		}
		assertThat(wrong).as("filters that broke on SQL metacharacters").isEmpty();
		assertThat(filters).as("text filters").isGreaterThan(20);
	}

	@Test
	void malformedAndOversizedJsonIsRefusedWithAProblemAndNoTrace() {
		byte[] oversized = ("{\"title\":\"" + "长".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		List<String> wrong = new ArrayList<>();
		int bodies = 0;
		for (Endpoint endpoint : this.endpoints) {
			if (!endpoint.api() || !endpoint.changes() || !readsBody(endpoint)) {
				continue;
			}
			bodies++;
			for (byte[] body : List.of("{\"title\": ".getBytes(StandardCharsets.UTF_8),
					"[1,2,".getBytes(StandardCharsets.UTF_8), "{\"a\":{\"b\":{\"c\":[[[[[[".getBytes(), oversized)) {
				MockHttpServletResponse answer = perform(
						request(HttpMethod.valueOf(endpoint.method().name()), Endpoints.madeUp(endpoint.pattern()))
							.contentType(MediaType.APPLICATION_JSON)
							.content(body)
							.header("If-Match", "\"0\"")
							.header("Idempotency-Key", UUID.randomUUID().toString())
							.with(this.admin));
				String text = ApiCallers.content(answer);
				int expected = (body == oversized) ? 413 : 400;
				if (answer.getStatus() != expected
						|| !String.valueOf(answer.getContentType()).startsWith("application/problem+json")
						|| TRACE.matcher(text).find()) {
					wrong.add(endpoint + " with " + body.length + " bytes → " + answer.getStatus() + " "
							+ answer.getContentType() + " " + text.substring(0, Math.min(200, text.length())));
				}
			}
		}
		assertThat(wrong).as("bodies not refused cleanly").isEmpty();
		assertThat(bodies).as("API calls that read a JSON body").isGreaterThan(40);
	}

	@Test
	void scriptInFreeTextComesBackEscapedInEveryPage() {
		RegistryFixtures registry = new RegistryFixtures(this.places, this.people, this.users);
		RegistryFixtures.Street street = registry.street();
		Person person = registry.person(street.room().id());
		UserAccount leader = registry.user(Role.LEADER, Set.of(), null, null);
		AppealCategory category = new AppealFixtures(this.categories, this.rules).category("PROPERTY");
		AppealView appeal = this.appeals.submit(RegistryFixtures.admin(),
				new NewAppeal(person.id(), null, null, List.of(), category.code(), Channel.VISIT, "标题" + IMAGE,
						"诉求" + SCRIPT + IMAGE, street.room().id(), 1, false, false, null));
		this.notes.file(RegistryFixtures.admin(),
				new NewMoodNote("PERSON", person.id(), null, null, LocalDate.now(WorkingCalendar.ZONE).toString(),
						"VISIT", "CALM", List.of("PENSION"), List.of(), "谈话" + SCRIPT + IMAGE));
		ConflictCaseView conflict = this.conflicts.register(RegistryFixtures.admin(),
				new NewConflictCase("PROPERTY", RegistryFixtures.unique("纠纷") + IMAGE, "经过" + SCRIPT + IMAGE,
						"ORDINARY", List.of(person.id()), List.of(), 2, leader.id(), null, null, street.grid().id(),
						"REPORT", null));

		Crawler crawler = new Crawler(this.mvc, this.mappings, this.adminSession);
		Map<Endpoint, String> pages = crawler.console(List.of("/appeals/" + appeal.id(),
				"/appeals/" + appeal.id() + "/receipt", "/appeals/" + appeal.id() + "/slip",
				"/conflicts/" + conflict.id(), "/mood-notes?person=" + person.id(), "/people/" + person.id()));

		List<String> unescaped = new ArrayList<>();
		StringBuilder shown = new StringBuilder();
		for (String url : pages.values()) {
			MockHttpServletResponse page = crawler.fetch(url, this.adminSession);
			String text = AnswerText.of(page);
			if (String.valueOf(page.getContentType()).startsWith("text/html")) {
				shown.append(text);
				if (text.contains(SCRIPT) || text.contains("<img src=x")) {
					unescaped.add(url);
				}
			}
		}
		assertThat(unescaped).as("pages that show the script as markup").isEmpty();
		assertThat(shown).as("the pages showed the free text, escaped")
			.contains("诉求&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("谈话&lt;script&gt;")
			.contains("经过&lt;script&gt;")
			.contains("&lt;img src=x onerror=alert(1)&gt;");
	}

	@Test
	void aPathInAnUploadsNameReachesNeitherTheDiskNorAHeader() throws IOException {
		String name = "../../etc/passwd.xlsx";
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(xlsx, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("花名册");
		sheet.value(0, 0, "姓名");
		sheet.value(0, 1, "身份证号");
		sheet.value(1, 0, "路径");
		sheet.value(1, 1, "不是号码");
		workbook.finish();
		List<String> wrong = new ArrayList<>();
		int uploads = 0;
		for (Endpoint endpoint : this.endpoints) {
			if (!endpoint.api() || endpoint.consumes() == null
					|| !endpoint.consumes().includes(MediaType.MULTIPART_FORM_DATA)) {
				continue;
			}
			uploads++;
			MockHttpServletResponse answer = perform(
					multipart(HttpMethod.valueOf(endpoint.method().name()), Endpoints.madeUp(endpoint.pattern()))
						.file(new MockMultipartFile("file", name, "application/octet-stream", xlsx.toByteArray()))
						.param("dryRun", "true")
						.with(this.admin));
			for (String header : answer.getHeaderNames()) {
				if (String.valueOf(answer.getHeaderValues(header)).matches(".*(\\.\\.|passwd|/etc).*")) {
					wrong.add(endpoint + " header " + header + ": " + answer.getHeaderValues(header));
				}
			}
			if (answer.getStatus() >= 500) {
				wrong.add(endpoint + " → " + answer.getStatus());
			}
		}
		try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			temporary.filter((file) -> file.getFileName().toString().contains("passwd"))
				.forEach((file) -> wrong.add("kept as " + file));
		}
		assertThat(Path.of(name)).doesNotExist();
		assertThat(Path.of("/etc/passwd.xlsx")).doesNotExist();
		assertThat(wrong).isEmpty();
		assertThat(uploads).as("API uploads").isGreaterThanOrEqualTo(2);
	}

	private static boolean readsBody(Endpoint endpoint) {
		for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return true;
			}
		}
		return false;
	}

	private MockHttpServletResponse perform(RequestBuilder request) {
		try {
			return this.mvc.perform(request).andReturn().getResponse();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
