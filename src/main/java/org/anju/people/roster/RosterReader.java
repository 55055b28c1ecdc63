package org.anju.people.roster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.anju.people.InterestGroup;
import org.anju.places.PlacePath;
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
 * Reads the first sheet of a roster row by row, without holding the sheet, and checks
 * every cell; the valid rows go on in batches as they are read. The first non-empty row
 * is the header; columns are found by their header, in any order. Empty rows, such as the
 * hidden blank rows Excel and WPS leave at the end, are skipped.
 */
final class RosterReader {

	static final int MAX_ROWS = 200_000;

	/**
	 * Valid rows handed on at a time: enough to keep the database busy, few enough that
	 * the last batch, written after the file is read, is short work.
	 */
	static final int BATCH = 2_000;

	private static final int MAX_PLACE_NAME = 100;

	private static final int MAX_FORMER_UNIT = 100;

	private static final int MAX_NOTES = 2000;

	private final Map<String, InterestGroup> groups = new HashMap<>();

	private final MessageSource messages;

	private final Locale locale;

	/**
	 * @param groups the community's interest groups, found by their Chinese name, code or
	 * English name
	 */
	RosterReader(List<InterestGroup> groups, MessageSource messages, Locale locale) {
		for (InterestGroup group : groups) {
			this.groups.putIfAbsent(group.nameEn().toLowerCase(Locale.ROOT), group);
			this.groups.putIfAbsent(group.code(), group);
			this.groups.put(group.nameZh(), group);
		}
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * Reads the roster, handing its valid rows on in batches as it goes, so that they can
	 * be written while the rest of the file is read.
	 * @param batches takes each batch of valid rows, in the file's order
	 * @return the roster's counts and problems, once the whole file is read
	 * @throws InvalidInput for a problem of the whole file: an empty sheet, a missing or
	 * doubled required column, too many rows
	 * @throws UploadRejected when the file is not a workbook after all
	 */
	ParsedRoster read(Path file, Consumer<RosterBatch> batches) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
				Stream<Row> stream = workbook.getFirstSheet().openStream()) {
			return read(stream.iterator(), batches);
		}
		catch (ExcelReaderException ex) {
			throw UploadRejected.wrongType("upload.corrupt");
		}
	}

	private ParsedRoster read(Iterator<Row> rows, Consumer<RosterBatch> batches) {
		Header header = null;
		Parse parse = new Parse(batches);
		while (rows.hasNext()) {
			Row row = rows.next();
			String[] cells = texts(row);
			if (isEmpty(cells)) {
				continue;
			}
			if (header == null) {
				header = header(row.getRowNum(), cells, parse);
				continue;
			}
			parse.total++;
			if (parse.total > MAX_ROWS) {
				throw new InvalidInput("file", "import.rows.tooMany", MAX_ROWS);
			}
			if (row.isHidden()) {
				parse.warnings.add(problem(row.getRowNum(), "", "", "import.row.hidden"));
			}
			parse.row(header, row.getRowNum(), cells);
		}
		if (header == null) {
			throw new InvalidInput("file", "import.sheet.empty");
		}
		if (parse.total == 0) {
			throw new InvalidInput("file", "import.sheet.noRows");
		}
		return parse.result(header);
	}

	private Header header(int row, String[] cells, Parse parse) {
		Map<RosterColumn, Integer> index = new EnumMap<>(RosterColumn.class);
		Map<RosterColumn, String> text = new EnumMap<>(RosterColumn.class);
		for (int i = 0; i < cells.length; i++) {
			String cell = cells[i];
			if (cell.isEmpty()) {
				continue;
			}
			Optional<RosterColumn> column = RosterColumn.match(cell);
			if (column.isEmpty()) {
				parse.warnings.add(problem(row, cell, cell, "import.column.unknown", cell));
			}
			else if (index.containsKey(column.get())) {
				throw new InvalidInput("file", "import.column.twice", text.get(column.get()), cell);
			}
			else {
				index.put(column.get(), i);
				text.put(column.get(), cell);
			}
		}
		for (RosterColumn column : RosterColumn.values()) {
			if (column.required() && !index.containsKey(column)) {
				throw new InvalidInput("file", "import.column.missing", column.header());
			}
		}
		return new Header(index, text);
	}

	private static String[] texts(Row row) {
		String[] texts = new String[row.getCellCount()];
		for (int i = 0; i < texts.length; i++) {
			texts[i] = XlsxText.of(row.getCell(i));
		}
		return texts;
	}

	private static boolean isEmpty(String[] cells) {
		for (String cell : cells) {
			if (!cell.isEmpty()) {
				return false;
			}
		}
		return true;
	}

	private ImportProblem problem(int row, String column, String value, String code, Object... args) {
		String shown = (value.length() > 100) ? value.substring(0, 100) + "…" : value;
		return new ImportProblem(row, column, shown, this.messages.getMessage(code, args, code, this.locale));
	}

	private record Header(Map<RosterColumn, Integer> index, Map<RosterColumn, String> text, Set<RosterColumn> columns) {

		Header(Map<RosterColumn, Integer> index, Map<RosterColumn, String> text) {
			this(index, text, Set.copyOf(index.keySet()));
		}

		String cell(String[] cells, RosterColumn column) {
			Integer i = this.index.get(column);
			return (i == null || i >= cells.length) ? "" : cells[i];
		}

		String name(RosterColumn column) {
			return this.text.getOrDefault(column, column.header());
		}

	}

	/**
	 * The state of one read: the batch of valid rows being filled, the problems so far,
	 * and where each ID number was first seen.
	 */
	private final class Parse {

		private final Consumer<RosterBatch> batches;

		int total;

		List<RosterRow> rows = new ArrayList<>(BATCH);

		final List<ImportProblem> errors = new ArrayList<>();

		final List<ImportProblem> warnings = new ArrayList<>();

		final Map<String, Integer> firstRowOfId = new HashMap<>();

		final Set<Integer> doubled = new HashSet<>();

		Parse(Consumer<RosterBatch> batches) {
			this.batches = batches;
		}

		void row(Header header, int number, String[] row) {
			int before = this.errors.size();
			PersonName name = required(header, number, row, RosterColumn.NAME, PersonName::parse);
			IdNumber id = required(header, number, row, RosterColumn.ID_NUMBER, IdNumber::parse);
			String phoneText = header.cell(row, RosterColumn.PHONE);
			Phone phone = phoneText.isEmpty() ? null
					: parsed(header, number, RosterColumn.PHONE, phoneText, Phone::parse);
			Set<String> codes = groups(header, number, row);
			PlacePath place = place(header, number, row);
			String formerUnit = limited(header, number, row, RosterColumn.FORMER_UNIT, MAX_FORMER_UNIT,
					"person.formerUnit.length");
			String notes = limited(header, number, row, RosterColumn.NOTES, MAX_NOTES, "person.notes.length");
			if (id != null) {
				Integer first = this.firstRowOfId.putIfAbsent(id.value(), number);
				if (first != null) {
					String shown = IdNumber.mask(id.value());
					fail(number, header.name(RosterColumn.ID_NUMBER), shown, "import.idNumber.twice", first);
					if (this.doubled.add(first)) {
						fail(first, header.name(RosterColumn.ID_NUMBER), shown, "import.idNumber.twice", number);
					}
				}
			}
			if (this.errors.size() == before && name != null && id != null) {
				this.rows.add(new RosterRow(number, name, id, phone, codes, place, formerUnit, notes));
				if (this.rows.size() == BATCH) {
					handOn(header);
				}
			}
		}

		private void handOn(Header header) {
			this.batches.accept(new RosterBatch(header.columns(), this.rows, this.errors.isEmpty()));
			this.rows = new ArrayList<>(BATCH);
		}

		private <T> @Nullable T required(Header header, int number, String[] row, RosterColumn column,
				Function<String, T> parse) {
			String text = header.cell(row, column);
			if (text.isEmpty()) {
				fail(number, header.name(column), "", "import.cell.required", header.name(column));
				return null;
			}
			return parsed(header, number, column, text, parse);
		}

		private <T> @Nullable T parsed(Header header, int row, RosterColumn column, String text,
				Function<String, T> parse) {
			try {
				return parse.apply(text);
			}
			catch (InvalidInput ex) {
				InvalidInput.Violation violation = ex.violations().get(0);
				fail(row, header.name(column), shown(column, text), violation.code(), violation.args());
				return null;
			}
		}

		private Set<String> groups(Header header, int number, String[] row) {
			Set<String> codes = new LinkedHashSet<>();
			for (String name : GroupNames.split(header.cell(row, RosterColumn.GROUPS))) {
				InterestGroup group = RosterReader.this.groups.get(name);
				if (group == null) {
					group = RosterReader.this.groups.get(name.toUpperCase(Locale.ROOT));
				}
				if (group == null) {
					group = RosterReader.this.groups.get(name.toLowerCase(Locale.ROOT));
				}
				if (group == null) {
					fail(number, header.name(RosterColumn.GROUPS), name, "import.group.unknown", name);
				}
				else if (!group.active()) {
					fail(number, header.name(RosterColumn.GROUPS), name, "import.group.inactive", name);
				}
				else {
					codes.add(group.code());
				}
			}
			return codes;
		}

		private @Nullable PlacePath place(Header header, int number, String[] row) {
			Map<RosterColumn, String> names = new EnumMap<>(RosterColumn.class);
			for (RosterColumn column : RosterColumn.PLACE) {
				String name = header.cell(row, column);
				if (name.length() > MAX_PLACE_NAME) {
					fail(number, header.name(column), name, "place.name.length");
					return null;
				}
				if (!name.isEmpty()) {
					names.put(column, name);
				}
			}
			if (names.isEmpty()) {
				return null;
			}
			List<String> missing = RosterColumn.PLACE.stream()
				.filter((column) -> column != RosterColumn.UNIT && !names.containsKey(column))
				.map(header::name)
				.toList();
			if (!missing.isEmpty()) {
				fail(number, missing.get(0), "", "import.place.incomplete", String.join("、", missing));
				return null;
			}
			return new PlacePath(names.get(RosterColumn.AREA), names.get(RosterColumn.GRID),
					names.get(RosterColumn.BUILDING), names.get(RosterColumn.UNIT), names.get(RosterColumn.ROOM));
		}

		private @Nullable String limited(Header header, int number, String[] row, RosterColumn column, int max,
				String code) {
			String text = header.cell(row, column);
			if (text.length() > max) {
				fail(number, header.name(column), text, code);
			}
			return text.isEmpty() ? null : text;
		}

		private void fail(int row, String column, String value, String code, Object... args) {
			this.errors.add(problem(row, column, value, code, args));
		}

		ParsedRoster result(Header header) {
			if (!this.rows.isEmpty()) {
				handOn(header);
			}
			this.errors.sort(Comparator.comparingInt(ImportProblem::row));
			return new ParsedRoster(this.total, header.columns(), this.errors, this.warnings, Set.copyOf(this.doubled));
		}

	}

	private static String shown(RosterColumn column, String text) {
		return switch (column) {
			case ID_NUMBER -> IdNumber.mask(text);
			case PHONE -> Phone.mask(text);
			default -> text;
		};
	}

}
