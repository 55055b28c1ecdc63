package org.anju;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anju.platform.XlsxStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The text a reader of an answer sees: a page's or JSON's body, every cell of a
 * spreadsheet, or a PDF's text (by {@code pdftotext}, from poppler-utils, which
 * {@code bin/test} installs).
 */
public final class AnswerText {

	/** A PDF name that runs or follows something, ended as PDF names end. */
	private static final Pattern ACTIVE = Pattern.compile(
			"/(JavaScript|JS|OpenAction|AA|Launch|ObjStm)(?![A-Za-z0-9#])|/URI\\s*\\(\\s*javascript:",
			Pattern.CASE_INSENSITIVE);

	private AnswerText() {
	}

	public static String of(MockHttpServletResponse response) {
		String type = String.valueOf(response.getContentType());
		byte[] body = response.getContentAsByteArray();
		if (type.startsWith(XlsxStream.MEDIA_TYPE)) {
			return cells(body);
		}
		if (type.startsWith("application/pdf")) {
			return pdf(body);
		}
		return new String(body, StandardCharsets.UTF_8);
	}

	/** Each cell's text and raw value, tab-separated, a line per row. */
	public static String cells(byte[] xlsx) {
		StringBuilder text = new StringBuilder();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook.getSheets().toList()) {
				try (var rows = sheet.openStream()) {
					for (Row row : (Iterable<Row>) rows::iterator) {
						for (Cell cell : row) {
							if (cell != null) {
								text.append(cell.getRawValue()).append('\t');
							}
						}
						text.append('\n');
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	/**
	 * @return each cell that a spreadsheet would run: a formula, or text that starts as
	 * one ({@code = + - @}) without the guarding apostrophe; as sheet, place and text
	 */
	public static List<String> unguarded(byte[] xlsx) {
		List<String> found = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook.getSheets().toList()) {
				try (var rows = sheet.openStream()) {
					for (Row row : (Iterable<Row>) rows::iterator) {
						for (Cell cell : row) {
							if (cell != null && (cell.getType() == CellType.FORMULA || cell.getType() == CellType.STRING
									&& !cell.getText().isEmpty() && "=+-@".indexOf(cell.getText().charAt(0)) >= 0
									&& !cell.getText().matches("[-+]?[\\d.,%]*"))) {
								found.add(sheet.getName() + "!" + cell.getAddress() + " " + cell.getType() + " "
										+ cell.getRawValue());
							}
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	/**
	 * @return each thing in the PDF that a reader would run or follow on its own:
	 * JavaScript, an action on opening or on an event, a launch, a {@code javascript:}
	 * link; or its compressed object streams, where such a name would hide from this scan
	 */
	public static List<String> active(byte[] pdf) {
		String raw = new String(pdf, StandardCharsets.ISO_8859_1);
		List<String> found = new ArrayList<>();
		Matcher name = ACTIVE.matcher(raw);
		while (name.find()) {
			found.add(name.group());
		}
		return found;
	}

	public static String pdf(byte[] pdf) {
		try {
			Path file = Files.createTempFile("answer", ".pdf");
			try {
				Files.write(file, pdf);
				Process pdftotext = new ProcessBuilder("pdftotext", "-q", "-enc", "UTF-8", file.toString(), "-")
					.redirectErrorStream(true)
					.start();
				String text = new String(pdftotext.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (!pdftotext.waitFor(30, TimeUnit.SECONDS) || pdftotext.exitValue() != 0) {
					throw new IllegalStateException("pdftotext failed: " + text);
				}
				return text;
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
