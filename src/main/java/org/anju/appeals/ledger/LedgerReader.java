package org.anju.appeals.ledger;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.anju.appeals.AppealState;
import org.anju.appeals.Channel;
import org.anju.appeals.Satisfaction;
import org.anju.calendar.WorkingCalendar;
import org.anju.platform.XlsxText;
import org.anju.shared.IdNumber;
import org.anju.shared.InvalidInput;
import org.anju.shared.PersonName;
import org.anju.shared.Phone;
import org.anju.shared.UploadRejected;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;

/**
 * Reads the first sheet of a historical ledger row by row and checks every cell on its
 * own; what needs the database (categories, departments, people, numbers already taken)
 * is checked by {@link LedgerImport}. The first non-empty row is the header; columns are
 * found by their header, in any order; empty rows are skipped.
 */
final class LedgerReader {

	static final int MAX_ROWS = 50_000;

	private static final int MAX_NUMBER = 40;

	private static final int MAX_TITLE = 100;

	private static final int MAX_TEXT = 5000;

	/** A title made from the description keeps this many characters. */
	private static final int TITLE_FROM_TEXT = 30;

	private static final Pattern DATE_TIME = Pattern
		.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T]+(\\d{1,2})[:：时](\\d{1,2})(?:[:：分](\\d{1,2})秒?)?)?");

	/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	private final MessageSource messages;

	private final Labels labels;

	private final Instant now;

	LedgerReader(MessageSource messages, Labels labels, Instant now) {
		this.messages = messages;
		this.labels = labels;
		this.now = now;
	}

	/**
	 * @throws InvalidInput for a problem of the whole file: an empty sheet, a missing or
	 * doubled required column, too many rows
	 * @throws UploadRejected when the file is not a workbook after all
	 */
	Parsed read(Path file) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
				Stream<Row> stream = workbook.getFirstSheet().openStream()) {
			return read(stream.iterator());
		}
		catch (ExcelReaderException ex) {
			throw UploadRejected.wrongType("upload.corrupt");
		}
	}

	private Parsed read(Iterator<Row> rows) {
		Map<LedgerColumn, Integer> header = null;
		Parsed parsed = new Parsed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new int[1]);
		while (rows.hasNext()) {
			Row row = rows.next();
			String[] cells = new String[row.getCellCount()];
			boolean empty = true;
			for (int i = 0; i < cells.length; i++) {
				cells[i] = XlsxText.of(row.getCell(i));
				empty &= cells[i].isEmpty();
			}
			if (empty) {
				continue;
			}
			if (header == null) {
				header = header(row.getRowNum(), cells, parsed);
				continue;
			}
			parsed.total()[0]++;
			if (parsed.total()[0] > MAX_ROWS) {
				throw new InvalidInput("file", "import.rows.tooMany", MAX_ROWS);
			}
			new RowCheck(header, row.getRowNum(), cells, parsed).check();
		}
		if (header == null) {
			throw new InvalidInput("file", "ledger.sheet.empty");
		}
		if (parsed.total()[0] == 0) {
			throw new InvalidInput("file", "ledger.sheet.noRows");
		}
		return parsed;
	}

	private Map<LedgerColumn, Integer> header(int row, String[] cells, Parsed parsed) {
		Map<LedgerColumn, Integer> index = new EnumMap<>(LedgerColumn.class);
		Map<LedgerColumn, String> text = new EnumMap<>(LedgerColumn.class);
		for (int i = 0; i < cells.length; i++) {
			String cell = cells[i];
			if (cell.isEmpty()) {
				continue;
			}
			Optional<LedgerColumn> column = LedgerColumn.match(cell);
			if (column.isEmpty()) {
				parsed.warnings().add(problem(row, cell, cell, "import.column.unknown", cell));
			}
			else if (index.containsKey(column.get())) {
				throw new InvalidInput("file", "import.column.twice", text.get(column.get()), cell);
			}
			else {
				index.put(column.get(), i);
				text.put(column.get(), cell);
			}
		}
		for (LedgerColumn required : List.of(LedgerColumn.RECEIVED_AT, LedgerColumn.CATEGORY)) {
			if (!index.containsKey(required)) {
				throw new InvalidInput("file", "import.column.missing", required.header());
			}
		}
		if (!index.containsKey(LedgerColumn.TITLE) && !index.containsKey(LedgerColumn.DESCRIPTION)) {
			throw new InvalidInput("file", "import.column.missing", LedgerColumn.DESCRIPTION.header());
		}
		if (!index.containsKey(LedgerColumn.ID_NUMBER) && !index.containsKey(LedgerColumn.NAME)) {
			throw new InvalidInput("file", "import.column.missing", LedgerColumn.ID_NUMBER.header());
		}
		return index;
	}

	LedgerProblem problem(int row, String column, String value, String code, Object... args) {
		String shown = (value.length() > 100) ? value.substring(0, 100) + "…" : value;
		return new LedgerProblem(row, column, shown, this.messages.getMessage(code, args, code, this.labels.locale()));
	}

	/**
	 * The valid rows, the problems, and how many data rows there were.
	 */
	record Parsed(List<LedgerRow> rows, List<LedgerProblem> errors, List<LedgerProblem> warnings, int[] total) {
	}

	/**
	 * The checks of one row; every problem is listed, not only the first.
	 */
	private final class RowCheck {

		private final Map<LedgerColumn, Integer> header;

		private final int row;

		private final String[] cells;

		private final Parsed parsed;

		private final int before;

		RowCheck(Map<LedgerColumn, Integer> header, int row, String[] cells, Parsed parsed) {
			this.header = header;
			this.row = row;
			this.cells = cells;
			this.parsed = parsed;
			this.before = parsed.errors().size();
		}

		void check() {
			String number = cell(LedgerColumn.NUMBER);
			if (number.length() > MAX_NUMBER) {
				fail(LedgerColumn.NUMBER, number, "ledger.number.length", MAX_NUMBER);
			}
			Instant received = time(LedgerColumn.RECEIVED_AT, true);
			if (received != null && received.isAfter(LedgerReader.this.now)) {
				fail(LedgerColumn.RECEIVED_AT, cell(LedgerColumn.RECEIVED_AT), "ledger.time.future");
			}
			Channel channel = word(LedgerColumn.CHANNEL, Channel.class, Channel.WALK_IN);
			String category = cell(LedgerColumn.CATEGORY);
			if (category.isEmpty()) {
				required(LedgerColumn.CATEGORY);
			}
			String idNumber = null;
			String name = null;
			String phone = null;
			String idText = cell(LedgerColumn.ID_NUMBER);
			if (!idText.isEmpty()) {
				idNumber = parsed(LedgerColumn.ID_NUMBER, idText, IdNumber.mask(idText),
						(t) -> IdNumber.parse(t).value());
			}
			else if (!cell(LedgerColumn.NAME).isEmpty()) {
				name = parsed(LedgerColumn.NAME, cell(LedgerColumn.NAME), cell(LedgerColumn.NAME),
						(t) -> PersonName.parse(t).value());
				String phoneText = cell(LedgerColumn.PHONE);
				if (!phoneText.isEmpty()) {
					phone = parsed(LedgerColumn.PHONE, phoneText, Phone.mask(phoneText), (t) -> Phone.parse(t).value());
				}
			}
			else {
				fail(LedgerColumn.ID_NUMBER, "", "ledger.who.required");
			}
			String title = cell(LedgerColumn.TITLE);
			String description = cell(LedgerColumn.DESCRIPTION);
			if (title.isEmpty() && description.isEmpty()) {
				fail(this.header.containsKey(LedgerColumn.DESCRIPTION) ? LedgerColumn.DESCRIPTION : LedgerColumn.TITLE,
						"", "ledger.text.required");
			}
			if (title.length() > MAX_TITLE) {
				fail(LedgerColumn.TITLE, title, "appeal.text.length", MAX_TITLE);
			}
			if (description.length() > MAX_TEXT) {
				fail(LedgerColumn.DESCRIPTION, description, "appeal.text.length", MAX_TEXT);
			}
			if (title.isEmpty()) {
				title = (description.length() > TITLE_FROM_TEXT) ? description.substring(0, TITLE_FROM_TEXT) + "…"
						: description;
			}
			if (description.isEmpty()) {
				description = title;
			}
			AppealState state = word(LedgerColumn.STATE, AppealState.class, AppealState.CLOSED);
			Instant resolved = time(LedgerColumn.RESOLVED_AT, false);
			String reply = cell(LedgerColumn.REPLY);
			if (reply.length() > MAX_TEXT) {
				fail(LedgerColumn.REPLY, reply, "appeal.text.length", MAX_TEXT);
			}
			Satisfaction satisfaction = word(LedgerColumn.SATISFACTION, Satisfaction.class, null);
			boolean done = state == AppealState.RESOLVED || state == AppealState.CLOSED;
			if (state != null && done && resolved == null && cell(LedgerColumn.RESOLVED_AT).isEmpty()) {
				fail(LedgerColumn.RESOLVED_AT, "", "ledger.resolvedAt.required", labels.of(state));
			}
			if (state != null && !done && (resolved != null || satisfaction != null)) {
				fail(resolved != null ? LedgerColumn.RESOLVED_AT : LedgerColumn.SATISFACTION,
						cell(resolved != null ? LedgerColumn.RESOLVED_AT : LedgerColumn.SATISFACTION),
						"ledger.state.open", labels.of(state));
			}
			if (received != null && resolved != null && resolved.isBefore(received)) {
				fail(LedgerColumn.RESOLVED_AT, cell(LedgerColumn.RESOLVED_AT), "ledger.resolvedAt.beforeReceived");
			}
			if (resolved != null && resolved.isAfter(LedgerReader.this.now)) {
				fail(LedgerColumn.RESOLVED_AT, cell(LedgerColumn.RESOLVED_AT), "ledger.time.future");
			}
			if (this.parsed.errors().size() == this.before) {
				String department = cell(LedgerColumn.DEPARTMENT);
				this.parsed.rows()
					.add(new LedgerRow(this.row, number.isEmpty() ? null : number, received, channel, category,
							idNumber, name, phone, title, description, department.isEmpty() ? null : department, state,
							resolved, reply.isEmpty() ? null : reply, satisfaction));
			}
		}

		private String cell(LedgerColumn column) {
			Integer i = this.header.get(column);
			return (i == null || i >= this.cells.length) ? "" : this.cells[i];
		}

		private String name(LedgerColumn column) {
			return column.header();
		}

		private void required(LedgerColumn column) {
			fail(column, "", "import.cell.required", name(column));
		}

		private void fail(LedgerColumn column, String value, String code, Object... args) {
			this.parsed.errors().add(problem(this.row, name(column), value, code, args));
		}

		private @Nullable String parsed(LedgerColumn column, String text, String shown,
				java.util.function.Function<String, String> parse) {
			try {
				return parse.apply(text);
			}
			catch (InvalidInput ex) {
				InvalidInput.Violation violation = ex.violations().get(0);
				fail(column, shown, violation.code(), violation.args());
				return null;
			}
		}

		private <E extends Enum<E>> @Nullable E word(LedgerColumn column, Class<E> type, @Nullable E fallback) {
			String text = cell(column);
			if (text.isEmpty()) {
				return fallback;
			}
			E value = Labels.parse(type, text, LedgerReader.this.messages);
			if (value == null) {
				fail(column, text, "ledger.word.unknown", text);
			}
			return value;
		}

		/**
		 * A time as offices write it ({@code 2024-03-05 14:30}, {@code 2024/3/5},
		 * {@code 2024年3月5日}) or as Excel keeps it (a number of days), in Asia/Shanghai; a
		 * day alone is taken at noon, so that it stays on its day.
		 */
		private @Nullable Instant time(LedgerColumn column, boolean required) {
			String text = cell(column);
			if (text.isEmpty()) {
				if (required) {
					required(column);
				}
				return null;
			}
			try {
				LocalDateTime time;
				Matcher m = DATE_TIME.matcher(text);
				if (text.matches("\\d{1,6}(\\.\\d+)?")) {
					BigDecimal days = new BigDecimal(text);
					long seconds = days.remainder(BigDecimal.ONE).multiply(BigDecimal.valueOf(86_400)).longValue();
					time = EXCEL_EPOCH.plusDays(days.longValue()).atStartOfDay().plusSeconds(seconds);
					if (seconds == 0) {
						time = time.with(LocalTime.NOON);
					}
				}
				else if (m.matches()) {
					LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
							Integer.parseInt(m.group(3)));
					time = (m.group(4) == null) ? day.atTime(LocalTime.NOON) : day.atTime(Integer.parseInt(m.group(4)),
							Integer.parseInt(m.group(5)), (m.group(6) != null) ? Integer.parseInt(m.group(6)) : 0);
				}
				else {
					time = LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
				}
				if (time.getYear() < WorkingCalendar.FIRST_YEAR) {
					fail(column, text, "ledger.time.tooOld", WorkingCalendar.FIRST_YEAR);
					return null;
				}
				return time.atZone(WorkingCalendar.ZONE).toInstant();
			}
			catch (DateTimeException | NumberFormatException ex) {
				fail(column, text, "ledger.time.format", text);
				return null;
			}
		}

	}

}
