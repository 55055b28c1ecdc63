package org.anju.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.anju.platform.XlsxText;
import org.anju.reporting.SectionView.Headline;
import org.anju.reporting.SectionView.Row;
import org.anju.reporting.SectionView.Table;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.stereotype.Component;

/**
 * The monthly report as an xlsx (fastexcel) with the same figures as the PDF: a summary
 * sheet of every section's headlines, and one sheet per section with all rows of its
 * tables. Rates are numbers formatted as percentages, so they can be computed with.
 */
@Component
class ReportWorkbook {

	private final ReportTexts texts;

	ReportWorkbook(ReportTexts texts) {
		this.texts = texts;
	}

	byte[] render(Span span, List<SectionView> sections, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "Anju", "1.0");
		Worksheet summary = workbook.newWorksheet(this.texts.text("report.summary", locale));
		summary.value(0, 0, this.texts.text("report.title", locale));
		summary.style(0, 0).bold().fontSize(14).set();
		summary.value(1, 0, this.texts.text("report.subtitle.period", locale, span.from(), span.to()));
		int r = 3;
		for (SectionView section : sections) {
			for (Headline headline : section.headlines()) {
				summary.value(r, 0, section.title());
				summary.value(r, 1, headline.label());
				summary.value(r, 2, headline.value());
				r++;
			}
		}
		summary.width(0, 16);
		summary.width(1, 20);
		summary.width(2, 14);
		for (SectionView section : sections) {
			Worksheet sheet = workbook.newWorksheet(section.title());
			int row = 0;
			for (Table table : section.tables()) {
				sheet.value(row, 0, table.title());
				sheet.style(row, 0).bold().set();
				row++;
				sheet.value(row, 0, this.texts.text("dashboard.column.name", locale));
				for (int c = 0; c < table.columns().size(); c++) {
					sheet.value(row, c + 1, table.columns().get(c));
				}
				sheet.range(row, 0, row, table.columns().size()).style().bold().set();
				row++;
				for (Row line : table.rows()) {
					// a row is named by what users named: a unit, a post, a plan
					sheet.value(row, 0, XlsxText.guarded(line.label()));
					for (int c = 0; c < line.values().size(); c++) {
						Number value = line.values().get(c);
						if (value instanceof BigDecimal rate) {
							sheet.value(row, c + 1, rate);
							sheet.style(row, c + 1).format("0.0%").set();
						}
						else if (value != null) {
							sheet.value(row, c + 1, value);
						}
					}
					row++;
				}
				row++;
			}
			sheet.width(0, 24);
		}
		try {
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
