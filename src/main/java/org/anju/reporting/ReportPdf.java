package org.anju.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.anju.platform.CjkFont;
import org.anju.calendar.WorkingCalendar;
import org.anju.reporting.SectionView.Headline;
import org.anju.reporting.SectionView.Row;
import org.anju.reporting.SectionView.Table;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The monthly report as a PDF (OpenPDF): a cover, a summary of every section's headlines,
 * then the chapters service, stability, care and responsibility, each with its sections'
 * headlines, charts and tables. A chapter without a section says that its sources are not
 * connected yet, rather than showing zeros.
 */
@Component
class ReportPdf {

	/** Tables longer than this are cut in the PDF; the xlsx has every row. */
	static final int MAX_ROWS = 20;

	private static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);

	private final CjkFont font;

	private final ChartImages charts;

	private final ReportTexts texts;

	ReportPdf(CjkFont font, ChartImages charts, ReportTexts texts) {
		this.font = font;
		this.charts = charts;
		this.texts = texts;
	}

	byte[] render(Span span, List<SectionView> sections, Instant generatedAt, Locale locale) {
		BaseFont base = this.font.pdf();
		Font title = new Font(base, 26, Font.BOLD, ACCENT);
		Font heading = new Font(base, 16, Font.BOLD, ACCENT);
		Font subheading = new Font(base, 12, Font.BOLD);
		Font body = new Font(base, 10.5f);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 54, 54, 60, 54);
		// a chart that does not fit stays before its table, on the next page
		PdfWriter.getInstance(document, out).setStrictImageSequence(true);
		document.addTitle(this.texts.text("report.title", locale));
		document.addCreator("Anju");
		document.open();
		cover(document, span, generatedAt, locale, title, body);
		document.newPage();
		document.add(paragraph(this.texts.text("report.summary", locale), heading, 0, 10));
		PdfPTable summary = table(2, new float[] { 3, 2 });
		for (SectionView section : sections) {
			for (Headline headline : section.headlines()) {
				summary.addCell(cell(section.title() + " · " + headline.label(), body, false));
				summary.addCell(cell(headline.value(), body, true));
			}
		}
		document.add(summary);
		for (Chapter chapter : Chapter.values()) {
			document.newPage();
			document.add(paragraph(this.texts.text("report.chapter." + chapter, locale), heading, 0, 8));
			List<SectionView> inChapter = sections.stream().filter((s) -> s.chapter() == chapter).toList();
			if (inChapter.isEmpty()) {
				document.add(paragraph(this.texts.text("report.chapter.empty", locale), body, 4, 4));
			}
			for (SectionView section : inChapter) {
				section(document, section, subheading, body, locale);
			}
		}
		document.close();
		return out.toByteArray();
	}

	private void cover(Document document, Span span, Instant generatedAt, Locale locale, Font title, Font body) {
		document.add(paragraph(" ", body, 160, 0));
		Paragraph name = paragraph(this.texts.text("report.title", locale), title, 0, 24);
		name.setAlignment(Element.ALIGN_CENTER);
		document.add(name);
		Paragraph period = paragraph(this.texts.text("report.subtitle.period", locale, span.from(), span.to()),
				new Font(body.getBaseFont(), 16), 0, 12);
		period.setAlignment(Element.ALIGN_CENTER);
		document.add(period);
		Paragraph generated = paragraph(this.texts.text("report.generatedAt", locale,
				DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(generatedAt.atZone(WorkingCalendar.ZONE))), body,
				0, 0);
		generated.setAlignment(Element.ALIGN_CENTER);
		document.add(generated);
	}

	private void section(Document document, SectionView section, Font subheading, Font body, Locale locale) {
		document.add(paragraph(section.title(), subheading, 10, 6));
		if (!section.headlines().isEmpty()) {
			PdfPTable headlines = table(section.headlines().size(), null);
			section.headlines().forEach((h) -> headlines.addCell(cell(h.label(), body, false)));
			section.headlines().forEach((h) -> headlines.addCell(cell(h.value(), body, true)));
			document.add(headlines);
		}
		for (Table table : section.tables()) {
			document.add(paragraph(table.title(), subheading, 10, 4));
			if (table.rows().isEmpty()) {
				document.add(paragraph("—", body, 0, 4));
				continue;
			}
			try {
				Image chart = Image.getInstance(this.charts.png(table));
				chart.scaleToFit(document.getPageSize().getWidth() - 108, 210);
				chart.setAlignment(Element.ALIGN_CENTER);
				document.add(chart);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// the daily trend reads best as its chart; its figures are in the xlsx
			if (table.chart() != SectionView.Chart.LINE) {
				document.add(rows(table, body, locale));
			}
		}
	}

	private PdfPTable rows(Table table, Font body, Locale locale) {
		PdfPTable rows = table(table.columns().size() + 1, null);
		Font bold = new Font(body.getBaseFont(), body.getSize(), Font.BOLD);
		rows.addCell(cell(this.texts.text("dashboard.column.name", locale), bold, false));
		table.columns().forEach((c) -> rows.addCell(cell(c, bold, true)));
		rows.setHeaderRows(1);
		for (Row row : table.rows().stream().limit(MAX_ROWS).toList()) {
			rows.addCell(cell(row.label(), body, false));
			row.values().forEach((v) -> rows.addCell(cell(SectionView.text(v), body, true)));
		}
		return rows;
	}

	private static PdfPTable table(int columns, float @Nullable [] widths) {
		PdfPTable table = new PdfPTable(columns);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		table.setSpacingAfter(6);
		if (widths != null) {
			table.setWidths(widths);
		}
		return table;
	}

	private static PdfPCell cell(String text, Font font, boolean number) {
		PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text, font)));
		cell.setPadding(4);
		cell.setBorderColor(Color.LIGHT_GRAY);
		cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
		return cell;
	}

	private static Paragraph paragraph(String text, Font font, float before, float after) {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setSpacingBefore(before);
		paragraph.setSpacingAfter(after);
		return paragraph;
	}

}
