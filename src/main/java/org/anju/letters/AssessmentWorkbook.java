package org.anju.letters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

import org.anju.platform.XlsxText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.stereotype.Component;

/**
 * A letter's assessment report as an xlsx (fastexcel): the particulars and the total, one
 * row per target, then the rows behind the figures with their console pages.
 */
@Component
class AssessmentWorkbook {

	private static final Pattern FIGURE = Pattern.compile("[-+]?\\d+(\\.\\d+)?%?");

	byte[] render(Assessment.Report report) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Anju", "1.0");
		Worksheet sheet = workbook.newWorksheet(report.title());
		sheet.value(0, 0, text(report.title()));
		sheet.style(0, 0).bold().fontSize(14).set();
		int row = 2;
		for (Assessment.Fact fact : report.facts()) {
			sheet.value(row, 0, text(fact.label()));
			sheet.value(row, 1, text(fact.value()));
			row++;
		}
		row++;
		for (int c = 0; c < report.columns().size(); c++) {
			sheet.value(row, c, report.columns().get(c));
		}
		sheet.range(row, 0, row, report.columns().size() - 1).style().bold().set();
		row++;
		for (Assessment.Line line : report.lines()) {
			for (int c = 0; c < line.cells().size(); c++) {
				sheet.value(row, c, text(line.cells().get(c)));
			}
			row++;
		}
		row++;
		sheet.value(row, 0, report.evidenceTitle());
		sheet.style(row, 0).bold().set();
		row++;
		for (Assessment.Fact fact : report.evidence()) {
			sheet.value(row, 0, text(fact.label()));
			sheet.value(row, 1, text(fact.value()));
			sheet.value(row, 2, fact.link());
			row++;
		}
		sheet.width(0, 28);
		sheet.width(1, 24);
		try {
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Names and targets are typed by users, so text a spreadsheet would run as a formula
	 * is guarded; a figure such as a deduction ({@code -5}) is not a formula and stays as
	 * it reads.
	 */
	private static String text(String value) {
		return FIGURE.matcher(value).matches() ? value : XlsxText.guarded(value);
	}

}
