package org.anju;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.anju.Crawler.Pages;
import org.anju.Endpoints.Endpoint;
import org.anju.identity.ApiCallers;
import org.anju.identity.UserManagement;
import org.anju.platform.XlsxStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The web attacks of OWASP's list, each tried on every endpoint it applies to, the
 * endpoints read from the application's own mappings: a console form posted without its
 * CSRF token, SQL metacharacters in every text filter, malformed and oversized JSON on
 * every API call that reads a body, script and formulas in every free-text field shown
 * back in every page and export, and a path in an upload's file name.
 */
@AnjuSpringTest
class WebAttackTests {

	private static final List<String> SQL = List.of("' OR 1=1 --", "%", "_", "\\");

	/** The number of each free-text field, which its attack carries. */
	private static final Map<String, Integer> FIELDS = new LinkedHashMap<>();

	/**
	 * The free-text fields that no page shows, with the reason: the API's JSON answers
	 * show them as typed, for its client to escape.
	 */
	private static final Map<String, String> ONLY_IN_THE_API = Map.of("surveyAnswer.comment",
			"read through /api/v1/survey-responses; no page lists answers", "plan.nameEn",
			"shown to English readers; the crawl reads the Chinese pages", "unit.nameEn",
			"shown to English readers, and in the audit page only while its row is among the latest", "death.note",
			"read through /api/v1/deaths; the deaths page shows the informant, not the note");

	private static @Nullable SeededCommunity seededOnce;

	/** A stack trace's line, or an exception's class name, in an answer. */
	private static final Pattern TRACE = Pattern.compile("\\tat |\\w+Exception\\b|org\\.anju\\.|java\\.lang\\.");

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

	List<Endpoint> endpoints;

	RequestPostProcessor admin;

	RequestPostProcessor adminSession;

	@BeforeEach
	void theAdministrator() {
		this.endpoints = Endpoints.of(this.mappings);
		this.admin = SeededCommunity.bearer(new ApiCallers(this.mvc, this.json).adminToken());
		this.adminSession = SeededCommunity.consoleUser(SeededCommunity.administrator(this.users));
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

	/**
	 * Each row a free-text field ({@link SeededCommunity#fields()}), made through the API
	 * with script, an attribute breakout and a formula in it: every page of the console
	 * and the portal shows it escaped, and at least one shows it; no spreadsheet, of the
	 * console or the API, holds it as a formula or as text a spreadsheet would run; no
	 * PDF holds anything a reader would run, and the text of the PDFs counts as shown.
	 */
	@Test
	void scriptInEveryFreeTextFieldComesBackEscapedInEveryPageAndExport() {
		SeededCommunity seeded = seeded();
		Map<String, String> forms = ConsoleForms.fill(this.mvc, seeded, WebAttackTests::attack);
		List<String> fields = new ArrayList<>(seeded.fields());
		ConsoleForms.ROWS.forEach((row) -> fields.addAll(row.names()));
		Crawler crawler = new Crawler(this.mvc, this.mappings, this.adminSession);
		Pages pages = crawler.pages(seeded.pages());
		Map<Endpoint, String> exports = new Crawler(this.mvc, this.mappings, this.admin).api(seeded.apiIds());

		List<String> wrong = new ArrayList<>();
		StringBuilder shown = new StringBuilder();
		StringBuilder json = new StringBuilder();
		StringBuilder pdfs = new StringBuilder();
		forms.forEach((field, page) -> {
			shown.append(page);
			if (page.contains("<script>x()")) {
				wrong.add("the form of " + field + " shows the script as markup");
			}
		});
		for (Map.Entry<Map<Endpoint, String>, RequestPostProcessor> crawl : List.of(
				Map.entry(pages.staff(), this.adminSession), Map.entry(pages.portal(), seeded.portal()),
				Map.entry(exports, this.admin))) {
			for (String url : crawl.getKey().values()) {
				MockHttpServletResponse answer = crawler.fetch(url, crawl.getValue());
				String type = String.valueOf(answer.getContentType());
				if (type.startsWith("text/html")) {
					String page = ApiCallers.content(answer);
					shown.append(page);
					if (page.contains("<script>x()")) {
						wrong.add(url + " shows the script as markup");
					}
				}
				else if (type.contains("json")) {
					json.append(ApiCallers.content(answer));
				}
				else if (type.startsWith(XlsxStream.MEDIA_TYPE)) {
					shown.append(AnswerText.of(answer));
					AnswerText.unguarded(answer.getContentAsByteArray())
						.forEach((cell) -> wrong.add(url + " holds a formula: " + cell));
				}
				else if (type.startsWith(MediaType.APPLICATION_PDF_VALUE)) {
					pdfs.append(AnswerText.of(answer));
					AnswerText.active(answer.getContentAsByteArray())
						.forEach((name) -> wrong.add(url + " holds active content: " + name));
				}
			}
		}
		shown.append(pdfs);
		assertThat(wrong).as("pages and exports that let the script or the formula through").isEmpty();
		assertThat(fields).as("free-text fields no page or export showed, escaped")
			.filteredOn((field) -> !ONLY_IN_THE_API.containsKey(field) && !shown(field, shown.toString()))
			.isEmpty();
		assertThat(ONLY_IN_THE_API.keySet()).as("fields that only the API shows, and did not")
			.filteredOn((field) -> !shown(field, json.toString()))
			.isEmpty();
		assertThat(fields).as("free-text fields").hasSizeGreaterThan(40);
		assertThat(fields).as("free-text fields the PDFs show: the monthly report's appeals, a letter's title")
			.filteredOn((field) -> shown(field, pdfs.toString()))
			.contains("appeal.title", "letter.title");
	}

	/**
	 * Every free-text field of a console form ({@link ConsoleForms#freeText}) is a row of
	 * the attack above, or accounted for with its reason; no row names a field that is
	 * gone.
	 */
	@Test
	void everyFreeTextFieldOfAConsoleFormIsAttackedOrAccountedFor() {
		Set<String> fields = ConsoleForms.freeText(this.endpoints);
		Set<String> known = new TreeSet<>(ConsoleForms.ACCOUNTED.keySet());
		ConsoleForms.ROWS.forEach((row) -> known.addAll(row.fields()));
		assertThat(fields).as("console form fields neither attacked nor accounted for")
			.filteredOn((field) -> !known.contains(field))
			.isEmpty();
		assertThat(known).as("rows and reasons for fields no form has")
			.filteredOn((field) -> !fields.contains(field))
			.isEmpty();
		assertThat(fields).as("free-text fields of console forms").hasSizeGreaterThan(100);
	}

	/**
	 * Every filter of every console page (a search text, a state, a category, a page's
	 * cursor; the portal's pages take none), a page with path variables at the seeded
	 * community's object, given the script as its administrator: the page answers 200, or
	 * refuses the value with 400 or 422, never a 5xx, and never shows the script as
	 * markup.
	 */
	@Test
	void scriptInEveryFilterOfEveryPageIsAnsweredEscaped() {
		String script = attack("filter");
		SeededCommunity seeded = seeded();
		RequestPostProcessor staff = seeded.console();
		List<String> wrong = new ArrayList<>();
		int filters = 0;
		int withVariables = 0;
		for (Map.Entry<Endpoint, String> page : new Crawler(this.mvc, this.mappings, staff).pages(seeded.pages())
			.staff()
			.entrySet()) {
			Endpoint endpoint = page.getKey();
			for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param == null || Map.class.isAssignableFrom(parameter.getParameterType())) {
					continue;
				}
				String named = param.name().isEmpty() ? param.value() : param.name();
				String name = named.isEmpty() ? String.valueOf(parameter.getParameterName()) : named;
				filters++;
				withVariables += Endpoints.hasVariables(endpoint.pattern()) ? 1 : 0;
				MockHttpServletResponse answer = perform(get(page.getValue()).param(name, script).with(staff));
				String text = ApiCallers.content(answer);
				String type = String.valueOf(answer.getContentType());
				if (answer.getStatus() >= 500
						|| answer.getStatus() != 200 && answer.getStatus() != 400 && answer.getStatus() != 422
						|| type.startsWith("text/html") && text.contains("<script>x()")) {
					wrong.add(endpoint + "?" + name + " → " + answer.getStatus() + " " + type + " "
							+ text.substring(0, Math.min(300, text.length())));
				}
				else if (type.startsWith(XlsxStream.MEDIA_TYPE)) {
					AnswerText.unguarded(answer.getContentAsByteArray())
						.forEach((cell) -> wrong.add(endpoint + "?" + name + " holds a formula: " + cell));
				}
			}
		}
		assertThat(wrong).as("pages whose filter broke on, or let through, the script").isEmpty();
		assertThat(filters).as("filters of console pages").isGreaterThan(30);
		assertThat(withVariables).as("filters of console pages with path variables").isGreaterThan(5);
	}

	/**
	 * @return the one seeded community of the class's tests, its free-text fields typed
	 * with the attack (a test that only reads its pages may share it with one that acts
	 * on them: every page stays there)
	 */
	private SeededCommunity seeded() {
		synchronized (FIELDS) {
			if (seededOnce == null) {
				seededOnce = SeededCommunity.seed(this.context, WebAttackTests::attack);
			}
			return seededOnce;
		}
	}

	/**
	 * @return what an attacker types into the field: a formula, the end of a quoted
	 * attribute and script, marked with the field's number (short enough for a field of
	 * 40 characters)
	 */
	private static String attack(String field) {
		return "=" + marker(field) + "'\"><script>x()</script>";
	}

	private static String marker(String field) {
		return "f" + (FIELDS.computeIfAbsent(field, (name) -> FIELDS.size() + 1));
	}

	/**
	 * Whether the answers showed the field's text: escaped in a page, as it is in a cell.
	 */
	private static boolean shown(String field, String answers) {
		return Pattern.compile(marker(field) + "[^<\\s]{0,20}(&lt;|<)script").matcher(answers).find();
	}

	@Test
	void aPathInAnUploadsNameReachesNeitherTheDiskNorAHeader() throws IOException {
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(xlsx, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("花名册");
		sheet.value(0, 0, "姓名");
		sheet.value(0, 1, "身份证号");
		sheet.value(1, 0, "路径");
		sheet.value(1, 1, "不是号码");
		workbook.finish();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
		SeededCommunity seeded = seeded();
		List<String> wrong = new ArrayList<>();
		List<String> answers = new ArrayList<>();
		int uploads = 0;
		for (Endpoint endpoint : this.endpoints) {
			String part = uploadPart(endpoint);
			if (part == null) {
				continue;
			}
			uploads++;
			// the portal takes photos, the rest spreadsheets; a photo's name keeps no
			// path
			boolean photo = endpoint.portal();
			MockMultipartHttpServletRequestBuilder upload = multipart(HttpMethod.valueOf(endpoint.method().name()),
					Endpoints.madeUp(endpoint.pattern()))
				.file(new MockMultipartFile(part, photo ? "../../etc/passwd.png" : "../../etc/passwd.xlsx",
						photo ? "image/png" : "application/octet-stream",
						photo ? png.toByteArray() : xlsx.toByteArray()))
				.param("dryRun", "true");
			if (endpoint.api()) {
				upload.with(this.admin);
			}
			else if (photo) {
				upload.with(seeded.portal())
					.with(csrf())
					.param("categoryCode", "OTHER")
					.param("title", "照片的名字")
					.param("description", "一张名字里带路径的照片");
			}
			else {
				upload.with(this.adminSession).with(csrf());
			}
			MockHttpServletResponse answer = perform(upload);
			answers.add(endpoint + " → " + answer.getStatus());
			headers(endpoint.toString(), answer, wrong);
			if (answer.getStatus() >= 500) {
				wrong.add(endpoint + " → " + answer.getStatus());
			}
			String location = answer.getRedirectedUrl();
			if (photo && location != null && location.startsWith("/portal/appeals/")) {
				// the photo was taken in: its download names it without the path
				long appeal = Long.parseLong(location.replaceAll("^/portal/appeals/(\\d+).*", "$1"));
				String page = ApiCallers.content(perform(get("/portal/appeals/{id}", appeal).with(seeded.portal())));
				java.util.regex.Matcher link = Pattern.compile("/portal/appeals/\\d+/photos/\\d+").matcher(page);
				assertThat(link.find()).as("the photo's link on " + location).isTrue();
				headers("the photo " + link.group(), perform(get(link.group()).with(seeded.portal())), wrong);
			}
		}
		try (Stream<Path> temporary = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
			temporary.filter((file) -> file.getFileName().toString().contains("passwd"))
				.forEach((file) -> wrong.add("kept as " + file));
		}
		assertThat(Path.of("../../etc/passwd.xlsx")).doesNotExist();
		assertThat(Path.of("/etc/passwd.xlsx")).doesNotExist();
		assertThat(Path.of("/etc/passwd.png")).doesNotExist();
		assertThat(wrong).as("answers: %s", answers).isEmpty();
		assertThat(answers).as("uploads of the API, the console and the portal")
			.anyMatch((answer) -> answer.startsWith("POST /api/"))
			.anyMatch((answer) -> answer.startsWith("POST /portal/appeals → 302"))
			.anyMatch((answer) -> !answer.startsWith("POST /api/") && !answer.startsWith("POST /portal"));
		assertThat(uploads).as("uploads").isGreaterThanOrEqualTo(5);
	}

	/** A header that names a path from the upload's name. */
	private static void headers(String what, MockHttpServletResponse answer, List<String> wrong) {
		for (String header : answer.getHeaderNames()) {
			if (String.valueOf(answer.getHeaderValues(header)).matches(".*(\\.\\.|/etc|etc/).*")) {
				wrong.add(what + " header " + header + ": " + answer.getHeaderValues(header));
			}
		}
	}

	/**
	 * @return the name of the file part an endpoint takes: a multipart API call's
	 * {@code file}, or a console form's file parameter; {@literal null} for no upload
	 */
	private static @Nullable String uploadPart(Endpoint endpoint) {
		if (endpoint.api()) {
			boolean multipart = endpoint.consumes() != null
					&& endpoint.consumes().includes(MediaType.MULTIPART_FORM_DATA);
			return multipart ? "file" : null;
		}
		if (!endpoint.console() || !endpoint.changes()) {
			return null;
		}
		for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			boolean file = parameter.getParameterType() == MultipartFile.class
					|| MultipartFile.class == parameter.nested().getNestedParameterType();
			if (param != null && file) {
				String name = param.name().isEmpty() ? param.value() : param.name();
				return name.isEmpty() ? parameter.getParameterName() : name;
			}
		}
		return null;
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
