package org.anju.appeals.ledger;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealQuery;
import org.anju.appeals.AppealQueues;
import org.anju.appeals.AppealStats;
import org.anju.appeals.AppealView;
import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.organisation.Department;
import org.anju.organisation.Departments;
import org.anju.platform.XlsxStream;
import org.anju.platform.XlsxText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams the appeals a caller reaches, filtered as in a work queue, to an xlsx ledger
 * (台账): phones masked, a confidential complainant hidden where the queue hides them,
 * every text cell guarded against formula injection; the export, its filter and its row
 * count go to the audit trail. Also writes the statistics as a workbook.
 */
@Service
class LedgerExport {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final List<String> COLUMNS = List.of("number", "receivedAt", "channel", "category", "appellant",
			"title", "description", "department", "state", "dueDate", "resolvedAt", "onTime", "reply", "satisfaction",
			"flags");

	private static final List<String> STATS_COLUMNS = List.of("name", "received", "resolved", "resolvedOnTime",
			"onTimeRate", "rated", "satisfied", "satisfactionRate", "reopened", "reopenRate");

	private final AppealQueues queues;

	private final AppealCategories categories;

	private final Departments departments;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	LedgerExport(AppealQueues queues, AppealCategories categories, Departments departments, AuditTrail audit,
			MessageSource messages, Clock clock) {
		this.queues = queues;
		this.categories = categories;
		this.departments = departments;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Sends the ledger as a download named after today's date.
	 */
	@Transactional
	void download(CurrentUser user, AppealQuery query, HttpServletResponse response) throws IOException {
		response.setContentType(XlsxStream.MEDIA_TYPE);
		String day = LocalDate.now(this.clock.withZone(WorkingCalendar.ZONE)).toString();
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment("诉求台账-" + day + ".xlsx"));
		export(user, query, response.getOutputStream());
	}

	/**
	 * Writes the ledger and its audit row, in one transaction.
	 * @return how many appeals were written
	 */
	@Transactional
	long export(CurrentUser user, AppealQuery query, OutputStream out) throws IOException {
		Labels labels = new Labels(this.messages, LocaleContextHolder.getLocale());
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		Map<String, String> categoryNames = this.categories.tree(user.community())
			.stream()
			.collect(Collectors.toMap(AppealCategory::code, english ? AppealCategory::nameEn : AppealCategory::nameZh));
		Map<String, String> departmentNames = this.departments.all(user.community())
			.stream()
			.collect(Collectors.toMap(Department::code, english ? Department::nameEn : Department::nameZh));
		Workbook workbook = new Workbook(out, "Anju", "1.0");
		Worksheet sheet = workbook.newWorksheet(labels.text("ledger.sheet"));
		header(sheet, COLUMNS, "ledger.column.", labels);
		sheet.width(4, 24);
		sheet.width(5, 30);
		sheet.width(6, 50);
		int[] row = { 0 };
		long count = this.queues.forEach(user, query, (appeal) -> {
			row[0]++;
			write(sheet, row[0], appeal, labels, categoryNames::get, departmentNames::get);
			XlsxStream.flushAfter(sheet, row[0]);
		});
		workbook.finish();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("filter", filter(query));
		detail.put("rows", count);
		this.audit.record(user.community(), "APPEALS_EXPORTED", "APPEAL", "ledger", detail);
		return count;
	}

	/**
	 * Writes statistics as a sheet: one row per bucket, then the totals.
	 */
	void statistics(AppealStats stats, OutputStream out) throws IOException {
		Labels labels = new Labels(this.messages, LocaleContextHolder.getLocale());
		Workbook workbook = new Workbook(out, "Anju", "1.0");
		Worksheet sheet = workbook.newWorksheet(labels.text("stats.sheet"));
		sheet.value(0, 0, labels.text("stats.title", stats.from().toString(), stats.to().toString(),
				labels.text("stats.by." + stats.by().parameter())));
		List<String> columns = STATS_COLUMNS;
		for (int c = 0; c < columns.size(); c++) {
			sheet.value(1, c, labels.text("stats.column." + columns.get(c)));
		}
		sheet.range(0, 0, 1, columns.size() - 1).style().bold().set();
		sheet.width(0, 24);
		int row = 2;
		for (AppealStats.Line line : stats.lines()) {
			line(sheet, row++, XlsxText.guarded(String.valueOf(line.name())), line);
		}
		line(sheet, row, labels.text("stats.total"), stats.total());
		sheet.range(row, 0, row, columns.size() - 1).style().bold().set();
		workbook.finish();
	}

	static String attachment(String name) {
		return ContentDisposition.attachment()
			.filename(name, java.nio.charset.StandardCharsets.UTF_8)
			.build()
			.toString();
	}

	private static void line(Worksheet sheet, int row, String name, AppealStats.Line line) {
		sheet.value(row, 0, name);
		Object[] figures = { line.received(), line.resolved(), line.resolvedOnTime(), line.onTimeRate(), line.rated(),
				line.satisfied(), line.satisfactionRate(), line.reopened(), line.reopenRate() };
		for (int i = 0; i < figures.length; i++) {
			if (figures[i] instanceof Number number) {
				sheet.value(row, i + 1, number);
			}
		}
	}

	private static void header(Worksheet sheet, List<String> columns, String prefix, Labels labels) {
		for (int c = 0; c < columns.size(); c++) {
			sheet.value(0, c, labels.text(prefix + columns.get(c)));
		}
		sheet.range(0, 0, 0, columns.size() - 1).style().bold().set();
		sheet.freezePane(0, 1);
	}

	private static void write(Worksheet sheet, int row, AppealView appeal, Labels labels,
			Function<String, @Nullable String> category, Function<String, @Nullable String> department) {
		String[] values = { appeal.number(), minute(appeal.receivedAt()), labels.of(appeal.channel()),
				orCode(category.apply(appeal.categoryCode()), appeal.categoryCode()), appellant(appeal, labels),
				appeal.title(), appeal.description(),
				(appeal.departmentCode() != null)
						? orCode(department.apply(appeal.departmentCode()), appeal.departmentCode()) : null,
				labels.of(appeal.state()), appeal.dueDate().toString(),
				(appeal.resolvedAt() != null) ? minute(appeal.resolvedAt()) : null,
				(appeal.resolvedOnTime() != null) ? labels.text("ledger.onTime." + appeal.resolvedOnTime()) : null,
				appeal.reply(), (appeal.satisfaction() != null) ? labels.of(appeal.satisfaction()) : null,
				appeal.flags().stream().map(labels::of).sorted().collect(Collectors.joining("、")) };
		for (int c = 0; c < values.length; c++) {
			if (values[c] != null && !values[c].isEmpty()) {
				sheet.value(row, c, XlsxText.guarded(values[c]));
			}
		}
	}

	/**
	 * The registered person's name, or the caller's with their masked phone; a
	 * confidential complainant hidden from this reader stays hidden.
	 */
	private static String appellant(AppealView appeal, Labels labels) {
		if (appeal.personName() != null) {
			return appeal.personName();
		}
		if (appeal.caller() != null) {
			return (appeal.caller().phone() != null) ? appeal.caller().name() + " (" + appeal.caller().phone() + ")"
					: appeal.caller().name();
		}
		return labels.text("ledger.confidential");
	}

	private static String orCode(@Nullable String name, String code) {
		return (name != null) ? name : code;
	}

	private static String minute(Instant instant) {
		return MINUTE.format(instant.atZone(WorkingCalendar.ZONE));
	}

	private static Map<String, Object> filter(AppealQuery query) {
		Map<String, Object> filter = new LinkedHashMap<>();
		put(filter, "state", query.state());
		put(filter, "categoryCode", query.categoryCode());
		put(filter, "departmentCode", query.departmentCode());
		put(filter, "flag", query.flag());
		put(filter, "overdue", query.overdue());
		put(filter, "areaId", query.areaId());
		put(filter, "gridId", query.gridId());
		put(filter, "group", query.group());
		put(filter, "mine", query.mine() ? Boolean.TRUE : null);
		put(filter, "open", query.open() ? Boolean.TRUE : null);
		return filter;
	}

	private static void put(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null && !"".equals(value)) {
			map.put(key, (value instanceof Enum<?> constant) ? constant.name() : value);
		}
	}

}
