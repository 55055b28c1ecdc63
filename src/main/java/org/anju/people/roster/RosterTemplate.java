package org.anju.people.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import org.anju.people.InterestGroup;
import org.anju.platform.XlsxText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;

/**
 * The empty roster that offices fill in: the headers on row 1 of the first sheet, with
 * the ID, phone and room columns formatted as text so that Excel keeps their digits; and
 * a second sheet that explains each column and lists the groups one may name.
 */
final class RosterTemplate {

	static final String SHEET = "花名册";

	private static final List<RosterColumn> TEXT_COLUMNS = List.of(RosterColumn.ID_NUMBER, RosterColumn.PHONE,
			RosterColumn.ROOM);

	private RosterTemplate() {
	}

	static void write(OutputStream out, List<InterestGroup> groups, MessageSource messages, Locale locale)
			throws IOException {
		Workbook workbook = new Workbook(out, "Anju", "1.0");
		Worksheet roster = workbook.newWorksheet(SHEET);
		for (RosterColumn column : RosterColumn.values()) {
			roster.value(0, column.ordinal(), column.header());
			roster.style(0, column.ordinal()).bold().fillColor("F2F2F2").set();
			roster.width(column.ordinal(), (column == RosterColumn.ID_NUMBER) ? 22 : 14);
		}
		for (RosterColumn column : TEXT_COLUMNS) {
			roster.style(column.ordinal()).format("@").set();
		}
		roster.freezePane(0, 1);
		Worksheet help = workbook.newWorksheet(messages.getMessage("template.help.sheet", null, locale));
		int row = 0;
		help.value(row, 0, messages.getMessage("template.help.column", null, locale));
		help.value(row, 1, messages.getMessage("template.help.required", null, locale));
		help.value(row, 2, messages.getMessage("template.help.meaning", null, locale));
		help.range(row, 0, row, 2).style().bold().set();
		for (RosterColumn column : RosterColumn.values()) {
			row++;
			help.value(row, 0, column.header());
			help.value(row, 1,
					messages.getMessage(column.required() ? "template.help.yes" : "template.help.no", null, locale));
			help.value(row, 2, messages.getMessage("template.column." + column.name(), null, locale));
		}
		row += 2;
		help.value(row, 0, messages.getMessage("template.help.groups", null, locale));
		help.style(row, 0).bold().set();
		for (InterestGroup group : groups) {
			if (group.active()) {
				row++;
				help.value(row, 0, XlsxText.guarded(group.nameZh()));
				help.value(row, 1, group.code());
				help.value(row, 2, XlsxText.guarded(group.nameEn()));
			}
		}
		help.width(0, 16);
		help.width(1, 24);
		help.width(2, 90);
		workbook.finish();
	}

}
