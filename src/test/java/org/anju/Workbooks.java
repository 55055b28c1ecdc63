package org.anju;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Spreadsheets as an office would upload them, for the tests of the xlsx imports (the
 * appeal ledger, the people roster).
 */
public final class Workbooks {

	private Workbooks() {
	}

	/**
	 * @return an xlsx of one sheet: the header row, then each row's values (strings,
	 * numbers, or {@code null} for an empty cell)
	 */
	public static byte[] xlsx(String sheetName, List<String> headers, List<List<?>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet(sheetName);
		for (int c = 0; c < headers.size(); c++) {
			sheet.value(0, c, headers.get(c));
		}
		for (int r = 0; r < rows.size(); r++) {
			List<?> row = rows.get(r);
			for (int c = 0; c < row.size(); c++) {
				Object value = row.get(c);
				if (value instanceof Number number) {
					sheet.value(r + 1, c, number);
				}
				else if (value != null) {
					sheet.value(r + 1, c, value.toString());
				}
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

}
