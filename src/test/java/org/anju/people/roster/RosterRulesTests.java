package org.anju.people.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.anju.platform.XlsxStream;
import org.anju.platform.XlsxText;
import org.anju.platform.XlsxUpload;
import org.anju.shared.IdNumberFixtures;
import org.anju.shared.InvalidInput;
import org.anju.shared.UploadRejected;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The rules of reading a roster that need no database: headers, cells, groups and the
 * file gate.
 */
class RosterRulesTests {

	private static final LocalDate FIRST_BIRTH_DAY = LocalDate.of(1950, 1, 1);

	@TempDir
	Path folder;

	@Test
	void headersAreFoundByNameForgivingSpacesWidthAndRequiredMarks() {
		assertThat(RosterColumn.match("姓名")).contains(RosterColumn.NAME);
		assertThat(RosterColumn.match(" 身份证号码 ")).contains(RosterColumn.ID_NUMBER);
		assertThat(RosterColumn.match("*身份证号")).contains(RosterColumn.ID_NUMBER);
		assertThat(RosterColumn.match("手 机 号")).contains(RosterColumn.PHONE);
		assertThat(RosterColumn.match("姓名（必填）")).contains(RosterColumn.NAME);
		assertThat(RosterColumn.match("房间号")).contains(RosterColumn.ROOM);
		assertThat(RosterColumn.match("血型")).isEmpty();
	}

	@Test
	void onlyNameAndIdNumberAreRequired() {
		assertThat(List.of(RosterColumn.values()).stream().filter(RosterColumn::required))
			.containsExactly(RosterColumn.NAME, RosterColumn.ID_NUMBER);
	}

	@Test
	void groupsAreSplitAtEveryUsualSeparatorButNotAtASlash() {
		assertThat(GroupNames.split("退休、协解")).containsExactly("退休", "协解");
		assertThat(GroupNames.split("退休,协解，离休;歇岗；在岗职工")).containsExactly("退休", "协解", "离休", "歇岗", "在岗职工");
		assertThat(GroupNames.split(" 家属/居民 ")).containsExactly("家属/居民");
		assertThat(GroupNames.split("退休、、退休")).containsExactly("退休");
		assertThat(GroupNames.split("")).isEmpty();
	}

	@Test
	void textIsTrimmedWidenedToAsciiAndRidOfInvisibleCharacters() {
		assertThat(XlsxText.clean("  １３８００１３８０００ ")).isEqualTo("13800138000");
		assertThat(XlsxText.clean("3\u3000栋")).isEqualTo("3 栋");
		assertThat(XlsxText.clean("\uFEFF张三\u200B")).isEqualTo("张三");
		assertThat(XlsxText.clean(null)).isEmpty();
	}

	@Test
	void numbersTypedIntoCellsReadAsTheirDigits() throws IOException {
		byte[] file = RosterFixtures.xlsx(List.of("手机号", "房号", "小数"),
				List.of(List.of(13800138000L, 301, 2.50), List.of(18012345678.0, 1201.0, 0.1)));
		Path path = this.folder.resolve("numbers.xlsx");
		Files.write(path, file);
		try (ReadableWorkbook workbook = new ReadableWorkbook(path.toFile())) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(XlsxText.of(rows.get(1).getCell(0))).isEqualTo("13800138000");
			assertThat(XlsxText.of(rows.get(1).getCell(1))).isEqualTo("301");
			assertThat(XlsxText.of(rows.get(1).getCell(2))).isEqualTo("2.5");
			assertThat(XlsxText.of(rows.get(2).getCell(0))).isEqualTo("18012345678");
			assertThat(XlsxText.of(rows.get(2).getCell(1))).isEqualTo("1201");
		}
	}

	@Test
	void exportedTextThatASpreadsheetWouldReadAsAFormulaGetsAnApostrophe() {
		assertThat(XlsxText.guarded("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(XlsxText.guarded("+86")).isEqualTo("'+86");
		assertThat(XlsxText.guarded("-1")).isEqualTo("'-1");
		assertThat(XlsxText.guarded("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(XlsxText.guarded("张三")).isEqualTo("张三");
	}

	@Test
	void aFileThatIsNotAZipIsRefusedWhateverItsName() throws IOException {
		Path path = this.folder.resolve("roster.xlsx");
		Files.writeString(path, "姓名,身份证号\n张三,11010519491231002X\n");
		assertThatExceptionOfType(UploadRejected.class).isThrownBy(() -> XlsxUpload.check(path))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("upload.notXlsx"))
			.satisfies((ex) -> assertThat(ex.tooLarge()).isFalse());
	}

	@Test
	void aZipThatIsNoWorkbookIsRefused() throws IOException {
		Path path = zip("other.xlsx", false, "readme.txt", "hello".getBytes());
		assertThatExceptionOfType(UploadRejected.class).isThrownBy(() -> XlsxUpload.check(path))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("upload.notXlsx"));
	}

	@Test
	void aWorkbookWithMacrosIsRefused() throws IOException {
		Path path = zip("macro.xlsx", true, "xl/vbaProject.bin", new byte[] { 1, 2, 3 });
		assertThatExceptionOfType(UploadRejected.class).isThrownBy(() -> XlsxUpload.check(path))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("upload.macro"));
	}

	@Test
	void aPartThatInflatesMoreThanAHundredfoldIsRefusedAsAZipBomb() throws IOException {
		Path path = zip("bomb.xlsx", true, "xl/worksheets/sheet1.xml", new byte[50 * 1024 * 1024]);
		assertThatExceptionOfType(UploadRejected.class).isThrownBy(() -> XlsxUpload.check(path))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("upload.zipBomb"));
	}

	@Test
	void anExecutableRenamedToXlsxIsRefused() throws IOException {
		for (byte[] head : List.of(new byte[] { 'M', 'Z', (byte) 0x90, 0 }, new byte[] { 0x7F, 'E', 'L', 'F' })) {
			Path path = this.folder.resolve("roster.xlsx");
			Files.write(path, Arrays.copyOf(head, 4096));
			assertThatExceptionOfType(UploadRejected.class).isThrownBy(() -> XlsxUpload.check(path))
				.satisfies((ex) -> assertThat(ex.code()).isEqualTo("upload.notXlsx"));
		}
	}

	@Test
	void aMacroEnabledWorkbookIsRefusedByItsContentTypeEvenWithoutAMacroPart() throws IOException {
		Path path = zip("renamed.xlsm.xlsx", true, "[Content_Types].xml",
				"<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.ms-excel.sheet.macroEnabled.main+xml\"/></Types>"
					.getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(UploadRejected.class).isThrownBy(() -> XlsxUpload.check(path))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("upload.macro"));
	}

	@Test
	void aFileOverTheLimitIsRefusedBeforeAByteOfItIsRead() throws IOException {
		Path path = this.folder.resolve("huge.xlsx");
		// sparse: as large as the limit says, without writing 20 MB
		try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
			file.write(new byte[] { 'P', 'K', 3, 4 });
			file.setLength(XlsxUpload.MAX_BYTES + 1);
		}
		assertThatExceptionOfType(UploadRejected.class).isThrownBy(() -> XlsxUpload.check(path))
			.satisfies((ex) -> assertThat(ex.tooLarge()).isTrue());
	}

	/**
	 * A million rows, written streamed into target/: the gate lets the file through (it
	 * is a real workbook within the size limits), and the reader, which streams too,
	 * stops with a clear error at the row after the limit, having handed on no more than
	 * the limit, so memory stays flat.
	 */
	@Test
	void aSheetOfAMillionRowsIsRefusedAtTheLimitWithoutReadingItAll() throws IOException {
		Path folder = Files.createDirectories(Path.of("target/upload-attacks"));
		Path path = folder.resolve("million-rows.xlsx");
		try (OutputStream out = Files.newOutputStream(path)) {
			Workbook workbook = new Workbook(out, "test", "1.0");
			Worksheet sheet = workbook.newWorksheet("花名册");
			sheet.value(0, 0, "姓名");
			sheet.value(0, 1, "身份证号");
			String born = "";
			for (int r = 1; r <= 1_000_000; r++) {
				if (r % 1000 == 1) {
					born = "430602" + FIRST_BIRTH_DAY.plusDays(r / 1000).format(DateTimeFormatter.BASIC_ISO_DATE);
				}
				sheet.value(r, 0, "张三");
				sheet.value(r, 1, IdNumberFixtures.withCheck(born + String.valueOf(1000 + r % 1000).substring(1)));
				XlsxStream.flushAfter(sheet, r);
			}
			workbook.finish();
		}
		try {
			XlsxUpload.check(path);
			AtomicLong handedOn = new AtomicLong();
			RosterReader reader = new RosterReader(List.of(), new StaticMessageSource(), Locale.CHINA);
			assertThatExceptionOfType(InvalidInput.class)
				.isThrownBy(() -> reader.read(path, (batch) -> handedOn.addAndGet(batch.rows().size())))
				.satisfies((ex) -> assertThat(ex.violations().get(0).code()).isEqualTo("import.rows.tooMany"));
			assertThat(handedOn.get()).isLessThanOrEqualTo(RosterReader.MAX_ROWS);
		}
		finally {
			Files.deleteIfExists(path);
		}
	}

	@Test
	void anOrdinaryWorkbookPasses() throws IOException {
		Path path = this.folder.resolve("ok.xlsx");
		Files.write(path, RosterFixtures.xlsx(RosterFixtures.HEADERS, List.of()));
		XlsxUpload.check(path);
	}

	private Path zip(String name, boolean workbook, String entry, byte[] content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			if (workbook) {
				zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
				zip.write("<workbook/>".getBytes());
			}
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content);
		}
		Path path = this.folder.resolve(name);
		Files.write(path, bytes.toByteArray());
		return path;
	}

}
