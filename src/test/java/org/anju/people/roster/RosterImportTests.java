package org.anju.people.roster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.anju.people.roster.RosterFixtures.HEADERS;
import static org.anju.people.roster.RosterFixtures.as;
import static org.anju.people.roster.RosterFixtures.idNumber;
import static org.anju.people.roster.RosterFixtures.person;
import static org.anju.people.roster.RosterFixtures.unique;
import static org.anju.people.roster.RosterFixtures.xlsx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roster import and export over HTTP, on the shared database, with rosters made for
 * each test.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RosterImportTests {

	private static final CurrentUser ADMIN = RosterFixtures.admin();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry metrics;

	@Test
	void newPeopleComeInWithTheirPlacesAndNumericCellsReadAsDigits() throws Exception {
		String area = unique("片区");
		String id = idNumber();
		String other = idNumber();
		byte[] file = xlsx(HEADERS, List.of(person("张三", id, 13800138000L, "退休、协解", area, "一网格", "3栋", "2单元", 301),
				person("李四", " " + other.toLowerCase() + " ", "", "", "", "", "", "", "")));
		upload(file, false, ADMIN).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.createdPlaces[*].kind", contains("AREA", "GRID", "BUILDING", "UNIT", "ROOM")))
			.andExpect(jsonPath("$.createdPlaces[4].name").value("301"));
		assertThat(this.jdbc
			.sql("select phone || ' ' || address || ' ' || gender || ' ' || birth_date"
					+ " from person where community_id = 1 and id_number = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("13800138000 " + area + " 一网格 3栋 2单元 301 " + gender(id) + " " + birth(id));
		assertThat(this.jdbc
			.sql("select count(*) from person_group g join person p on p.id = g.person_id where p.id_number = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select room_id is null from person where community_id = 1 and id_number = :id")
			.param("id", other)
			.query(Boolean.class)
			.single()).as("a row without places is a person without a room").isTrue();
	}

	@Test
	void aChangedRowUpdatesThePersonWithHistoryAndTheRestStayUnchanged() throws Exception {
		String area = unique("片区");
		String moved = idNumber();
		String same = idNumber();
		registerTwo(area, moved, same, "");
		upload(xlsx(HEADERS,
				List.of(person("王五", moved, "13911112222", "退休", area, "一网格", "2栋", "", "201"),
						person("赵六", same, "", "", area, "一网格", "1栋", "", "102"))),
				false, ADMIN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(1));
		assertThat(this.jdbc.sql("""
				select h.kind || ':' || h.changes::text from person_history h join person p on p.id = h.person_id
				where p.id_number = :id order by h.id
				""").param("id", moved).query(String.class).list()).satisfiesExactly(
				(imported) -> assertThat(imported).startsWith("IMPORTED:"),
				(move) -> assertThat(move).startsWith("MOVED:").contains("2栋 201"),
				(edit) -> assertThat(edit).startsWith("EDITED:")
					.contains("139****2222")
					.contains("138****8000")
					.doesNotContain("13911112222"));
		assertThat(this.jdbc.sql("select version from person where id_number = :id")
			.param("id", moved)
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc
			.sql("select count(*) from audit_event where action = 'ROSTER_IMPORTED'"
					+ " and detail ->> 'updated' = '1' and detail ->> 'unchanged' = '1'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void anIdNumberTwiceInOneFileIsAnErrorOnBothRowsAndNothingIsWritten() throws Exception {
		String area = unique("片区");
		String id = idNumber();
		byte[] file = xlsx(HEADERS,
				List.of(person("甲", idNumber(), "", "", area, "网格", "1栋", "", "1"),
						person("乙", id, "", "", area, "网格", "1栋", "", "2"),
						person("丙", id, "", "", area, "网格", "1栋", "", "3")));
		upload(file, false, ADMIN).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row", contains(3, 4)))
			.andExpect(jsonPath("$.errors[*].column", contains("身份证号", "身份证号")))
			.andExpect(jsonPath("$.errors[0].value", containsString("********")))
			.andExpect(jsonPath("$.errors[0].message", containsString("第 4 行")));
		assertThat(this.jdbc.sql("select count(*) from place where name = :area")
			.param("area", area)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aProblemFoundAfterEarlierBatchesWereWrittenStillLeavesNothingWritten() throws Exception {
		String area = unique("片区");
		String doubled = idNumber();
		int last = RosterReader.BATCH + 5;
		List<List<?>> rows = new ArrayList<>();
		for (int i = 0; i < last; i++) {
			String id = (i == 5 || i == last - 1) ? doubled : idNumber();
			rows.add(person("批" + i, id, "", "退休", area, "一网格", (i % 7) + "栋", "", String.valueOf(i % 40)));
		}
		byte[] file = xlsx(HEADERS, rows);
		upload(file, false, ADMIN).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].row", contains(7, last + 1)))
			.andExpect(jsonPath("$.total").value(last))
			.andExpect(jsonPath("$.created").value(last - 2));
		assertThat(this.jdbc.sql("select count(*) from place where name = :area")
			.param("area", area)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from person where address like :area || ' %'")
			.param("area", area)
			.query(Long.class)
			.single()).isZero();
		rows.remove(last - 1);
		upload(xlsx(HEADERS, rows), false, ADMIN).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(last - 1));
		assertThat(this.jdbc.sql("""
				select count(distinct p.id) || ' ' || count(g.*) || ' ' || count(distinct h.id)
				from person p join person_group g on g.person_id = p.id join person_history h on h.person_id = p.id
				where p.address like :area || ' %'
				""").param("area", area).query(String.class).single())
			.isEqualTo((last - 1) + " " + (last - 1) + " " + (last - 1));
	}

	@Test
	void changesInLaterBatchesAreFiledWhileTheNextBatchIsStaged() throws Exception {
		String area = unique("片区");
		String moved = idNumber();
		String same = idNumber();
		registerTwo(area, moved, same, "退休");
		int total = 2 * RosterReader.BATCH + 3;
		List<List<?>> rows = new ArrayList<>();
		for (int i = 0; i < total; i++) {
			if (i == RosterReader.BATCH + 1) {
				// in the second batch: a person the registry knows, moved and with a new
				// phone
				rows.add(person("王五", moved, "13911112222", "在岗职工", area, "一网格", "2栋", "", "201"));
			}
			else if (i == total - 1) {
				// in the third batch: a person the registry knows, as they are
				rows.add(person("赵六", same, "", "退休", area, "一网格", "1栋", "", "102"));
			}
			else {
				rows.add(person("批" + i, idNumber(), "", "退休", area, "二网格", (i % 7) + "栋", "", String.valueOf(i % 40)));
			}
		}
		upload(xlsx(HEADERS, rows), false, ADMIN).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(total - 2))
			.andExpect(jsonPath("$.updated").value(1))
			.andExpect(jsonPath("$.unchanged").value(1));
		assertThat(this.jdbc.sql("""
				select count(distinct p.id) || ' ' || count(distinct g.person_id) || ' ' || count(distinct h.id)
				from person p join person_group g on g.person_id = p.id and g.group_code = 'RETIRED'
				join person_history h on h.person_id = p.id and h.kind = 'IMPORTED'
				where p.address like :area || ' 二网格 %'
				""").param("area", area).query(String.class).single())
			.isEqualTo((total - 2) + " " + (total - 2) + " " + (total - 2));
		assertThat(this.jdbc.sql("""
				select p.phone || ' ' || p.version || ' ' || string_agg(distinct g.group_code, ',') || ' '
				       || (select string_agg(h.kind, ',' order by h.id) from person_history h where h.person_id = p.id)
				from person p join person_group g on g.person_id = p.id
				where p.id_number = :id group by p.community_id, p.id
				""").param("id", moved).query(String.class).single())
			.isEqualTo("13911112222 1 ACTIVE_EMPLOYEE IMPORTED,MOVED,EDITED");
	}

	/**
	 * Registers 王五, who will move, and 赵六, who will stay as they are, by an import.
	 */
	private void registerTwo(String area, String moved, String same, String sameGroups) throws Exception {
		upload(xlsx(HEADERS,
				List.of(person("王五", moved, "13800138000", "退休", area, "一网格", "1栋", "", "101"),
						person("赵六", same, "", sameGroups, area, "一网格", "1栋", "", "102"))),
				false, ADMIN)
			.andExpect(status().isOk());
	}

	@Test
	void eachBadCellIsReportedWithItsRowColumnAndValue() throws Exception {
		String area = unique("片区");
		String id = idNumber();
		String badCheck = id.substring(0, 17) + ((id.charAt(17) == '1') ? '2' : '1');
		byte[] file = xlsx(HEADERS,
				List.of(person("", idNumber(), "", "", "", "", "", "", ""),
						person("甲", badCheck, "", "", "", "", "", "", ""),
						person("乙", idNumber(), "12345", "", "", "", "", "", ""),
						person("丙", idNumber(), "", "退休、临时工", "", "", "", "", ""),
						person("丁", idNumber(), "", "", area, "网格", "", "", "301")));
		upload(file, true, ADMIN).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.errors[*].row", contains(2, 3, 4, 5, 6)))
			.andExpect(jsonPath("$.errors[*].column", contains("姓名", "身份证号", "手机号", "人员类别", "楼栋")))
			.andExpect(jsonPath("$.errors[3].value").value("临时工"))
			.andExpect(jsonPath("$.errors[4].message", containsString("楼栋")));
		upload(file, true, ADMIN, "en").andExpect(jsonPath("$.errors[1].message").value(containsString("check")));
	}

	@Test
	void anUnknownColumnIsIgnoredWithAWarningAndColumnsMayComeInAnyOrder() throws Exception {
		String id = idNumber();
		upload(xlsx(List.of("血型", "身份证号", "姓名"), List.of(List.of("A", id, "钱七"))), true, ADMIN)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1))
			.andExpect(jsonPath("$.errors", empty()))
			.andExpect(jsonPath("$.warnings[0].row").value(1))
			.andExpect(jsonPath("$.warnings[0].column").value("血型"));
	}

	@Test
	void aMissingRequiredColumnIsAProblemOfTheWholeFile() throws Exception {
		upload(xlsx(List.of("姓名", "手机号"), List.of(List.of("张三", "13800138000"))), true, ADMIN)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].message", containsString("身份证号")))
			.andExpect(jsonPath("$.total").doesNotExist());
	}

	@Test
	void anEmptySheetIsAClearProblem() throws Exception {
		upload(xlsx(List.of(), List.of()), true, ADMIN).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message", containsString("空")));
		upload(xlsx(HEADERS, List.of()), true, ADMIN).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message", containsString("没有人员")));
	}

	@Test
	void aFileThatIsNotAnXlsxIsRefusedWhateverItsName() throws Exception {
		upload("姓名,身份证号\n".getBytes(), false, ADMIN).andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void aWorkbookWithMacrosIsRefused() throws Exception {
		byte[] plain = xlsx(HEADERS, List.of(person("张三", idNumber(), "", "", "", "", "", "", "")));
		upload(withEntry(plain, "xl/vbaProject.bin", new byte[] { 0x0d, 0x0e }), false, ADMIN)
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.detail", containsString("宏")));
	}

	@Test
	void aFileOverTwentyMegabytesIsTooLarge() throws Exception {
		upload(new byte[21 * 1024 * 1024], false, ADMIN).andExpect(status().isContentTooLarge());
	}

	@Test
	void onlyAnAdministratorMayImport() throws Exception {
		CurrentUser leader = new CurrentUser(1, 999_002, "leader-test", "领导", Role.LEADER, java.util.Set.of(), null,
				null, false);
		upload(xlsx(HEADERS, List.of()), true, leader).andExpect(status().isForbidden());
	}

	@Test
	void theTemplateHasTheHeadersAndASheetThatListsTheGroups() throws Exception {
		byte[] template = this.mvc.perform(get("/api/v1/residents/import-template").with(authentication(as(ADMIN))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template))) {
			Row header = workbook.getFirstSheet().read().get(0);
			List<String> headers = new ArrayList<>();
			header.forEach((cell) -> headers.add(cell.getText()));
			assertThat(headers).isEqualTo(HEADERS);
			List<String> help = new ArrayList<>();
			workbook.getSheet(1).orElseThrow().read().forEach((row) -> help.add(row.getCellText(0)));
			assertThat(help).contains("退休", "家属/居民", "身份证号");
		}
	}

	@Test
	void anExportIsMaskedGuardedAgainstFormulasScopedAndAudited() throws Exception {
		String area = unique("片区");
		List<Object> first = person("孙一", idNumber(), "13800138000", "退休", area, "东网格", "1栋", "", "101");
		first.set(10, "=HYPERLINK(\"http://x\")");
		upload(xlsx(HEADERS,
				List.of(first, person("孙二", idNumber(), "", "", area, "东网格", "1栋", "", "102"),
						person("孙三", idNumber(), "", "", area, "西网格", "9栋", "", "901"))),
				false, ADMIN)
			.andExpect(status().isOk());
		long areaId = placeId(area, null);
		long east = placeId("东网格", areaId);

		List<List<String>> all = export(ADMIN, areaId);
		assertThat(all).hasSize(4);
		List<String> sun = all.stream().filter((row) -> row.get(0).equals("孙一")).findFirst().orElseThrow();
		assertThat(sun.get(1)).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
		assertThat(sun.get(2)).isEqualTo("138****8000");
		assertThat(sun.get(9)).isEqualTo("'=HYPERLINK(\"http://x\")");

		List<List<String>> scoped = export(RosterFixtures.gridWorker(east), areaId);
		assertThat(scoped).hasSize(3).extracting((row) -> row.get(0)).containsExactlyInAnyOrder("姓名", "孙一", "孙二");
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'PEOPLE_EXPORTED'"
				+ " and actor = 'grid-worker-test' and detail ->> 'rows' = '2' and detail -> 'filter' ->> 'areaId' = :area")
			.param("area", String.valueOf(areaId))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void theConsolePreviewsAFileAndCommitsItWithoutAnotherUpload() throws Exception {
		String id = idNumber();
		byte[] file = xlsx(HEADERS, List.of(person("周八", id, "", "退休", "", "", "", "", "")));
		jakarta.servlet.http.Cookie session = this.mvc
			.perform(multipart("/people/import/preview").file(new MockMultipartFile("file", "周八.xlsx", null, file))
				.with(csrf())
				.with(authentication(as(ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"count-created\">1<")))
			.andExpect(content().string(containsString("id=\"commit\"")))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the upload waits in the session").isNotNull();
		assertThat(count(id)).as("a preview writes nothing").isZero();
		this.mvc.perform(post("/people/import/commit").cookie(session).with(csrf()).with(authentication(as(ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("导入完成")));
		assertThat(count(id)).isOne();
	}

	private long count(String idNumber) {
		return this.jdbc.sql("select count(*) from person where id_number = :id")
			.param("id", idNumber)
			.query(Long.class)
			.single();
	}

	private List<List<String>> export(CurrentUser user, long areaId) throws Exception {
		byte[] bytes = this.mvc
			.perform(get("/api/v1/residents/export").param("areaId", String.valueOf(areaId))
				.with(authentication(as(user))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			for (Row row : workbook.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < 10; c++) {
					cells.add(row.getCellText(c));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	private long placeId(String name, Long parentId) {
		return this.jdbc
			.sql("select id from place where community_id = 1 and name = :name"
					+ " and parent_id is not distinct from cast(:parent as bigint)")
			.param("name", name)
			.param("parent", parentId)
			.query(Long.class)
			.single();
	}

	@Test
	void anImportIsTimedByItsOutcomeAndADryRunIsNot() throws Exception {
		long committed = imports("COMMITTED");
		long rejected = imports("REJECTED");
		String area = unique("片区");
		byte[] good = xlsx(HEADERS, List.of(person("计时", idNumber(), "", "", area, "一网格", "1栋", "", "101")));
		upload(good, true, ADMIN).andExpect(status().isOk());
		upload(good, false, ADMIN).andExpect(status().isOk());
		upload(xlsx(HEADERS, List.of(person("计时", "110101190001011234", "", "", area, "一网格", "1栋", "", "102"))), false,
				ADMIN)
			.andExpect(status().isUnprocessableContent());
		assertThat(imports("COMMITTED")).isEqualTo(committed + 1);
		assertThat(imports("REJECTED")).isEqualTo(rejected + 1);
	}

	@Test
	void theUserSeesEachImportsOutcomeAndAnImportCutOffByACrashAsInterrupted() throws Exception {
		String file = unique("花名册") + ".xlsx";
		byte[] good = xlsx(HEADERS, List.of(person("状态", idNumber(), "", "", unique("片区"), "一网格", "1栋", "", "101")));
		this.mvc
			.perform(multipart("/api/v1/residents/imports")
				.file(new MockMultipartFile("file", file, "application/octet-stream", good))
				.param("dryRun", "false")
				.with(authentication(as(ADMIN))))
			.andExpect(status().isOk());
		// what a kill -9 in the middle of an import leaves: a job that never finished,
		// whose transaction (and lock) died with the process
		String crashed = unique("断电") + ".xlsx";
		this.jdbc
			.sql("insert into import_job (community_id, kind, file_name, started_by) values (1, 'ROSTER', :f, 'admin')")
			.param("f", crashed)
			.update();

		this.mvc.perform(get("/api/v1/residents/imports").with(authentication(as(ADMIN))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].fileName").value(crashed))
			.andExpect(jsonPath("$[0].state").value("INTERRUPTED"))
			.andExpect(jsonPath("$[0].finishedAt").doesNotExist())
			.andExpect(jsonPath("$[1].fileName").value(file))
			.andExpect(jsonPath("$[1].state").value("COMMITTED"))
			.andExpect(jsonPath("$[1].summary.created").value(1));
		this.mvc.perform(get("/api/v1/residents/imports").with(authentication(as(RosterFixtures.gridWorker(1)))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/people/import").with(authentication(as(ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(crashed)))
			.andExpect(content().string(containsString("导入中断（系统停止），未写入任何数据，请重新上传")));
	}

	private long imports(String outcome) {
		Timer timer = this.metrics.find("anju.roster.import").tag("outcome", outcome).timer();
		return (timer != null) ? timer.count() : 0;
	}

	private ResultActions upload(byte[] bytes, boolean dryRun, CurrentUser user) throws Exception {
		return upload(bytes, dryRun, user, "zh-CN");
	}

	private ResultActions upload(byte[] bytes, boolean dryRun, CurrentUser user, String language) throws Exception {
		return this.mvc.perform(multipart("/api/v1/residents/imports")
			.file(new MockMultipartFile("file", "roster.xlsx", "application/octet-stream", bytes))
			.param("dryRun", String.valueOf(dryRun))
			.header("Accept-Language", language)
			.with(authentication(as(user))));
	}

	private static byte[] withEntry(byte[] xlsx, String name, byte[] content) throws IOException {
		Path plain = Files.createTempFile("plain", ".xlsx");
		Files.write(plain, xlsx);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipFile in = new ZipFile(plain.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry : java.util.Collections.list(in.entries())) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				try (InputStream part = in.getInputStream(entry)) {
					part.transferTo(zip);
				}
			}
			zip.putNextEntry(new ZipEntry(name));
			zip.write(content);
		}
		finally {
			Files.delete(plain);
		}
		return out.toByteArray();
	}

	private static String gender(String id) {
		return ((id.charAt(16) - '0') % 2 == 1) ? "MALE" : "FEMALE";
	}

	private static String birth(String id) {
		return id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
	}

}
