package org.anju.appeals.ledger;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.anju.platform.XlsxStream;
import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.RoutingRules;
import org.anju.identity.ApiCallers;
import org.anju.people.InterestGroups;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.anju.shared.IdNumberFixtures;
import org.anju.shared.Phone;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.anju.identity.ApiCallers.bearer;
import static org.anju.identity.ApiCallers.content;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Ledgers (台账) in Excel: the export of a filtered list, masked, guarded and audited; the
 * statistics as a workbook; and the import of historical ledgers with the roster's rules.
 */
@AnjuSpringTest
class LedgerTests {

	static final List<String> HEADERS = List.of("编号", "受理时间", "渠道", "类别", "身份证号", "姓名", "电话", "标题", "内容", "部门", "状态",
			"办结时间", "答复", "满意度");

	@Autowired
	AppealManagement appeals;

	@Autowired
	AppealCategories categories;

	@Autowired
	RoutingRules rules;

	@Autowired
	PlaceManagement places;

	@Autowired
	PersonManagement people;

	@Autowired
	InterestGroups groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	LedgerFixtures fixtures;

	ApiCallers callers;

	String admin;

	@BeforeEach
	void signIn() {
		this.fixtures = new LedgerFixtures(this.appeals, this.categories, this.rules, this.places, this.people,
				this.groups, this.jdbc, this.mvc, this.json);
		this.callers = this.fixtures.callers();
		this.admin = this.callers.adminToken();
	}

	@Test
	void theLedgerOfAFilteredListIsMaskedGuardedAndAudited() throws Exception {
		LedgerFixtures.FiveAppeals five = this.fixtures.fiveAppeals(LedgerFixtures.unusedDay());
		long auditsBefore = audits("APPEALS_EXPORTED");

		MockHttpServletResponse answer = this.callers
			.perform(bearer(get("/api/v1/appeals/ledger"), this.admin).param("categoryCode", five.category().code())
				.header("Accept-Language", "zh-CN"));

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat(answer.getContentType()).startsWith(XlsxStream.MEDIA_TYPE);
		List<List<String>> rows = rows(answer.getContentAsByteArray());
		assertThat(rows).hasSize(6);
		assertThat(rows.get(0)).startsWith("编号", "受理时间", "渠道", "类别", "诉求人");
		List<String> caller = rows.stream().filter((row) -> row.get(5).contains("HYPERLINK")).findFirst().orElseThrow();
		assertThat(caller.get(5)).isEqualTo("'" + LedgerFixtures.FORMULA_TITLE);
		assertThat(caller.get(4)).isEqualTo("路过的 (" + Phone.mask(five.callerPhone()) + ")")
			.doesNotContain(five.callerPhone());
		assertThat(caller.get(3)).isEqualTo(five.category().nameZh());
		assertThat(caller.get(8)).isEqualTo("已办结");
		String all = rows.toString();
		assertThat(all).doesNotContain(five.callerPhone());
		assertThat(audits("APPEALS_EXPORTED")).isEqualTo(auditsBefore + 1);
		String detail = this.jdbc
			.sql("select detail::text from audit_event where community_id = 1 and action = 'APPEALS_EXPORTED'"
					+ " order by id desc limit 1")
			.query(String.class)
			.single();
		assertThat((Integer) JsonPath.read(detail, "$.rows")).isEqualTo(5);
		assertThat((String) JsonPath.read(detail, "$.filter.categoryCode")).isEqualTo(five.category().code());

		MockHttpServletResponse stats = this.callers
			.perform(bearer(get("/api/v1/appeals/stats.xlsx"), this.admin).param("from", "2001-01-01")
				.param("to", "2001-12-31")
				.param("by", "grid"));
		assertThat(stats.getStatus()).isEqualTo(200);
		assertThat(rows(stats.getContentAsByteArray()).get(1)).contains("受理量", "按期办结率");
	}

	@Test
	void aGoodLedgerIsImportedWithItsNumbersAndTimesAndNoTexts() throws Exception {
		AppealCategory category = this.fixtures.category();
		String idNumber = IdNumberFixtures.newIdNumber();
		this.fixtures.person(this.fixtures.street(), List.of(), idNumber);
		String number = RegistryFixtures.unique("HIST");
		long auditsBefore = audits("APPEALS_IMPORTED");
		byte[] file = LedgerFixtures.xlsx(HEADERS,
				List.of(rowOf(number, "2024-03-05 10:00", "来电", category.nameZh(), idNumber, "", "", "楼道灯坏了", "三楼楼道灯坏了",
						"物业", "已归档", "2024-03-06 16:00", "已更换灯泡", "满意"),
						rowOf("", "2024/3/7", "来访", category.code(), "", "王大爷", RegistryFixtures.mobile(), "", "门口积水",
								"", "已办结", "2024-03-20", "已疏通", "")));

		MockHttpServletResponse dry = importLedger(file, true);
		assertThat(dry.getStatus()).as(content(dry)).isEqualTo(200);
		assertThat((Integer) JsonPath.read(content(dry), "$.imported")).as(content(dry)).isEqualTo(2);
		assertThat(count("select count(*) from appeal where community_id = 1 and number = '" + number + "'"))
			.as("a dry run writes nothing")
			.isZero();

		MockHttpServletResponse done = importLedger(file, false);
		assertThat(done.getStatus()).as(content(done)).isEqualTo(200);
		var imported = this.jdbc
			.sql("select id, state, received_at, resolved_on_time, satisfaction, department_code from appeal"
					+ " where community_id = 1 and number = :n")
			.param("n", number)
			.query((rs, i) -> List.of(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4),
					rs.getString(5), rs.getString(6)))
			.single();
		assertThat(imported.get(1)).isEqualTo("CLOSED");
		assertThat(imported.get(2)).isEqualTo(Instant.parse("2024-03-05T02:00:00Z"));
		assertThat(imported.get(3)).isEqualTo(true);
		assertThat(imported.get(4)).isEqualTo("SATISFIED");
		assertThat(imported.get(5)).isEqualTo("PROPERTY");
		long id = (Long) imported.get(0);
		assertThat(this.jdbc.sql("select action from appeal_timeline where community_id = 1 and appeal_id = :id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("imported");
		assertThat(count("select count(*) from sms_outbox where community_id = 1 and related_type = 'APPEAL'"
				+ " and related_id like '" + id + "#%'"))
			.isZero();
		assertThat(count("select count(*) from appeal where community_id = 1 and title = '门口积水'"
				+ " and caller_name = '王大爷' and state = 'RESOLVED' and resolved_on_time = false"))
			.as("the caller's appeal, resolved after its five working days")
			.isGreaterThanOrEqualTo(1);
		assertThat(audits("APPEALS_IMPORTED")).isEqualTo(auditsBefore + 1);

		MockHttpServletResponse again = importLedger(file, false);
		assertThat(again.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(content(again), "$.errors[0].message")).contains(number);
	}

	@Test
	void badRowsAreListedWithTheirExcelRowNumbersAndNothingIsWritten() throws Exception {
		AppealCategory category = this.fixtures.category();
		String good = RegistryFixtures.unique("HIST");
		byte[] file = LedgerFixtures.xlsx(HEADERS, List.of(
				rowOf(good, "2024-04-01", "", category.code(), "", "李四", "", "噪音", "", "", "已归档", "2024-04-02", "", ""),
				rowOf("", "下周一", "", category.code(), "", "李四", "", "噪音", "", "", "", "2024-04-02", "", ""),
				rowOf("", "2024-04-01", "", "没有这个类别", "", "李四", "", "噪音", "", "", "", "2024-04-02", "", ""),
				rowOf(good, "2024-04-01", "", category.code(), "", "李四", "", "噪音", "", "", "", "2024-04-02", "", ""),
				rowOf("", "2024-04-01", "", category.code(), "", "张三", "", "噪音", "", "", "办理中", "2024-04-02", "",
						"很满意"),
				rowOf("", "2024-04-01", "", category.code(), "", "", "", "噪音", "", "", "", "2024-04-02", "", "")));

		MockHttpServletResponse answer = importLedger(file, false);

		assertThat(answer.getStatus()).as(content(answer)).isEqualTo(422);
		String body = content(answer);
		List<Integer> rows = JsonPath.read(body, "$.errors[*].row");
		assertThat(rows).containsOnly(3, 4, 5, 6, 7).contains(3, 4, 5, 6, 7);
		assertThat((List<String>) JsonPath.read(body, "$.errors[?(@.row == 3)].column")).contains("受理时间");
		assertThat((List<String>) JsonPath.read(body, "$.errors[?(@.row == 4)].column")).contains("类别");
		assertThat((List<String>) JsonPath.read(body, "$.errors[?(@.row == 5)].column")).containsExactly("编号");
		assertThat((List<String>) JsonPath.read(body, "$.errors[?(@.row == 6)].column")).contains("满意度");
		assertThat((List<String>) JsonPath.read(body, "$.errors[?(@.row == 7)].column")).containsExactly("身份证号");
		assertThat(count("select count(*) from appeal where community_id = 1 and number = '" + good + "'")).isZero();
	}

	@Test
	void aNumberAlreadyTakenIsAnError() throws Exception {
		AppealCategory category = this.fixtures.category();
		String taken = this.jdbc.sql("select number from appeal where community_id = 1 limit 1")
			.query(String.class)
			.optional()
			.orElseGet(() -> this.fixtures.fiveAppeals(LocalDate.of(2000, 6, 1)).firstNumber());
		byte[] file = LedgerFixtures.xlsx(HEADERS, List.of(rowOf(taken, "2024-04-01", "", category.code(), "", "李四", "",
				"噪音", "", "", "已归档", "2024-04-02", "", "")));

		MockHttpServletResponse answer = importLedger(file, true);

		assertThat(answer.getStatus()).isEqualTo(200);
		assertThat((Integer) JsonPath.read(content(answer), "$.errors[0].row")).isEqualTo(2);
		assertThat((String) JsonPath.read(content(answer), "$.errors[0].column")).isEqualTo("编号");
		assertThat((Integer) JsonPath.read(content(answer), "$.imported")).isZero();
	}

	@Test
	void problemsOfTheWholeFileAreProblemDetails() throws Exception {
		MockHttpServletResponse text = importLedger("编号,受理时间\n1,2024-01-01".getBytes(StandardCharsets.UTF_8), true);
		assertThat(text.getStatus()).isEqualTo(415);

		MockHttpServletResponse empty = importLedger(LedgerFixtures.xlsx(List.of(), List.of()), true);
		assertThat(empty.getStatus()).isEqualTo(422);
		assertThat((String) JsonPath.read(content(empty), "$.errors[0].field")).isEqualTo("file");

		MockHttpServletResponse noCategory = importLedger(
				LedgerFixtures.xlsx(List.of("受理时间", "姓名", "内容"), List.of(List.of("2024-01-01", "李四", "噪音"))), true);
		assertThat(noCategory.getStatus()).isEqualTo(422);
		assertThat(content(noCategory)).contains("类别");
	}

	private MockHttpServletResponse importLedger(byte[] bytes, boolean dryRun) throws Exception {
		var request = multipart("/api/v1/appeals/ledger-imports")
			.file(new MockMultipartFile("file", "台账.xlsx", XlsxStream.MEDIA_TYPE, bytes));
		request.header("Authorization", "Bearer " + this.admin)
			.param("dryRun", String.valueOf(dryRun))
			.header("Accept-Language", "zh-CN");
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static List<Object> rowOf(Object... values) {
		return java.util.Arrays.asList(values);
	}

	private long audits(String action) {
		return count("select count(*) from audit_event where community_id = 1 and action = '" + action + "'");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					cells.add(row.getCellText(c));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

}
