package org.anju.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.anju.platform.CjkFont;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.RoutingRules;
import org.anju.duty.CoverageFacts;
import org.anju.identity.ApiCallers;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The monthly report: its figures are the dashboard's for the same span, in the stored
 * figures, in the PDF's text and in the xlsx; the PDF carries its Chinese headings and
 * renders (target/reports/*.png, for a person to look at); the month's report is made
 * once.
 */
@AnjuSpringTest
class ReportTests {

	static final Path OUT = Path.of("target", "reports");

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Reports reports;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	UserManagement users;

	@Autowired
	CoverageFacts coverage;

	ApiCallers callers;

	String admin;

	@BeforeEach
	void callers() {
		this.callers = new ApiCallers(this.mvc, this.json);
		this.admin = this.callers.adminToken();
	}

	@Test
	void aReportShowsTheDashboardsFiguresForTheSameSpan() throws Exception {
		ReportingFixtures fixtures = new ReportingFixtures(this.callers, this.admin, this.jdbc);
		AppealFixtures appeals = new AppealFixtures(this.categories, this.rules);
		AppealCategory lights = appeals.category("PROPERTY");
		AppealCategory heating = appeals.category("ENERGY");
		fixtures.resolve(fixtures.submit(lights.code()), "PROPERTY", "SATISFIED");
		fixtures.resolve(fixtures.submit(heating.code()), "ENERGY", "DISSATISFIED");
		fixtures.submit(lights.code());
		fixtures.submit(heating.code());
		fixtures.submit(heating.code());
		fixtures.awaitRollups();
		// the coverage section shows the last check: wait for the first, which runs 30 s
		// after start, so that the report and the dashboard read the same one
		await().atMost(Duration.ofSeconds(60)).until(() -> this.coverage.of(RegistryFixtures.COMMUNITY).required() > 0);
		LocalDate today = DashboardTests.TODAY;
		String from = today.withDayOfMonth(1).toString();
		String to = DashboardTests.monthEnd().toString();
		MockHttpServletResponse created = this.callers
			.perform(bearer(post("/api/v1/reports"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("from", from, "to", to))));
		assertThat(created.getStatus()).as(content(created)).isEqualTo(201);
		long id = ((Number) JsonPath.read(content(created), "$.id")).longValue();
		String dashboard = content(
				this.callers.perform(bearer(get("/api/v1/dashboard").param("from", from).param("to", to), this.admin)));

		JsonNode figures = this.json
			.readTree(content(this.callers.perform(bearer(get("/api/v1/reports/{id}/figures", id), this.admin))));
		assertThat(figures).isEqualTo(this.json.readTree(dashboard));

		byte[] pdf = this.callers.perform(bearer(get("/api/v1/reports/{id}.pdf", id), this.admin))
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		Files.createDirectories(OUT);
		Path file = OUT.resolve("report-" + id + ".pdf");
		Files.write(file, pdf);
		String text = run("pdftotext", "-layout", file.toString(), "-");
		long received = ((Number) JsonPath.read(dashboard, "$.appeals.received")).longValue();
		assertThat(received).isGreaterThanOrEqualTo(5);
		long conflicts = ((Number) JsonPath.read(dashboard, "$.conflicts.total")).longValue();
		assertThat(text).contains("社区稳定与服务工作月报", "一、服务工作", "二、稳定工作", "三、关爱服务", "四、责任体系", "诉求服务", "矛盾纠纷",
				from + " 至 " + to);
		assertThat(text).as("the summary's figures").containsPattern("受理量\\s+" + received + "\\b");
		assertThat(text).containsPattern("登记案件\\s+" + conflicts + "\\b");
		run("pdftoppm", "-png", "-r", "50", file.toString(), OUT.resolve("report-" + id).toString());
		assertThat(Files.list(OUT).filter((p) -> p.getFileName().toString().startsWith("report-" + id + "-")))
			.as("pages rendered for a person to look at")
			.hasSizeGreaterThanOrEqualTo(5);

		byte[] xlsx = this.callers.perform(bearer(get("/api/v1/reports/{id}.xlsx", id), this.admin))
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).anySatisfy((row) -> {
				assertThat(row.getCellText(1)).isEqualTo("受理量");
				assertThat(row.getCellText(2)).isEqualTo(Long.toString(received));
			});
		}

		String list = content(this.callers.perform(bearer(get("/api/v1/reports?size=200"), this.admin)));
		assertThat((List<Integer>) JsonPath.read(list, "$.items[*].id")).contains((int) id);
	}

	@Test
	void theMonthlyReportIsMadeOnceFromTheFirstWorkingDayOn() {
		// 2026-03-01 is a Sunday: the first working day of March is the 2nd
		assertThat(this.reports.monthly(RegistryFixtures.COMMUNITY, LocalDate.of(2026, 3, 1))).isEmpty();
		Optional<Reports.Report> february = this.reports.monthly(RegistryFixtures.COMMUNITY, LocalDate.of(2026, 3, 2));
		assertThat(february).hasValueSatisfying((report) -> {
			assertThat(report.kind()).isEqualTo(Reports.Kind.MONTHLY);
			assertThat(report.from()).isEqualTo(LocalDate.of(2026, 2, 1));
			assertThat(report.to()).isEqualTo(LocalDate.of(2026, 2, 28));
		});
		assertThat(this.reports.monthly(RegistryFixtures.COMMUNITY, LocalDate.of(2026, 3, 3)))
			.as("a later run, or another node, finds it made")
			.isEmpty();
	}

	@Test
	void aServerWithoutTheFontSaysWhatToInstall() {
		assertThatThrownBy(() -> new CjkFont("/no/such/font.ttc").pdf()).isInstanceOf(CjkFont.MissingFont.class)
			.hasMessageContaining("fonts-wqy-microhei");
	}

	@Test
	void reportsAreTheLeadersAndABadSpanIsRefused() {
		RegistryFixtures fixtures = new RegistryFixtures(this.places, this.people, this.users);
		RegistryFixtures.Street street = fixtures.street();
		String gridWorker = this.callers.firstLogin(
				fixtures.user(Role.GRID_WORKER, Set.of(street.grid().id()), null, null),
				RegistryFixtures.FIRST_PASSWORD);
		assertThat(this.callers.perform(bearer(get("/api/v1/reports"), gridWorker)).getStatus()).isEqualTo(403);
		assertThat(this.callers.perform(bearer(post("/api/v1/reports"), gridWorker)).getStatus()).isEqualTo(403);

		MockHttpServletResponse bad = this.callers
			.perform(bearer(post("/api/v1/reports"), this.admin).contentType(MediaType.APPLICATION_JSON)
				.content(this.callers.body(Map.of("from", "2026-11-30", "to", "2026-11-01"))));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(content(bad), "$.errors[0].field")).isEqualTo("from");
		assertThat(
				this.callers.perform(bearer(get("/api/v1/reports/{id}.pdf", Long.MAX_VALUE), this.admin)).getStatus())
			.isEqualTo(404);
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
		return new String(output, StandardCharsets.UTF_8);
	}

}
