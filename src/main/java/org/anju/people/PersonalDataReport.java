package org.anju.people;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.platform.XlsxText;
import org.anju.shared.InvalidInput;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own data report (个人信息查阅): everything Anju holds about them, from every
 * module that implements {@link PersonalData}, in one xlsx. It is the one export that is
 * not masked, because it goes to the person themselves; so it takes its own permission
 * and a stated reason, and it is audited.
 */
@Service
class PersonalDataReport {

	private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final List<PersonalData> sources;

	private final PersonManagement people;

	private final AuditTrail audit;

	private final MessageSource messages;

	PersonalDataReport(List<PersonalData> sources, PersonManagement people, AuditTrail audit, MessageSource messages) {
		this.sources = sources;
		this.people = people;
		this.audit = audit;
		this.messages = messages;
	}

	/**
	 * Writes the report and its audit row in one transaction. The workbook is built in
	 * memory, one person's worth, so that a failure sends nothing and records nothing.
	 * @param reason the person's request, as the office filed it
	 * @throws InvalidInput without a reason of 2 to 200 characters
	 * @throws org.anju.shared.NotFound when the person is not within the caller's reach
	 */
	@Transactional
	byte[] write(CurrentUser user, long personId, @Nullable String reason, Locale locale) throws IOException {
		if (!user.may(Permission.PEOPLE_REPORT)) {
			throw new AccessDeniedException("needs PEOPLE_REPORT");
		}
		if (reason == null || reason.strip().length() < 2 || reason.strip().length() > 200) {
			throw new InvalidInput("reason", "person.report.reason");
		}
		this.people.get(user, personId);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Anju", "1.0");
		Set<String> sheetNames = new HashSet<>();
		for (PersonalData source : this.sources) {
			for (PersonalData.Section section : source.about(user.community(), personId)) {
				String name = text(section.title(), locale);
				if (!sheetNames.add(name)) {
					throw new IllegalStateException("two sections are both called " + name);
				}
				write(workbook.newWorksheet(name), section, locale);
			}
		}
		workbook.finish();
		this.audit.record(user.community(), "PERSONAL_DATA_REPORTED", "PERSON", personId,
				Map.of("reason", reason.strip()));
		return out.toByteArray();
	}

	private void write(Worksheet sheet, PersonalData.Section section, Locale locale) {
		for (int c = 0; c < section.columns().size(); c++) {
			sheet.value(0, c, text(section.columns().get(c), locale));
		}
		sheet.range(0, 0, 0, section.columns().size() - 1).style().bold().set();
		int r = 1;
		for (List<@Nullable Object> row : section.rows()) {
			for (int c = 0; c < row.size(); c++) {
				sheet.value(r, c, cell(row.get(c), locale));
			}
			r++;
		}
	}

	// Every value is shown as the database holds it, and never evaluated as a formula.
	private String cell(@Nullable Object value, Locale locale) {
		if (value == null) {
			return "";
		}
		if (value instanceof PersonalData.Label label) {
			return text(label.code(), locale);
		}
		if (value instanceof Timestamp moment) {
			return MOMENT.format(moment.toInstant());
		}
		return XlsxText.guarded(value.toString());
	}

	private String text(String code, Locale locale) {
		return this.messages.getMessage(code, null, code, locale);
	}

}
