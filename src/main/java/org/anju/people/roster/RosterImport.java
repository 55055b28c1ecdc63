package org.anju.people.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.DataScope;
import org.anju.people.InterestGroups;
import org.anju.people.Rosters;
import org.anju.places.Address;
import org.anju.places.PlaceManagement;
import org.anju.places.PlacePath;
import org.anju.places.PlaceTreeChange;
import org.anju.places.PlaceTreeChange.CreatedPlace;
import org.anju.platform.XlsxUpload;
import org.anju.shared.CommunityId;
import org.anju.shared.IdNumber;
import org.anju.shared.InvalidInput;
import org.anju.shared.UploadRejected;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a roster all or nothing. The file is checked at the gate, then read and checked
 * row by row on a thread of its own while, in one transaction, each batch of valid rows
 * has its places found or created, its people compared with the registry by ID number,
 * and the new and changed ones written by {@code COPY}; a batch is staged on a third
 * thread while the database files the batch before. Any error, or a dry run, rolls the
 * transaction back, so a preview reports exactly what a commit would do; once an error is
 * found, the rest of the file is only checked.
 */
@Service
class RosterImport implements Rosters {

	private static final Logger log = LoggerFactory.getLogger(RosterImport.class);

	/**
	 * From this many new or changed people on, an import refreshes the planner's
	 * statistics.
	 */
	static final int FRESH_STATISTICS = 1000;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final PlaceManagement places;

	private final InterestGroups groups;

	private final AuditTrail audit;

	private final ImportJobs jobs;

	private final MessageSource messages;

	private final ObjectMapper json;

	private final TaskExecutor background;

	RosterImport(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions,
			PlaceManagement places, InterestGroups groups, AuditTrail audit, ImportJobs jobs, MessageSource messages,
			ObjectMapper json, TaskExecutor applicationTaskExecutor) {
		this.background = applicationTaskExecutor;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactions);
		this.places = places;
		this.groups = groups;
		this.audit = audit;
		this.jobs = jobs;
		this.messages = messages;
		this.json = json;
	}

	@Override
	public RosterOutcome load(CurrentUser user, Path file, String fileName) throws IOException {
		ImportReport report = run(user, file, fileName, false);
		return new RosterOutcome(report.total(), report.created(), report.updated(), report.unchanged(),
				report.createdPlaces().size(),
				report.errors()
					.stream()
					.map((error) -> error.row() + " " + error.column() + ": " + error.message())
					.toList());
	}

	/**
	 * Checks a roster and, unless this is a dry run and when it has no errors, writes it.
	 * @param file the uploaded bytes; the caller deletes it
	 * @return the counts, the places created and every problem; with errors nothing was
	 * written
	 * @throws UploadRejected when the file is too large, not an xlsx, or unsafe
	 * @throws InvalidInput for a problem of the whole file, such as a missing column
	 */
	ImportReport run(CurrentUser user, Path file, String fileName, boolean dryRun) throws IOException {
		XlsxUpload.check(file);
		Long job = dryRun ? null : this.jobs.start(user, fileName);
		try {
			ImportReport report = read(user, file, fileName, dryRun, job);
			if (job != null) {
				this.jobs.finish(user, job, report.ok() ? ImportJobs.Outcome.COMMITTED : ImportJobs.Outcome.REJECTED,
						summary(report));
			}
			if (!dryRun && report.ok() && report.created() + report.updated() >= FRESH_STATISTICS) {
				refreshSearchIndexes();
			}
			return report;
		}
		catch (InvalidInput | UploadRejected ex) {
			if (job != null) {
				this.jobs.finish(user, job, ImportJobs.Outcome.REJECTED, Map.of("reason", ex.getMessage()));
			}
			throw ex;
		}
		catch (RuntimeException | IOException ex) {
			if (job != null) {
				this.jobs.finish(user, job, ImportJobs.Outcome.FAILED, Map.of("reason", ex.getClass().getSimpleName()));
			}
			throw ex;
		}
	}

	private ImportReport read(CurrentUser user, Path file, String fileName, boolean dryRun, @Nullable Long job)
			throws IOException {
		RosterReader reader = new RosterReader(this.groups.all(user.community()), this.messages,
				LocaleContextHolder.getLocale());
		try (ReadAhead roster = ReadAhead.start(reader, file)) {
			return Objects.requireNonNull(this.transactions.execute((status) -> {
				ImportReport result = apply(user, roster, dryRun, job, fileName);
				if (dryRun || !result.ok()) {
					status.setRollbackOnly();
				}
				return result;
			}));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private ImportReport apply(CurrentUser user, ReadAhead roster, boolean dryRun, @Nullable Long job,
			String fileName) {
		if (job != null) {
			this.jobs.hold(job);
		}
		ExecutorService stager = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "roster-stager");
			thread.setDaemon(true);
			return thread;
		});
		Intake intake = new Intake(user,
				dryRun ? null
						: new RegistryCopy(this.jdbc, this.dataSource, this.json, user.community(), user.username()),
				stager);
		try {
			for (RosterBatch batch = roster.next(); batch != null; batch = roster.next()) {
				intake.take(batch);
			}
			intake.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			stager.shutdownNow();
		}
		ImportReport report = intake.report(roster.result());
		if (dryRun || !report.ok()) {
			return report;
		}
		Map<String, Object> detail = new LinkedHashMap<>(summary(report));
		detail.put("file", fileName);
		this.audit.record(user.community(), "ROSTER_IMPORTED", "IMPORT_JOB", Objects.requireNonNull(job), detail);
		this.jobs.committing(user, job);
		return report;
	}

	/**
	 * Until autovacuum's next round, the planner would plan searches on the registry as
	 * it was before a large import, and every search would read the new rows' entries one
	 * by one from the search indexes' pending lists.
	 */
	private void refreshSearchIndexes() {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					RosterImport.this.background.execute(RosterImport.this::vacuum);
				}
			});
		}
		else {
			this.background.execute(this::vacuum);
		}
	}

	/**
	 * Only VACUUM brings the GIN indexes' own statistics up to date; without it the
	 * planner costs them as the empty indexes they were and scans the whole table
	 * instead.
	 */
	private void vacuum() {
		try {
			this.jdbc.sql("vacuum (analyze) person, person_group").update();
		}
		catch (DataAccessException ex) {
			log.warn("Could not vacuum the registry after an import; autovacuum will: {}", ex.getMessage());
		}
	}

	private ImportProblem problem(int row, String column, String value, String code, Locale locale) {
		return new ImportProblem(row, column, value, this.messages.getMessage(code, null, code, locale));
	}

	private static Map<String, Object> summary(ImportReport report) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("total", report.total());
		summary.put("created", report.created());
		summary.put("updated", report.updated());
		summary.put("unchanged", report.unchanged());
		summary.put("createdPlaces", report.createdPlaces().size());
		summary.put("errors", report.errors().size());
		return summary;
	}

	/**
	 * One import's way through the roster, batch by batch: the places so far, the counts,
	 * and the problems only the registry reveals.
	 */
	private final class Intake {

		private final CommunityId community;

		private final DataScope scope;

		private final Locale locale = LocaleContextHolder.getLocale();

		private final @Nullable RegistryCopy registry;

		private final ExecutorService stager;

		private final Map<PlacePath, Address> addresses = new HashMap<>();

		private final List<CreatedPlace> createdPlaces = new ArrayList<>();

		private final List<ImportProblem> errors = new ArrayList<>();

		/** The rows counted as created, updated and unchanged, by their row number. */
		private final BitSet created = new BitSet();

		private final BitSet updated = new BitSet();

		private final BitSet unchanged = new BitSet();

		private boolean writing;

		Intake(CurrentUser user, @Nullable RegistryCopy registry, ExecutorService stager) {
			this.stager = stager;
			this.community = user.community();
			this.scope = user.scope();
			this.registry = registry;
			this.writing = registry != null;
		}

		/**
		 * Takes a batch in while the database files the batch before: this batch's
		 * places, known people and new IDs come from the database first, then it is
		 * staged on the stager's thread while this thread files the batch copied before,
		 * and then it is copied.
		 */
		void take(RosterBatch batch) {
			ensurePlaces(batch.rows());
			Map<String, KnownPerson> known = known(batch.rows());
			boolean write = this.writing;
			long[] fresh = (write && this.registry != null) ? this.registry.freshIds(
					(int) batch.rows().stream().filter((row) -> !known.containsKey(row.idNumber().value())).count())
					: new long[0];
			Future<RegistryCopy.@Nullable Batch> staging = this.stager.submit(() -> stage(batch, known, write, fresh));
			if (this.registry != null) {
				this.registry.applyCopied();
			}
			RegistryCopy.Batch staged = await(staging);
			// After the first error nothing will be kept, so nothing more is written.
			this.writing &= batch.clean() && this.errors.isEmpty();
			if (this.writing && staged != null) {
				Objects.requireNonNull(this.registry).copy(staged);
			}
		}

		/**
		 * Files the last batch.
		 */
		void finish() {
			if (this.registry != null) {
				this.registry.applyCopied();
			}
		}

		/**
		 * Compares a batch's rows with what the registry knows and counts them; runs on
		 * the stager's thread, never at the same time as {@link #take} reads the counts.
		 * @return the rows to write, or {@literal null} when there are none or nothing is
		 * written any more
		 */
		private RegistryCopy.@Nullable Batch stage(RosterBatch batch, Map<String, KnownPerson> known, boolean write,
				long[] fresh) {
			List<StagedPerson> staged = new ArrayList<>();
			for (RosterRow row : batch.rows()) {
				Address place = (row.place() != null) ? this.addresses.get(row.place()) : null;
				KnownPerson before = known.get(row.idNumber().value());
				if (!this.scope.wholeCommunity()) {
					if (before != null && !this.scope.covers(before.gridId())) {
						this.errors.add(problem(row.row(), RosterColumn.ID_NUMBER.header(),
								IdNumber.mask(row.idNumber().value()), "import.person.outOfScope", this.locale));
						continue;
					}
					if (place != null && !this.scope.covers(place.gridId())) {
						this.errors.add(problem(row.row(), RosterColumn.GRID.header(), row.place().grid(),
								"import.place.outOfScope", this.locale));
						continue;
					}
				}
				StagedPerson person = StagedPerson.of(row, before, batch, place);
				if (person.created()) {
					this.created.set(row.row());
				}
				else if (person.unchanged()) {
					this.unchanged.set(row.row());
					continue;
				}
				else {
					this.updated.set(row.row());
				}
				staged.add(person);
			}
			boolean clean = write && batch.clean() && this.errors.isEmpty();
			return (clean && !staged.isEmpty()) ? Objects.requireNonNull(this.registry).stage(staged, fresh) : null;
		}

		private static RegistryCopy.@Nullable Batch await(Future<RegistryCopy.@Nullable Batch> staging) {
			try {
				return staging.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while staging a roster batch", ex);
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof RuntimeException cause) {
					throw cause;
				}
				throw new IllegalStateException("Staging a roster batch failed", ex.getCause());
			}
		}

		/**
		 * Finds or creates the places of the rows that earlier batches did not have.
		 */
		private void ensurePlaces(List<RosterRow> rows) {
			Set<PlacePath> paths = new LinkedHashSet<>();
			rows.stream()
				.map(RosterRow::place)
				.filter((path) -> path != null && !this.addresses.containsKey(path))
				.forEach(paths::add);
			if (!paths.isEmpty()) {
				PlaceTreeChange tree = RosterImport.this.places.ensurePaths(this.community, paths);
				this.addresses.putAll(tree.addresses());
				this.createdPlaces.addAll(tree.created());
			}
		}

		private Map<String, KnownPerson> known(List<RosterRow> rows) {
			Map<String, KnownPerson> known = new HashMap<>();
			RosterImport.this.jdbc
				.sql(KnownPerson.SELECT + " where p.community_id = :c and p.id_number = any(cast(:ids as text[]))")
				.param("c", this.community.value())
				.param("ids", rows.stream().map((row) -> row.idNumber().value()).toArray(String[]::new))
				.query(KnownPerson::read)
				.list()
				.forEach((person) -> known.put(person.idNumber(), person));
			return known;
		}

		/**
		 * The first row of an ID number that comes again was taken as valid when it was
		 * read; it is an error after all, and counts for nothing else.
		 */
		ImportReport report(ParsedRoster roster) {
			for (int row : roster.doubled()) {
				this.created.clear(row);
				this.updated.clear(row);
				this.unchanged.clear(row);
			}
			List<ImportProblem> all = new ArrayList<>(roster.errors());
			this.errors.stream().filter((error) -> !roster.doubled().contains(error.row())).forEach(all::add);
			all.sort(Comparator.comparingInt(ImportProblem::row));
			return new ImportReport(roster.total(), this.created.cardinality(), this.updated.cardinality(),
					this.unchanged.cardinality(), this.createdPlaces, roster.warnings(), all);
		}

	}

}
