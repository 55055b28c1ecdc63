package org.anju.people.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.anju.identity.CurrentUser;
import org.anju.people.PeopleQuery;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast 50,000 rows come in and go out, against a plain {@code COPY} of the same rows
 * as the baseline. Not part of the normal build: run it as docs/BENCHMARKS.md says.
 */
@Tag("benchmark")
// as Anju runs: durable, with fsync on
@SpringBootTest(
		properties = { "anju.embedded-db.data-dir=target/pg-roster-benchmark", "anju.embedded-db.durable=true" })
class RosterBenchmarkTests {

	private static final int ROWS = 50_000;

	private static final long HEAP_BUDGET = 256L * 1024 * 1024;

	private static final String[] GROUPS = { "退休", "在岗职工", "家属/居民", "协解", "内部退养", "退休、协解" };

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "曾", "单" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明",
			"超", "秀英", "建国", "桂兰", "志强" };

	@Autowired
	RosterImport imports;

	@Autowired
	RosterExport exports;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path folder;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void fiftyThousandRowsComeInWithinFiveSecondsAndGoOutWithinThree() throws Exception {
		CurrentUser admin = RosterFixtures.admin();
		SecurityContextHolder.getContext().setAuthentication(RosterFixtures.as(admin));
		List<List<Object>> rows = new java.util.ArrayList<>(ROWS);
		for (int i = 0; i < ROWS; i++) {
			int area = i % 6;
			int grid = i % 60;
			int building = i % 900;
			rows.add(List.of(SURNAMES[i % SURNAMES.length] + GIVEN[(i / 12) % GIVEN.length], RosterFixtures.idNumber(),
					13_000_000_000L + i, GROUPS[i % GROUPS.length], "片区" + area, "网格" + grid, building + "栋",
					(i % 2) + 1 + "单元", 101 + (i % 30), "长岭炼油厂", ""));
		}
		Path file = this.folder.resolve("50k.xlsx");
		write(file, rows);

		// Warm the code paths on a small file so that the figures are not class loading.
		Path small = this.folder.resolve("small.xlsx");
		write(small, rows.subList(0, 5_000).stream().map((row) -> {
			List<Object> copy = new java.util.ArrayList<>(row);
			copy.set(1, RosterFixtures.idNumber());
			copy.set(4, "热身片区");
			return (List<Object>) copy;
		}).toList());
		this.imports.run(admin, small, "small.xlsx", false);

		boolean statements = System.getProperty("anju.embedded-db.preload", "").contains("pg_stat_statements");
		if (statements) {
			this.jdbc.sql("create extension if not exists pg_stat_statements").update();
			this.jdbc.sql("select pg_stat_statements_reset()").query((rs) -> {
			});
		}
		Heap heap = Heap.watch();
		long rssBefore = Rss.resetPeak();
		Cpu cpu = Cpu.start();
		long start = System.nanoTime();
		ImportReport report = this.imports.run(admin, file, "50k.xlsx", false);
		long importMillis = (System.nanoTime() - start) / 1_000_000;
		Cpu importCpu = cpu.stop();
		String statementProfile = statements ? statementProfile() : "";
		long peakRss = Rss.peak();
		long extraHeap = heap.stop();
		long baseHeap = heap.base;
		assertThat(report.errors()).isEmpty();
		assertThat(report.created()).isEqualTo(ROWS);

		start = System.nanoTime();
		ImportReport again = this.imports.run(admin, file, "50k.xlsx", false);
		long reimportMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(again.unchanged()).isEqualTo(ROWS);

		long copyMillis = plainCopy(rows);

		CountingStream out = new CountingStream();
		start = System.nanoTime();
		long exported = this.exports.export(admin, PeopleQuery.everyone(), out);
		long exportMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(exported).isGreaterThanOrEqualTo(ROWS);
		long copyOutMillis = plainCopyOut();

		System.out.printf("%nRoster benchmark, %d rows (%d cores, max heap %d MB)%n", ROWS,
				Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1024 / 1024);
		System.out.printf("  import (new people)     %6d ms, peak extra heap %d MB over %d MB in use before%n",
				importMillis, extraHeap / 1024 / 1024, baseHeap / 1024 / 1024);
		System.out.printf(
				"  peak RSS of the JVM     %6d MB during the import (%d MB before; VmHWM, PostgreSQL not included)%n",
				peakRss / 1024, rssBefore / 1024);
		System.out.printf("  import CPU time         %6d ms in Anju's JVM, %d ms in the database%n",
				importCpu.jvmMillis, importCpu.databaseMillis);
		System.out.print(statementProfile);
		System.out.printf("  re-import (unchanged)   %6d ms%n", reimportMillis);
		System.out.printf("  baseline: plain COPY    %6d ms  (import / COPY = %.1f)%n", copyMillis,
				(double) importMillis / copyMillis);
		System.out.printf("  export %d rows       %6d ms, %d KB%n", exported, exportMillis, out.count.get() / 1024);
		System.out.printf("  baseline: COPY TO       %6d ms  (export / COPY TO = %.1f)%n%n", copyOutMillis,
				(double) exportMillis / Math.max(copyOutMillis, 1));
		assertThat(importMillis).isLessThanOrEqualTo(5_000);
		assertThat(exportMillis).isLessThanOrEqualTo(3_000);
		// The sampled peak counts garbage that a roomy heap has no reason to collect, so
		// it proves the heap budget only in a heap too small to hold more: the run with
		// -Dtest.heap=324m (the 70 MB in use before, plus the budget's 256 MB). That the
		// import completes there at all is the proof; the sample must agree with it.
		if (Runtime.getRuntime().maxMemory() <= baseHeap + HEAP_BUDGET) {
			assertThat(extraHeap).isLessThanOrEqualTo(HEAP_BUDGET);
		}
	}

	/**
	 * What the import asked of the database, statement by statement, when the run loads
	 * {@code pg_stat_statements} ({@code -Danju.embedded-db.preload=pg_stat_statements}).
	 */
	private String statementProfile() {
		StringBuilder profile = new StringBuilder("  the import's statements (pg_stat_statements, by time):\n");
		this.jdbc.sql("""
				select calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
				from pg_stat_statements order by total_exec_time desc limit 15
				""").query((rs) -> {
			profile.append(String.format("    %8.1f ms %6d calls %7d rows  %s%n", rs.getDouble(2), rs.getLong(1),
					rs.getLong(3), rs.getString(4)));
		});
		return profile.toString();
	}

	/**
	 * The least any import must do: the same rows, already parsed, copied into a table
	 * with the person table's columns but none of its indexes.
	 */
	private long plainCopy(List<List<Object>> rows) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		return transaction.execute((status) -> {
			try {
				Connection connection = org.springframework.jdbc.datasource.DataSourceUtils
					.getConnection(this.dataSource);
				connection.createStatement()
					.execute("create temp table copy_baseline (name text, id_number text, phone text, groups text,"
							+ " area text, grid text, building text, unit text, room text, former_unit text,"
							+ " notes text) on commit drop");
				long start = System.nanoTime();
				CopyRows copy = new CopyRows(
						connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy copy_baseline from stdin"));
				for (List<Object> row : rows) {
					CopyRows.Line line = new CopyRows.Line();
					for (Object value : row) {
						line.value(value);
					}
					copy.write(line.end());
				}
				copy.finish();
				long millis = (System.nanoTime() - start) / 1_000_000;
				status.setRollbackOnly();
				return millis;
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	/**
	 * The least any export must do: the same people's registry columns read out with a
	 * plain {@code COPY ... TO STDOUT}, with no xlsx, no masking and no lookups.
	 * @return the milliseconds it took
	 */
	private long plainCopyOut() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			long start = System.nanoTime();
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut("copy (select name, id_number, phone, area_id, grid_id, room_id, address, former_unit"
						+ " from person where community_id = 1) to stdout", new CountingStream());
			return (System.nanoTime() - start) / 1_000_000;
		}
	}

	private static void write(Path file, List<List<Object>> rows) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "benchmark", "1.0");
			Worksheet sheet = workbook.newWorksheet("花名册");
			for (int c = 0; c < RosterFixtures.HEADERS.size(); c++) {
				sheet.value(0, c, RosterFixtures.HEADERS.get(c));
			}
			for (int r = 0; r < rows.size(); r++) {
				List<Object> row = rows.get(r);
				for (int c = 0; c < row.size(); c++) {
					if (row.get(c) instanceof Number number) {
						sheet.value(r + 1, c, number);
					}
					else {
						sheet.value(r + 1, c, (String) row.get(c));
					}
				}
				if (r % 5000 == 0) {
					sheet.flush();
				}
			}
			workbook.finish();
		}
	}

	/**
	 * Samples the used heap while the import runs; the peak above the start is what the
	 * import cost.
	 */
	private static final class Heap {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong peak = new AtomicLong();

		private final long base;

		private final Thread sampler;

		private Heap() {
			System.gc();
			this.base = this.memory.getHeapMemoryUsage().getUsed();
			this.sampler = new Thread(() -> {
				while (this.running.get()) {
					this.peak.accumulateAndGet(this.memory.getHeapMemoryUsage().getUsed(), Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			this.sampler.setDaemon(true);
			this.sampler.start();
		}

		static Heap watch() {
			return new Heap();
		}

		long stop() throws InterruptedException {
			this.running.set(false);
			this.sampler.join();
			return Math.max(0, this.peak.get() - this.base);
		}

	}

	/**
	 * The resident set of this JVM, the app under test, from {@code /proc/self/status}:
	 * {@code VmHWM} is its peak since start or since the last reset through
	 * {@code clear_refs}.
	 */
	private static final class Rss {

		/**
		 * Starts a new peak.
		 * @return the resident set now, in KB
		 */
		static long resetPeak() throws IOException {
			Files.writeString(Path.of("/proc/self/clear_refs"), "5");
			return field("VmRSS");
		}

		/**
		 * @return the peak resident set since the last reset, in KB
		 */
		static long peak() throws IOException {
			return field("VmHWM");
		}

		private static long field(String name) throws IOException {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter((line) -> line.startsWith(name + ":"))
				.map((line) -> Long.parseLong(line.replaceAll("\\D", "")))
				.findFirst()
				.orElseThrow();
		}

	}

	/**
	 * The CPU time the import took, in this JVM and in all of the embedded database's
	 * processes: on a shared machine, what the wall-clock time of one run cannot show.
	 */
	private static final class Cpu {

		private static final Path DATA = Path.of("target/pg-roster-benchmark");

		private static final long TICK_MILLIS = 10;

		private final long jvm;

		private final long database;

		long jvmMillis;

		long databaseMillis;

		private Cpu(long jvm, long database) {
			this.jvm = jvm;
			this.database = database;
		}

		static Cpu start() throws IOException {
			return new Cpu(jvm(), database());
		}

		Cpu stop() throws IOException {
			Cpu used = new Cpu(0, 0);
			used.jvmMillis = (jvm() - this.jvm) / 1_000_000;
			used.databaseMillis = (database() - this.database) * TICK_MILLIS;
			return used;
		}

		private static long jvm() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		/**
		 * @return the clock ticks (of 10 ms) the postmaster and its children have used
		 */
		private static long database() throws IOException {
			String postmaster = Files.readAllLines(DATA.resolve("postmaster.pid")).get(0).strip();
			long ticks = 0;
			try (var processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.filter((p) -> p.getFileName().toString().matches("\\d+")).toList()) {
					String stat;
					try {
						stat = Files.readString(process.resolve("stat"));
					}
					catch (IOException ex) {
						continue;
					}
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					if (process.getFileName().toString().equals(postmaster) || fields[1].equals(postmaster)) {
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
			}
			return ticks;
		}

	}

	private static final class CountingStream extends OutputStream {

		final AtomicLong count = new AtomicLong();

		@Override
		public void write(int b) {
			this.count.incrementAndGet();
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count.addAndGet(len);
		}

	}

}
