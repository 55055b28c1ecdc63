package org.anju.platform;

import java.math.BigDecimal;
import java.text.Normalizer;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.jspecify.annotations.Nullable;

/**
 * Text in and out of workbooks. Reading: what a person sees in a cell, as clean text: a
 * phone or room typed as a number reads as its digits ({@code 13800138000}, {@code 301}),
 * not {@code 1.38E10} or {@code 301.0}; rich text reads as its text; full-width
 * characters become ordinary ones, and stray spaces go. Writing: text that a spreadsheet
 * would take for a formula is guarded.
 */
public final class XlsxText {

	private XlsxText() {
	}

	/**
	 * @return the cell's text, cleaned; empty for an empty or missing cell
	 */
	public static String of(@Nullable Cell cell) {
		if (cell == null || cell.getType() == CellType.EMPTY) {
			return "";
		}
		if (cell.getType() == CellType.NUMBER) {
			return digits(cell.asNumber());
		}
		if (cell.getType() == CellType.FORMULA && cell.getRawValue() != null) {
			return clean(numberOrText(cell.getRawValue()));
		}
		return clean(cell.getText());
	}

	/**
	 * Normalises text to NFKC, drops invisible characters and collapses runs of spaces.
	 */
	public static String clean(@Nullable String text) {
		if (text == null) {
			return "";
		}
		if (plain(text)) {
			return text;
		}
		return Normalizer.normalize(text, Normalizer.Form.NFKC)
			.replaceAll("[\\u200B\\u200C\\u200D\\uFEFF]", "")
			.replaceAll("\\s+", " ")
			.strip();
	}

	/**
	 * Keeps a spreadsheet from reading text as a formula: text that starts with
	 * {@code = + - @} (or a tab or carriage return, which some programs skip) gets a
	 * leading apostrophe.
	 */
	public static String guarded(String text) {
		if (text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + text : text;
	}

	/**
	 * Most cells need no cleaning; finding that out is much cheaper than the cleaning.
	 */
	private static boolean plain(String text) {
		if (text.isEmpty()) {
			return true;
		}
		if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20) || (c > 0x7E && c < 0x3400) || (c > 0x9FFF)) {
				// Possibly full-width, invisible or an odd space: leave it to the slow
				// path.
				return false;
			}
			if (c == ' ' && text.charAt(i + 1) == ' ') {
				return false;
			}
		}
		return true;
	}

	private static String numberOrText(String raw) {
		try {
			return digits(new BigDecimal(raw));
		}
		catch (NumberFormatException ex) {
			return raw;
		}
	}

	private static String digits(BigDecimal number) {
		BigDecimal plain = number.stripTrailingZeros();
		return (plain.scale() < 0) ? plain.setScale(0).toPlainString() : plain.toPlainString();
	}

}
