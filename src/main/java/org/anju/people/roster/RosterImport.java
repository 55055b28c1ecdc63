package org.anju.people.roster;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.DataScope;
import org.anju.people.Rosters;
import org.anju.people.InterestGroups;
import org.anju.people.PinyinIndex;
import org.anju.places.Address;
import org.anju.places.PlaceManagement;
import org.anju.places.PlacePath;
import org.anju.places.PlaceTreeChange;
import org.anju.platform.XlsxUpload;
import org.anju.shared.CommunityId;
import org.anju.shared.IdNumber;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.anju.shared.UploadRejected;
import org.postgresql.PGConnection;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a roster all or nothing. The file is checked at the gate, read and checked row
 * by row, and then, in one transaction, its places are found or created, its people
 * compared with the registry by ID number, and the new and changed ones brought in by
 * {@code COPY} into a staging table and a few set-based statements. Any error, or a dry
 * run, rolls the transaction back, so a preview reports exactly what a commit would do.
 */
@Service
class RosterImport implements Rosters {

	private static final String STAGE = """
			create temp table roster_stage (
			  row_no int not null, person_id bigint not null, version bigint, name text not null, id_number text not null,
			  id_last4 text not null, gender text not null, birth_date date not null, phone text, phone_last4 text,
			  room_id bigint, area_id bigint, grid_id bigint, address text, former_unit text, notes text,
			  group_codes text[] not null, groups_changed boolean not null, pinyin_keys text[] not null,
			  pinyin_text text not null, sort_key text not null, registered jsonb, moved jsonb, edited jsonb
			) on commit drop
			""";

	/** Rows staged at a time: enough to keep both cores busy, few enough to hold. */
	private static final int COPY_BATCH = 2_000;

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
			Locale locale = LocaleContextHolder.getLocale();
			ParsedRoster roster = new RosterReader(this.groups.all(user.community()), this.messages, locale).read(file);
			ImportReport report = this.transactions.execute((status) -> {
				ImportReport result = apply(user, roster, dryRun, job, fileName);
				if (dryRun || !result.ok()) {
					status.setRollbackOnly();
				}
				return result;
			});
			Objects.requireNonNull(report);
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

	private ImportReport apply(CurrentUser user, ParsedRoster roster, boolean dryRun,
			@org.jspecify.annotations.Nullable Long job, String fileName) {
		CommunityId community = user.community();
		Set<PlacePath> paths = new LinkedHashSet<>();
		roster.rows().stream().map(RosterRow::place).filter(Objects::nonNull).forEach(paths::add);
		PlaceTreeChange tree = paths.isEmpty() ? new PlaceTreeChange(Map.of(), List.of())
				: this.places.ensurePaths(community, paths);
		Map<String, KnownPerson> known = known(community, roster.rows());
		DataScope scope = user.scope();
		List<ImportProblem> errors = new ArrayList<>(roster.errors());
		List<StagedPerson> staged = new ArrayList<>();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		Locale locale = LocaleContextHolder.getLocale();
		for (RosterRow row : roster.rows()) {
			Address place = (row.place() != null) ? tree.addresses().get(row.place()) : null;
			KnownPerson before = known.get(row.idNumber().value());
			if (!scope.wholeCommunity()) {
				if (before != null && !scope.covers(before.gridId())) {
					errors.add(problem(row.row(), RosterColumn.ID_NUMBER.header(),
							IdNumber.mask(row.idNumber().value()), "import.person.outOfScope", locale));
					continue;
				}
				if (place != null && !scope.covers(place.gridId())) {
					errors.add(problem(row.row(), RosterColumn.GRID.header(), row.place().grid(),
							"import.place.outOfScope", locale));
					continue;
				}
			}
			StagedPerson person = StagedPerson.of(row, before, roster, place);
			if (person.created()) {
				created++;
			}
			else if (person.unchanged()) {
				unchanged++;
				continue;
			}
			else {
				updated++;
			}
			staged.add(person);
		}
		errors.sort(Comparator.comparingInt(ImportProblem::row));
		ImportReport report = new ImportReport(roster.total(), created, updated, unchanged, tree.created(),
				roster.warnings(), errors);
		if (dryRun || !report.ok()) {
			return report;
		}
		write(community, user.username(), staged);
		Map<String, Object> detail = new LinkedHashMap<>(summary(report));
		detail.put("file", fileName);
		this.audit.record(community, "ROSTER_IMPORTED", "IMPORT_JOB", Objects.requireNonNull(job), detail);
		return report;
	}

	private Map<String, KnownPerson> known(CommunityId community, List<RosterRow> rows) {
		Map<String, KnownPerson> known = new HashMap<>();
		if (rows.isEmpty()) {
			return known;
		}
		this.jdbc.sql(KnownPerson.SELECT + " where p.community_id = :c and p.id_number = any(cast(:ids as text[]))")
			.param("c", community.value())
			.param("ids", rows.stream().map((row) -> row.idNumber().value()).toArray(String[]::new))
			.query(KnownPerson::read)
			.list()
			.forEach((person) -> known.put(person.idNumber(), person));
		return known;
	}

	private void write(CommunityId community, String actor, List<StagedPerson> staged) {
		if (staged.isEmpty()) {
			return;
		}
		this.jdbc.sql(STAGE).update();
		copy(staged, personIds(staged));
		long expected = staged.stream().filter((person) -> !person.created()).count();
		if (expected > 0) {
			update(community, expected);
		}
		if (expected < staged.size()) {
			insert(community);
		}
		if (expected > 0) {
			this.jdbc
				.sql("""
						delete from person_group g using roster_stage s
						where g.community_id = :c and g.person_id = s.person_id and s.groups_changed and s.registered is null
						""")
				.param("c", community.value())
				.update();
		}
		this.jdbc.sql("""
				insert into person_group (community_id, person_id, group_code)
				select :c, s.person_id, unnest(s.group_codes) from roster_stage s where s.groups_changed
				""").param("c", community.value()).update();
		this.jdbc.sql("""
				insert into person_history (community_id, person_id, actor, kind, changes)
				select :c, s.person_id, :actor, h.kind, h.changes
				from roster_stage s
				cross join lateral (values ('IMPORTED', s.registered), ('MOVED', s.moved), ('EDITED', s.edited))
				  as h(kind, changes)
				where h.changes is not null
				order by s.row_no
				""").param("c", community.value()).param("actor", actor).update();
	}

	private void update(CommunityId community, long expected) {
		int changed = this.jdbc.sql("""
				update person p set name = s.name, phone = s.phone, phone_last4 = s.phone_last4, room_id = s.room_id,
				       area_id = s.area_id, grid_id = s.grid_id, address = s.address,
				       household_id = case when s.room_id is not distinct from p.room_id then p.household_id end,
				       former_unit = s.former_unit, notes = s.notes, pinyin_keys = s.pinyin_keys,
				       pinyin_text = s.pinyin_text, sort_key = s.sort_key, version = p.version + 1, updated_at = now()
				from roster_stage s
				where p.community_id = :c and s.registered is null and p.id = s.person_id and p.version = s.version
				""").param("c", community.value()).update();
		if (changed != expected) {
			throw new Refused("import.changedMeanwhile");
		}
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

	private void insert(CommunityId community) {
		// New entries go to the GIN indexes' pending lists rather than into their trees
		// one by
		// one; the vacuum that follows a large import merges them in bulk.
		this.jdbc.sql("set local gin_pending_list_limit = '64MB'").update();
		try {
			this.jdbc
				.sql("""
						insert into person (community_id, id, name, id_number, id_last4, gender, birth_date, phone, phone_last4,
						                    room_id, area_id, grid_id, address, former_unit, notes, pinyin_keys, pinyin_text,
						                    sort_key)
						overriding system value
						select :c, person_id, name, id_number, id_last4, gender, birth_date, phone, phone_last4, room_id,
						       area_id, grid_id, address, former_unit, notes, pinyin_keys, pinyin_text, sort_key
						from roster_stage where registered is not null order by row_no
						""")
				.param("c", community.value())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("import.changedMeanwhile");
		}
	}

	/**
	 * Takes the IDs of the people to be created from the person table's own sequence, so
	 * that their groups and history can be written straight from the staging table.
	 * @return each staged person's ID, in order
	 */
	private long[] personIds(List<StagedPerson> staged) {
		long created = staged.stream().filter(StagedPerson::created).count();
		Iterator<Long> fresh = this.jdbc
			.sql("select nextval(pg_get_serial_sequence('person', 'id')) from generate_series(1, :n)")
			.param("n", created)
			.query(Long.class)
			.list()
			.iterator();
		long[] ids = new long[staged.size()];
		for (int i = 0; i < ids.length; i++) {
			KnownPerson before = staged.get(i).before;
			ids[i] = (before != null) ? before.id() : fresh.next();
		}
		return ids;
	}

	private void copy(List<StagedPerson> staged, long[] personIds) {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			CopyRows out = new CopyRows(
					connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy roster_stage from stdin"));
			for (int from = 0; from < staged.size(); from += COPY_BATCH) {
				// Pinyin and JSON are most of the work: build a batch of lines on every
				// core, then write them in order, so that only one batch is held at a
				// time.
				List<byte[]> lines = IntStream.range(from, Math.min(from + COPY_BATCH, staged.size()))
					.parallel()
					.mapToObj((i) -> line(staged.get(i), personIds[i]))
					.toList();
				for (byte[] line : lines) {
					out.write(line);
				}
			}
			out.finish();
		}
		catch (SQLException ex) {
			throw new UncategorizedSQLException("copy roster_stage", null, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * @return the person's row of the staging table
	 */
	private byte[] line(StagedPerson person, long personId) {
		RosterRow row = person.row;
		IdNumber id = row.idNumber();
		PinyinIndex.Keys pinyin = PinyinIndex.of(row.name().value());
		KnownPerson before = person.before;
		return new CopyRows.Line().value(row.row())
			.value(personId)
			.value((before != null) ? before.version() : null)
			.value(row.name().value())
			.value(id.value())
			.value(id.lastFour())
			.value(id.gender().name())
			.value(id.birthDate())
			.value(person.phone)
			.value((person.phone != null) ? org.anju.shared.Phone.parse(person.phone).lastFour() : null)
			.value(person.roomId)
			.value(person.areaId)
			.value(person.gridId)
			.value(person.address)
			.value(person.formerUnit)
			.value(person.notes)
			.array(person.groupCodes)
			.value(person.groupsChanged() ? "t" : "f")
			.array(pinyin.keys())
			.value(pinyin.text())
			.value(pinyin.sortKey())
			.value(person.created() ? this.json.writeValueAsString(person.snapshot()) : null)
			.value(jsonOrNull(person.move()))
			.value(jsonOrNull(person.edits()))
			.end();
	}

	private @org.jspecify.annotations.Nullable String jsonOrNull(
			@org.jspecify.annotations.Nullable Map<String, Object> value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
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

}
