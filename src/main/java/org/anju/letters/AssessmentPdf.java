package org.anju.letters;

import java.awt.Color;
import java.io.ByteArrayOutputStream;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.anju.platform.CjkFont;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * A letter's assessment report as a PDF (OpenPDF, the Chinese font embedded): the
 * particulars and the total, a table of the targets, and the rows behind the figures.
 */
@Component
class AssessmentPdf {

	private static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);

	private static final Color MISSED = new Color(0xfd, 0xec, 0xea);

	private final CjkFont font;

	AssessmentPdf(CjkFont font) {
		this.font = font;
	}

	byte[] render(Assessment.Report report) {
		BaseFont base = this.font.pdf();
		Font title = new Font(base, 18, Font.BOLD, ACCENT);
		Font heading = new Font(base, 12, Font.BOLD, ACCENT);
		Font body = new Font(base, 9.5f);
		Font bold = new Font(base, 9.5f, Font.BOLD);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle(report.title());
		document.addCreator("Anju");
		document.open();
		Paragraph heading1 = new Paragraph(report.title(), title);
		heading1.setAlignment(Element.ALIGN_CENTER);
		heading1.setSpacingAfter(12);
		document.add(heading1);
		PdfPTable facts = new PdfPTable(new float[] { 1, 4 });
		facts.setWidthPercentage(100);
		for (Assessment.Fact fact : report.facts()) {
			facts.addCell(cell(fact.label(), bold, null));
			facts.addCell(cell(fact.value(), body, null));
		}
		document.add(facts);
		Paragraph targets = new Paragraph(" ", heading);
		targets.setSpacingAfter(6);
		document.add(targets);
		PdfPTable table = new PdfPTable(new float[] { 4, 2, 2, 2, 1, 1, 1, 1 });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String column : report.columns()) {
			table.addCell(cell(column, bold, null));
		}
		for (Assessment.Line line : report.lines()) {
			for (String text : line.cells()) {
				table.addCell(cell(text, body, line.source().met() ? null : MISSED));
			}
		}
		document.add(table);
		if (!report.evidence().isEmpty()) {
			Paragraph evidence = new Paragraph(report.evidenceTitle(), heading);
			evidence.setSpacingBefore(12);
			evidence.setSpacingAfter(6);
			document.add(evidence);
			PdfPTable rows = new PdfPTable(new float[] { 3, 2, 3 });
			rows.setWidthPercentage(100);
			for (Assessment.Fact fact : report.evidence()) {
				rows.addCell(cell(fact.label(), body, null));
				rows.addCell(cell(fact.value(), body, null));
				rows.addCell(cell(String.valueOf(fact.link()), body, null));
			}
			document.add(rows);
		}
		document.close();
		return out.toByteArray();
	}

	private static PdfPCell cell(String text, Font font, @Nullable Color background) {
		PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text, font)));
		cell.setPadding(4);
		if (background != null) {
			cell.setBackgroundColor(background);
		}
		return cell;
	}

}
