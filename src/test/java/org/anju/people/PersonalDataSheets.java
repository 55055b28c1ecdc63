package org.anju.people;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads a personal data report back, for the tests of each module's part of it.
 */
public final class PersonalDataSheets {

	private PersonalDataSheets() {
	}

	/**
	 * @return sheet name to its rows of cell texts, headings first, in the workbook's
	 * order
	 */
	public static Map<String, List<List<String>>> read(byte[] xlsx) throws Exception {
		Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook.getSheets().toList()) {
				List<List<String>> rows = new ArrayList<>();
				for (Row row : sheet.read()) {
					List<String> cells = new ArrayList<>();
					for (int c = 0; c < row.getCellCount(); c++) {
						cells.add(row.getCellText(c));
					}
					rows.add(cells);
				}
				sheets.put(sheet.getName(), rows);
			}
		}
		return sheets;
	}

	/**
	 * @return the texts of one column, heading first
	 */
	public static List<String> column(List<List<String>> rows, int c) {
		return rows.stream().map((row) -> (c < row.size()) ? row.get(c) : "").toList();
	}

}
