package org.anju.letters;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealView;
import org.anju.console.ConsoleFixtures;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.letters.LetterFixtures.Area;
import org.anju.shared.Territory;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The letters' console pages, and the period's close with its reports: the head signs on
 * the letter's page, the scoreboard links to the letter, the letter's assessment links to
 * the appeal that vetoes it; a closed period's score stays frozen and its xlsx and PDF
 * say the same.
 */
@AnjuSpringTest
class LetterConsoleTests {

	static final Path OUT = Path.of("target", "reports");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	LetterFixtures fixtures;

	RegistryFixtures registry;

	int year;

	@BeforeEach
	void anAdministrator() {
		this.fixtures = LetterFixtures.from(this.context);
		this.registry = this.fixtures.registry;
		this.year = LocalDate.now(Territory.ZONE).getYear();
	}

	@Test
	void theHeadSignsOnTheLettersPageAndTheScoreboardDrillsDownToTheVetoingAppeal() throws Exception {
		Area area = this.fixtures.area();
		long letter = this.fixtures.letter(area, this.year);
		AppealView collective = this.fixtures.appeal(area.street(), 9, false);
		CurrentUser head = ConsoleFixtures.user(this.users.get(RegistryFixtures.COMMUNITY, area.head().id()));

		String page = page(get("/letters/{id}", letter), head);
		assertThat(page).contains("签订第 1 版", "一票否决：有否决项未达标，考核总分为 0。", "所计分的版本尚未签订。");
		assertThat(page).contains("href=\"/appeals/" + collective.id() + "\"");
		MockHttpServletResponse signed = this.mvc
			.perform(post("/letters/{id}/sign", letter).param("number", "1")
				.with(authentication(ConsoleFixtures.signedIn(head)))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(signed.getRedirectedUrl()).isEqualTo("/letters/" + letter + "?signed=1");
		String after = page(get("/letters/{id}", letter), head);
		assertThat(after).doesNotContain("签订第 1 版").contains(area.head().displayName());

		String board = page(get("/letters/scoreboard").param("year", String.valueOf(this.year)), head);
		assertThat(board).contains("href=\"/letters/" + letter + "#score\"", "一票否决");
		String list = page(get("/letters").param("year", String.valueOf(this.year)), head);
		assertThat(list).contains("href=\"/letters/" + letter + "\"", "已签订");
		String english = page(get("/letters/{id}", letter).param("lang", "en"), head);
		assertThat(english).contains("One-vote veto: a veto target was missed, so the total is 0.",
				"Collective incidents (collective appeals)");
	}

	@Test
	void aWorkerWithoutThePostDoesNotSeeTheLetter() throws Exception {
		Area area = this.fixtures.area();
		long letter = this.fixtures.letter(area, this.year);
		UserAccount opened = this.registry.user(Role.GRID_WORKER, Set.of(area.street().grid().id()), null, null);
		this.fixtures.callers.firstLogin(opened, RegistryFixtures.FIRST_PASSWORD);
		CurrentUser stranger = ConsoleFixtures.user(this.users.get(RegistryFixtures.COMMUNITY, opened.id()));
		assertThat(
				this.mvc.perform(get("/letters/{id}", letter).with(authentication(ConsoleFixtures.signedIn(stranger))))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(404);
		assertThat(page(get("/letters/scoreboard").param("year", String.valueOf(this.year)), stranger))
			.doesNotContain("/letters/" + letter + "#score");
	}

	@Test
	void closingThePeriodFreezesTheScoreAndItsReportsSayTheSame() throws Exception {
		Area area = this.fixtures.area();
		long current = this.fixtures.letter(area, this.year);
		long past = this.fixtures.letter(area, this.year - 1);
		assertThat(this.fixtures.sign(current, 1, area.headToken()).getStatus()).isEqualTo(200);
		MockHttpServletResponse early = this.fixtures
			.call(post("/api/v1/letters/{id}/close", current).header("If-Match", "1"), this.fixtures.admin);
		assertThat(early.getStatus()).as("the period runs on").isEqualTo(409);
		MockHttpServletResponse unsigned = this.fixtures
			.call(post("/api/v1/letters/{id}/close", past).header("If-Match", "0"), this.fixtures.admin);
		assertThat(unsigned.getStatus()).as("never signed").isEqualTo(409);
		MockHttpServletResponse signed = this.fixtures.sign(past, 1, area.headToken());
		assertThat(signed.getStatus()).isEqualTo(200);

		MockHttpServletResponse closed = this.fixtures.call(
				post("/api/v1/letters/{id}/close", past).header("If-Match", signed.getHeader("ETag")),
				this.fixtures.admin);
		assertThat(closed.getStatus()).as(content(closed)).isEqualTo(200);
		assertThat((Boolean) JsonPath.read(content(closed), "$.frozen")).isTrue();
		// last year's letter over a new area with no appeals that year: the veto (10),
		// the escalation (20) and
		// the on-time rate with nothing to count (30) are met; the callback bonus has no
		// callback to earn it by
		assertThat(((Number) JsonPath.read(content(closed), "$.total")).doubleValue()).isEqualTo(60.0);
		String frozen = content(this.fixtures.call(get("/api/v1/letters/{id}/score", past), area.headToken()));
		assertThat((Boolean) JsonPath.read(frozen, "$.frozen")).isTrue();
		assertThat((String) JsonPath.read(frozen, "$.computedAt"))
			.isEqualTo(JsonPath.read(content(closed), "$.computedAt"));
		assertThat(this.fixtures.sign(past, 1, area.headToken()).getStatus()).isEqualTo(409);
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where community_id = 1 and subject_type = 'LETTER' "
					+ "and subject_id = :id and action = 'LETTER_CLOSED'")
			.param("id", String.valueOf(past))
			.query(Long.class)
			.single()).isEqualTo(1);

		CurrentUser head = ConsoleFixtures.user(this.users.get(RegistryFixtures.COMMUNITY, area.head().id()));
		byte[] xlsx = this.mvc
			.perform(get("/letters/{id}/assessment.xlsx", past).with(authentication(ConsoleFixtures.signedIn(head))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).anySatisfy((row) -> {
				assertThat(row.getCellText(0)).isEqualTo("得分");
				assertThat(row.getCellText(1)).isEqualTo("总分 60 / 60");
			});
			assertThat(rows).anySatisfy((row) -> {
				assertThat(row.getCellText(0)).isEqualTo("群体性事件（集体访）件数");
				assertThat(row.getCellText(1)).isEqualTo("一票否决");
				assertThat(row.getCellText(4)).isEqualTo("是");
			});
		}
		byte[] pdf = this.mvc
			.perform(get("/letters/{id}/assessment.pdf", past).with(authentication(ConsoleFixtures.signedIn(head))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		Files.createDirectories(OUT);
		Path file = OUT.resolve("letter-" + past + ".pdf");
		Files.write(file, pdf);
		String text = run("pdftotext", "-layout", file.toString(), "-");
		assertThat(text).contains("责任状考核报告", "总分 60 / 60", "诉求按时办结率", "已于");
	}

	private String page(MockHttpServletRequestBuilder request, CurrentUser user) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(request.with(authentication(ConsoleFixtures.signedIn(user))))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
		return new String(output, StandardCharsets.UTF_8);
	}

}
