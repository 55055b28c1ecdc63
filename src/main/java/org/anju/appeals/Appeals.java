package org.anju.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anju.people.Person;
import org.anju.shared.CommunityId;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appeals and their timelines on PostgreSQL.
 */
@Repository
class Appeals {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final DataSource dataSource;

	/**
	 * Bound to a transaction that waits for its flush after it commits.
	 */
	private static final Object FLUSH_AFTER_COMMIT = new Object();

	Appeals(JdbcClient jdbc, ObjectMapper json, DataSource dataSource) {
		this.jdbc = jdbc;
		this.json = json;
		this.dataSource = dataSource;
	}

	Optional<AppealRow> find(CommunityId community, long id) {
		return this.jdbc.sql("select " + AppealRow.COLUMNS + " from appeal a where a.community_id = :c and a.id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(AppealRow::read)
			.optional();
	}

	List<AppealRow> findAll(CommunityId community, Collection<Long> ids) {
		return this.jdbc
			.sql("select " + AppealRow.COLUMNS + " from appeal a where a.community_id = :c and a.id = any(:ids)")
			.param("c", community.value())
			.param("ids", ids.toArray(Long[]::new))
			.query(AppealRow::read)
			.list();
	}

	/**
	 * The timeline steps that {@link #bindSteps} binds, one row each in their order, as
	 * {@code s(appeal_id, actor, action, from_state, to_state, note, detail, n)}.
	 */
	private static final String STEPS = """
			unnest(cast(:stepAppeals as bigint[]), cast(:actors as text[]), cast(:actions as text[]),
			       cast(:froms as text[]), cast(:tos as text[]), cast(:notes as text[]), cast(:details as text[]))
			  with ordinality as s(appeal_id, actor, action, from_state, to_state, note, detail, n)""";

	/**
	 * Moves the counters of the community's years by as many numbers as a CTE
	 * {@code counts(year, n)} asks for, for a CTE of its own that answers
	 * {@code (year, last_number)}: a year's numbers taken are {@code last_number - n + 1}
	 * to {@code last_number}.
	 */
	static final String TAKE_NUMBERS = """
			insert into appeal_number (community_id, year, last_number)
			  select :c, year, n from counts
			  on conflict (community_id, year) do update set last_number = appeal_number.last_number + excluded.last_number
			  returning year, last_number""";

	/**
	 * New appeals of one community and their first timeline entries, in one statement. An
	 * appeal without a number takes the next business number of the year of its receipt,
	 * such as {@code 2026-000123}, in the order given: each year's counter moves once, by
	 * as many numbers as it hands out. Numbers are gapless: the counter rows stay locked
	 * until the transaction commits, and a rollback returns the numbers. Every other
	 * intake of the community waits for the lock meanwhile, so write appeals as late in
	 * the transaction as possible. The timeline's key to the appeal is checked at the
	 * statement's end.
	 */
	private static final String INSERT = """
			with r as (
			  select r.*, row_number() over (partition by r.year, r.number is null order by r.i) as nth
			  from unnest(cast(:ids as bigint[]), cast(:numbers as text[]), cast(:years as int[]),
			              cast(:states as text[]), cast(:channels as text[]), cast(:categories as text[]),
			              cast(:persons as bigint[]), cast(:personNames as text[]), cast(:groups as text[]),
			              cast(:callerNames as text[]), cast(:callerPhones as text[]), cast(:titles as text[]),
			              cast(:descriptions as text[]), cast(:places as bigint[]), cast(:areas as bigint[]),
			              cast(:grids as bigint[]), cast(:peopleCounts as int[]), cast(:escalated as boolean[]),
			              cast(:confidential as boolean[]), cast(:flags as text[]), cast(:repeatOfs as bigint[]),
			              cast(:departments as text[]), cast(:assignees as bigint[]), cast(:versions as bigint[]),
			              cast(:receivedAts as timestamptz[]), cast(:dueAts as timestamptz[]),
			              cast(:warnAts as timestamptz[]), cast(:resolvedAts as timestamptz[]),
			              cast(:replies as text[]), cast(:onTimes as boolean[]), cast(:satisfactions as text[]),
			              cast(:closedAts as timestamptz[]), cast(:createdBys as text[]))
			    with ordinality as r(id, number, year, state, channel, category_code, person_id, person_name,
			                         person_groups, caller_name, caller_phone, title, description, place_id,
			                         area_id, grid_id, people_count, escalated, confidential, flags, repeat_of,
			                         department_code, assignee_id, version, received_at, due_at, warn_at,
			                         resolved_at, reply, resolved_on_time, satisfaction, closed_at, created_by, i)
			), counts as (
			  select year, count(*)::int as n from r where number is null group by year
			), next as (
			  %s
			), a as (
			  insert into appeal (community_id, id, number, state, channel, category_code, person_id, person_name,
			                      person_groups, caller_name, caller_phone, title, description, place_id, area_id,
			                      grid_id, people_count, escalated, confidential, flags, repeat_of, department_code,
			                      assignee_id, version, received_at, due_at, warn_at, resolved_at, reply,
			                      resolved_on_time, satisfaction, closed_at, created_by)
			  overriding system value
			  select :c, r.id,
			         coalesce(r.number, r.year || '-' || lpad((next.last_number - counts.n + r.nth)::text,
			                                                  greatest(6, length((next.last_number - counts.n + r.nth)::text)), '0')),
			         r.state, r.channel, r.category_code, r.person_id, r.person_name, cast(r.person_groups as text[]),
			         r.caller_name, r.caller_phone, r.title, r.description, r.place_id, r.area_id, r.grid_id,
			         r.people_count, r.escalated, r.confidential, cast(r.flags as text[]), r.repeat_of,
			         r.department_code, r.assignee_id, r.version, r.received_at, r.due_at, r.warn_at, r.resolved_at,
			         r.reply, r.resolved_on_time, r.satisfaction, r.closed_at, r.created_by
			  from r left join (next join counts using (year)) on r.number is null and next.year = r.year
			  order by r.i
			  returning id, number
			), steps as (
			  insert into appeal_timeline (community_id, appeal_id, actor, action, from_state, to_state, note, detail)
			  select :c, s.appeal_id, s.actor, s.action, s.from_state, s.to_state, s.note, cast(s.detail as jsonb)
			  from %s
			  order by s.n
			  returning id, appeal_id, at
			)
			select a.id, a.number, steps.id as step_id, steps.at,
			       set_config('synchronous_commit', 'off', true) as without_flush_wait
			from steps join a on a.id = steps.appeal_id order by steps.id
			"""
		.formatted(TAKE_NUMBERS, STEPS);

	/**
	 * Later steps of an appeal, in one statement, answered in their order.
	 */
	private static final String APPEND = """
			with steps as (
			  insert into appeal_timeline (community_id, appeal_id, actor, action, from_state, to_state, note, detail)
			  select :c, s.appeal_id, s.actor, s.action, s.from_state, s.to_state, s.note, cast(s.detail as jsonb)
			  from %s
			  order by s.n
			  returning id, at
			)
			select id, at from steps order by id
			""".formatted(STEPS);

	/**
	 * Takes the ids of appeals that {@link #insert} will write, so that whatever needs an
	 * id can be written before the numbers are taken.
	 */
	List<Long> newIds(int count) {
		return this.jdbc.sql("select nextval(pg_get_serial_sequence('appeal', 'id')) from generate_series(1, :count)")
			.param("count", count)
			.query(Long.class)
			.list();
	}

	/**
	 * Writes new appeals of one community, each under the id {@link #newIds} gave, with
	 * the number it brings or, without one, the next business number of the year of its
	 * receipt, and their first timeline entries, all in one statement; then their
	 * co-signers. From here until the commit every other intake of the community waits
	 * for the numbers, so the caller should write only what needs a number after this.
	 * <p>
	 * An appeal is written once, numbered: one written first and numbered after would be
	 * written twice, each time into every one of the appeal table's indexes, since the
	 * number is one of the indexed columns.
	 * <p>
	 * The lock is not held while the commit waits for the disk: were it, intake could go
	 * no faster than one disk flush per transaction. The transaction commits without
	 * waiting for its flush and, before anyone is answered, waits for a flush in a
	 * second, tiny commit on the same connection. PostgreSQL flushes its log in order, so
	 * that flush covers this commit; and a crash before it loses only the newest numbers,
	 * all of them unanswered, never one in the middle.
	 * @return each appeal's id and number, and its timeline as written, in the order
	 * given
	 */
	List<Inserted> insert(CommunityId community, List<Insert> appeals) {
		awaitFlushAfterCommit();
		List<NewRow> rows = appeals.stream().map(Insert::row).toList();
		List<Entry> steps = new ArrayList<>();
		List<Long> stepAppeals = new ArrayList<>();
		for (Insert appeal : appeals) {
			steps.addAll(appeal.steps());
			appeal.steps().forEach((step) -> stepAppeals.add(appeal.id()));
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(INSERT)
			.param("c", community.value())
			.param("ids", appeals.stream().map(Insert::id).toArray(Long[]::new))
			.param("numbers", column(rows, NewRow::number))
			.param("years",
					rows.stream()
						.map((row) -> row.receivedAt().atZone(AppealRow.SHANGHAI).getYear())
						.toArray(Integer[]::new))
			.param("states", column(rows, (row) -> row.state().name()))
			.param("channels", column(rows, (row) -> row.channel().name()))
			.param("categories", column(rows, NewRow::categoryCode))
			.param("persons",
					rows.stream().map((row) -> (row.person() != null) ? row.person().id() : null).toArray(Long[]::new))
			.param("personNames", column(rows, (row) -> (row.person() != null) ? row.person().name() : null))
			.param("groups",
					column(rows,
							(row) -> arrayLiteral((row.person() != null)
									? row.person().groups().stream().map(Person.GroupRef::code).toList() : List.of())))
			.param("callerNames", column(rows, NewRow::callerName))
			.param("callerPhones", column(rows, NewRow::callerPhone))
			.param("titles", column(rows, NewRow::title))
			.param("descriptions", column(rows, NewRow::description))
			.param("places", rows.stream().map(NewRow::placeId).toArray(Long[]::new))
			.param("areas", rows.stream().map(NewRow::areaId).toArray(Long[]::new))
			.param("grids", rows.stream().map(NewRow::gridId).toArray(Long[]::new))
			.param("peopleCounts", rows.stream().map(NewRow::peopleCount).toArray(Integer[]::new))
			.param("escalated",
					rows.stream().map((row) -> row.flags().contains(AppealFlag.ESCALATED)).toArray(Boolean[]::new))
			.param("confidential",
					rows.stream().map((row) -> row.flags().contains(AppealFlag.CONFIDENTIAL)).toArray(Boolean[]::new))
			.param("flags", column(rows, (row) -> arrayLiteral(row.flags().stream().map(Enum::name).sorted().toList())))
			.param("repeatOfs", rows.stream().map(NewRow::repeatOf).toArray(Long[]::new))
			.param("departments", column(rows, NewRow::departmentCode))
			.param("assignees", rows.stream().map(NewRow::assigneeId).toArray(Long[]::new))
			.param("versions", rows.stream().map(NewRow::version).toArray(Long[]::new))
			.param("receivedAts", column(rows, (row) -> row.receivedAt().toString()))
			.param("dueAts", column(rows, (row) -> row.clocks().dueAt().toString()))
			.param("warnAts", column(rows, (row) -> row.clocks().warnAt().toString()))
			.param("resolvedAts", column(rows, (row) -> instant(row.resolvedAt())))
			.param("replies", column(rows, NewRow::reply))
			.param("onTimes", rows.stream().map(NewRow::resolvedOnTime).toArray(Boolean[]::new))
			.param("satisfactions",
					column(rows, (row) -> (row.satisfaction() != null) ? row.satisfaction().name() : null))
			.param("closedAts", column(rows, (row) -> instant(row.closedAt())))
			.param("createdBys", column(rows, NewRow::createdBy));
		List<TimelineRow> written = bindSteps(statement, steps, stepAppeals)
			.query((rs, n) -> new TimelineRow(rs.getLong("id"), rs.getString("number"),
					written(steps.get(n), rs.getLong("step_id"), rs.getTimestamp("at").toInstant())))
			.list();
		Map<Long, String> numbers = new HashMap<>();
		Map<Long, List<AppealView.TimelineEntry>> timelines = new HashMap<>();
		for (TimelineRow row : written) {
			numbers.put(row.id(), row.number());
			timelines.computeIfAbsent(row.id(), (id) -> new ArrayList<>()).add(row.entry());
		}
		List<Long[]> coSigners = appeals.stream()
			.flatMap(
					(appeal) -> appeal.row().coSignerIds().stream().map((person) -> new Long[] { appeal.id(), person }))
			.toList();
		if (!coSigners.isEmpty()) {
			this.jdbc.sql("""
					insert into appeal_co_signer (community_id, appeal_id, person_id)
					select :c, a, p from unnest(cast(:appeals as bigint[]), cast(:persons as bigint[])) as x(a, p)
					""")
				.param("c", community.value())
				.param("appeals", coSigners.stream().map((pair) -> pair[0]).toArray(Long[]::new))
				.param("persons", coSigners.stream().map((pair) -> pair[1]).toArray(Long[]::new))
				.update();
		}
		return appeals.stream()
			.map((appeal) -> new Inserted(appeal.id(), numbers.get(appeal.id()), timelines.get(appeal.id())))
			.toList();
	}

	/**
	 * Waits, once the current transaction has committed, for its commit to reach the
	 * disk, once however many appeals it writes.
	 */
	private void awaitFlushAfterCommit() {
		if (TransactionSynchronizationManager.hasResource(FLUSH_AFTER_COMMIT)) {
			return;
		}
		TransactionSynchronizationManager.bindResource(FLUSH_AFTER_COMMIT, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				awaitFlush();
			}

			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResource(FLUSH_AFTER_COMMIT);
			}

		});
	}

	/**
	 * Commits a transaction that has a transaction ID, so that its commit record must be
	 * flushed, with the default, synchronous commit. It runs on the connection the
	 * committed transaction used, which is still bound to this thread: a second
	 * connection from the pool could wait forever for one that every thread holds. The
	 * connection is switched to auto-commit, which the transaction manager restores
	 * anyway when it releases it, so that the statement and its commit are one round
	 * trip.
	 */
	private void awaitFlush() {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			statement.execute("select pg_current_xact_id()");
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("could not wait for the appeal's commit to be flushed", ex);
		}
	}

	/**
	 * Writes the changes an aggregate made, if nobody changed the appeal in between.
	 * @return the appeal's version now and the timeline entries of its steps
	 * @throws StaleVersion when the appeal is no longer at the version it was loaded with
	 */
	Saved save(CommunityId community, Appeal appeal, String actor) {
		int updated = this.jdbc
			.sql("""
					update appeal set state = :state, flags = :flags, department_code = :department, assignee_id = :assignee,
					       due_at = :due, warn_at = :warn, nearly_due_fired_at = :nearlyDueFired,
					       overdue_fired_at = :overdueFired, extension_days = :extensionDays,
					       extension_reason = :extensionReason, resolved_at = :resolvedAt, reply = :reply,
					       resolved_on_time = :onTime, satisfaction = :satisfaction, closed_at = :closedAt,
					       reopen_count = :reopenCount, version = version + 1, updated_at = now()
					where community_id = :c and id = :id and version = :version
					""")
			.param("state", appeal.state().name())
			.param("flags", appeal.flags().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("department", appeal.departmentCode())
			.param("assignee", appeal.assigneeId())
			.param("due", Timestamp.from(appeal.dueAt()))
			.param("warn", Timestamp.from(appeal.warnAt()))
			.param("nearlyDueFired", timestamp(appeal.nearlyDueFiredAt()))
			.param("overdueFired", timestamp(appeal.overdueFiredAt()))
			.param("extensionDays", appeal.pendingExtension())
			.param("extensionReason", appeal.extensionReason())
			.params(outcome(appeal.resolvedAt(), appeal.reply(), appeal.resolvedOnTime(), appeal.satisfaction(),
					appeal.closedAt()))
			.param("reopenCount", appeal.reopenCount())
			.param("c", community.value())
			.param("id", appeal.id())
			.param("version", appeal.version())
			.update();
		if (updated == 0) {
			long current = this.jdbc.sql("select version from appeal where community_id = :c and id = :id")
				.param("c", community.value())
				.param("id", appeal.id())
				.query(Long.class)
				.single();
			throw new StaleVersion(current);
		}
		List<Entry> steps = appeal.steps().stream().map((step) -> new Entry(actor, step)).toList();
		return new Saved(appeal.version() + 1, append(community, appeal.id(), steps));
	}

	/**
	 * Writes later steps to an appeal's timeline, all in one statement.
	 * @return the entries as a reader of the timeline gets them, in the steps' order
	 */
	private List<AppealView.TimelineEntry> append(CommunityId community, long appealId, List<Entry> steps) {
		if (steps.isEmpty()) {
			return List.of();
		}
		return bindSteps(this.jdbc.sql(APPEND).param("c", community.value()), steps,
				Collections.nCopies(steps.size(), appealId))
			.query((rs, n) -> written(steps.get(n), rs.getLong("id"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	/**
	 * Binds the steps that {@link #STEPS} reads, each of the appeal at the same place in
	 * {@code appealIds}.
	 */
	private JdbcClient.StatementSpec bindSteps(JdbcClient.StatementSpec statement, List<Entry> steps,
			List<Long> appealIds) {
		return statement.param("stepAppeals", appealIds.toArray(Long[]::new))
			.param("actors", steps.stream().map(Entry::actor).toArray(String[]::new))
			.param("actions", steps.stream().map((entry) -> entry.step().action()).toArray(String[]::new))
			.param("froms",
					steps.stream()
						.map((entry) -> (entry.step().from() != null) ? entry.step().from().name() : null)
						.toArray(String[]::new))
			.param("tos", steps.stream().map((entry) -> entry.step().to().name()).toArray(String[]::new))
			.param("notes", steps.stream().map((entry) -> entry.step().note()).toArray(String[]::new))
			.param("details",
					steps.stream()
						.map((entry) -> this.json.writeValueAsString(entry.step().detail()))
						.toArray(String[]::new));
	}

	/**
	 * A step as its timeline entry, once written under this id and time.
	 */
	private static AppealView.TimelineEntry written(Entry entry, long id, Instant at) {
		Appeal.Step step = entry.step();
		return new AppealView.TimelineEntry(id, at, entry.actor(), step.action(), step.from(), step.to(), step.note(),
				step.detail());
	}

	List<AppealView.TimelineEntry> timeline(CommunityId community, long appealId) {
		return this.jdbc.sql("""
				select id, at, actor, action, from_state, to_state, note, detail::text as detail
				from appeal_timeline where community_id = :c and appeal_id = :appeal order by id
				""").param("c", community.value()).param("appeal", appealId).query((rs, n) -> {
			String from = rs.getString("from_state");
			String to = rs.getString("to_state");
			return new AppealView.TimelineEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("actor"), rs.getString("action"), (from != null) ? AppealState.valueOf(from) : null,
					(to != null) ? AppealState.valueOf(to) : null, rs.getString("note"),
					this.json.readValue(rs.getString("detail"), MAP));
		}).list();
	}

	/**
	 * Binds how an appeal ended, the same for a new row and a changed one.
	 */
	private static Map<String, @Nullable Object> outcome(@Nullable Instant resolvedAt, @Nullable String reply,
			@Nullable Boolean onTime, @Nullable Satisfaction satisfaction, @Nullable Instant closedAt) {
		Map<String, @Nullable Object> values = new HashMap<>();
		values.put("resolvedAt", timestamp(resolvedAt));
		values.put("reply", reply);
		values.put("onTime", onTime);
		values.put("satisfaction", (satisfaction != null) ? satisfaction.name() : null);
		values.put("closedAt", timestamp(closedAt));
		return values;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable String instant(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * One text column of the rows, as the array that {@link #INSERT} unnests.
	 */
	private static String[] column(List<NewRow> rows, Function<NewRow, @Nullable String> value) {
		return rows.stream().map(value).toArray(String[]::new);
	}

	/**
	 * Codes as a PostgreSQL array literal, each quoted, for one row's array column of
	 * {@link #INSERT}: an array of arrays cannot be bound when rows differ in length.
	 */
	private static String arrayLiteral(List<String> codes) {
		return codes.stream()
			.map((code) -> '"' + code.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
			.collect(Collectors.joining(",", "{", "}"));
	}

	/**
	 * A new appeal's id and business number, and its first timeline entries.
	 */
	record Inserted(long id, String number, List<AppealView.TimelineEntry> timeline) {
	}

	/**
	 * A new appeal to write: its id from {@link #newIds}, its row and its first timeline
	 * entries.
	 */
	record Insert(long id, NewRow row, List<Entry> steps) {
	}

	/**
	 * A timeline entry to write, and who takes the step.
	 */
	record Entry(String actor, Appeal.Step step) {
	}

	/**
	 * A row of the new appeal's insert: the appeal's id and number, and one of its
	 * timeline entries.
	 */
	private record TimelineRow(long id, String number, AppealView.TimelineEntry entry) {
	}

	/**
	 * A saved aggregate's new version and the timeline entries its steps wrote.
	 */
	record Saved(long version, List<AppealView.TimelineEntry> steps) {
	}

	/**
	 * A new appeal's row as it is written. {@code escalated} and {@code confidential} are
	 * read from the flags, so that column and flag cannot disagree.
	 *
	 * @param number the appeal's business number; {@literal null} to take the next one
	 * @param version 0, or 1 for an appeal that routing assigned at intake
	 * @param person the registered appellant, whose name, groups and (unless a place says
	 * otherwise) area and grid the row keeps
	 */
	record NewRow(@Nullable String number, AppealState state, Channel channel, String categoryCode,
			@Nullable Person person, @Nullable String callerName, @Nullable String callerPhone, List<Long> coSignerIds,
			String title, String description, @Nullable Long placeId, @Nullable Long areaId, @Nullable Long gridId,
			int peopleCount, Set<AppealFlag> flags, @Nullable Long repeatOf, @Nullable String departmentCode,
			@Nullable Long assigneeId, long version, Instant receivedAt, Appeal.Clocks clocks,
			@Nullable Instant resolvedAt, @Nullable String reply, @Nullable Boolean resolvedOnTime,
			@Nullable Satisfaction satisfaction, @Nullable Instant closedAt, String createdBy) {
	}

}
