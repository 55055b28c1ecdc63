package org.anju.people.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.Person;
import org.anju.platform.XlsxStream;
import org.anju.platform.XlsxText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams a filtered list of people to an xlsx within the caller's scope, masked, with
 * every text cell guarded against formula injection; and records the export, its filter
 * and its row count in the audit trail.
 */
@Service
class RosterExport {

	private static final List<String> COLUMNS = List.of("name", "idNumber", "phone", "gender", "birthDate", "groups",
			"address", "formerUnit", "status", "notes");

	private final PeopleSearch search;

	private final AuditTrail audit;

	private final MessageSource messages;

	RosterExport(PeopleSearch search, AuditTrail audit, MessageSource messages) {
		this.search = search;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * Sends the export as an xlsx download named after today's date.
	 */
	@Transactional
	void download(CurrentUser user, PeopleQuery query, HttpServletResponse response) throws IOException {
		response.setContentType(XlsxStream.MEDIA_TYPE);
		String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, RosterApi.attachment("花名册-" + day + ".xlsx"));
		export(user, query, response.getOutputStream());
	}

	/**
	 * Writes the export and its audit row, in one transaction.
	 * @return how many people were written
	 */
	@Transactional
	long export(CurrentUser user, PeopleQuery query, OutputStream out) throws IOException {
		Locale locale = LocaleContextHolder.getLocale();
		Workbook workbook = new Workbook(out, "Anju", "1.0");
		Worksheet sheet = workbook.newWorksheet(RosterTemplate.SHEET);
		for (int c = 0; c < COLUMNS.size(); c++) {
			sheet.value(0, c, text("export.column." + COLUMNS.get(c), locale));
		}
		sheet.range(0, 0, 0, COLUMNS.size() - 1).style().bold().set();
		sheet.width(1, 22);
		sheet.width(6, 36);
		sheet.freezePane(0, 1);
		int[] row = { 0 };
		long count = this.search.forEach(user.scope(), query, (person) -> {
			row[0]++;
			write(sheet, row[0], person, locale);
			XlsxStream.flushAfter(sheet, row[0]);
		});
		workbook.finish();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("filter", filter(query));
		detail.put("rows", count);
		this.audit.record(user.community(), "PEOPLE_EXPORTED", "PERSON", "export", detail);
		return count;
	}

	private void write(Worksheet sheet, int row, Person person, Locale locale) {
		String[] values = { person.name(), person.idNumber(), person.phone(),
				text("export.gender." + person.gender().name(), locale), person.birthDate().toString(),
				person.groups().stream().map(Person.GroupRef::name).collect(Collectors.joining("、")), person.address(),
				person.formerUnit(), text("export.status." + person.status().name(), locale), person.notes() };
		for (int c = 0; c < values.length; c++) {
			if (values[c] != null && !values[c].isEmpty()) {
				sheet.value(row, c, XlsxText.guarded(values[c]));
			}
		}
	}

	/**
	 * The filter as the audit keeps it: a whole ID or phone searched for is masked.
	 */
	private static Map<String, Object> filter(PeopleQuery query) {
		Map<String, Object> filter = new LinkedHashMap<>();
		put(filter, "q", (query.q() != null) ? query.q().replaceAll("\\d{3,}(?=[\\dXx]{4})", "****") : null);
		put(filter, "group", query.group());
		put(filter, "areaId", query.areaId());
		put(filter, "gridId", query.gridId());
		put(filter, "status", (query.status() != null) ? query.status().name() : null);
		return filter;
	}

	private static void put(Map<String, Object> map, String key, @Nullable Object value) {
		if (value != null && !"".equals(value)) {
			map.put(key, value);
		}
	}

	private String text(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
