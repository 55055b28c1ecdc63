package org.anju.appeals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
	 * The next business number of a community's year, such as {@code 2026-000123}, as a
	 * CTE {@code next(last_number)} and the expression that formats it. Numbers are
	 * gapless: the counter row stays locked until the appeal commits, and a rollback
	 * returns the number. Every other intake of the community waits for the lock
	 * meanwhile, so take the number as late in the transaction as possible.
	 */
	private static final String NEXT_NUMBER = """
			with next as (
			  insert into appeal_number (community_id, year, last_number)
			  select :c, :year, 1 where cast(:number as text) is null
			  on conflict (community_id, year) do update set last_number = appeal_number.last_number + 1
			  returning last_number
			)
			""";

	private static final String FORMATTED_NUMBER = """
			(select :year || '-' || lpad(last_number::text, greatest(6, length(last_number::text)), '0') from next)""";

	/**
	 * The timeline steps that {@link #bindSteps} binds, one row each in their order, as
	 * {@code s(actor, action, from_state, to_state, note, detail, n)}.
	 */
	private static final String STEPS = """
			unnest(cast(:actors as text[]), cast(:actions as text[]), cast(:froms as text[]),
			       cast(:tos as text[]), cast(:notes as text[]), cast(:details as text[]))
			  with ordinality as s(actor, action, from_state, to_state, note, detail, n)""";

	/**
	 * A new appeal, numbered unless it brings its number, and its first timeline entries,
	 * in one statement: the timeline's key to the appeal is checked at its end.
	 */
	private static final String INSERT = NEXT_NUMBER + """
			, a as (
			  insert into appeal (community_id, id, number, state, channel, category_code, person_id, person_name,
			                      person_groups, caller_name, caller_phone, title, description, place_id, area_id,
			                      grid_id, people_count, escalated, confidential, flags, repeat_of, department_code,
			                      assignee_id, version, received_at, due_at, warn_at, resolved_at, reply,
			                      resolved_on_time, satisfaction, closed_at, created_by)
			  overriding system value
			  values (:c, coalesce(cast(:id as bigint), nextval(pg_get_serial_sequence('appeal', 'id'))),
			          coalesce(cast(:number as text), %s),
			          :state, :channel, :category, :person, :personName, :groups, :callerName,
			          :callerPhone, :title, :description, :place, :area, :grid, :peopleCount, :escalated,
			          :confidential, :flags, :repeatOf, :department, :assignee, :version, :receivedAt, :dueAt,
			          :warnAt, :resolvedAt, :reply, :onTime, :satisfaction, :closedAt, :createdBy)
			  returning id, number
			), steps as (
			  insert into appeal_timeline (community_id, appeal_id, actor, action, from_state, to_state, note, detail)
			  select :c, a.id, s.actor, s.action, s.from_state, s.to_state, s.note, cast(s.detail as jsonb)
			  from a, %s
			  order by s.n
			  returning id, at
			)
			select a.id, a.number, steps.id as step_id, steps.at from a, steps order by steps.id
			""".formatted(FORMATTED_NUMBER, STEPS);

	/**
	 * Later steps of an appeal, in one statement, answered in their order.
	 */
	private static final String APPEND = """
			with steps as (
			  insert into appeal_timeline (community_id, appeal_id, actor, action, from_state, to_state, note, detail)
			  select :c, :appeal, s.actor, s.action, s.from_state, s.to_state, s.note, cast(s.detail as jsonb)
			  from %s
			  order by s.n
			  returning id, at
			)
			select id, at from steps order by id
			""".formatted(STEPS);

	/**
	 * Takes the id of an appeal that {@link #insert(CommunityId, long, NewRow)} will
	 * write, so that whatever needs the id can be written before the number is taken.
	 */
	long newId() {
		// the same statement lets the transaction commit without waiting for the disk
		long id = this.jdbc.sql(
				"select nextval(pg_get_serial_sequence('appeal', 'id')), set_config('synchronous_commit', 'off', true)")
			.query((rs, row) -> rs.getLong(1))
			.single();
		awaitFlushAfterCommit();
		return id;
	}

	/**
	 * Writes an appeal from a past ledger and its co-signers, with the number the ledger
	 * gives or, without one, the next number of the year of its receipt in the same
	 * statement, with its first timeline entries.
	 * @return the new appeal's id and number, and its timeline as written
	 */
	Inserted insert(CommunityId community, NewRow appeal, List<Entry> steps) {
		return write(community, null, appeal, steps);
	}

	/**
	 * Writes a new appeal under the id {@link #newId} gave, with the next business number
	 * of the year of its receipt taken in the same statement. From here until the commit
	 * every other intake of the community waits, so the caller should write only what
	 * needs the number after it.
	 * <p>
	 * The lock is not held while the commit waits for the disk: were it, intake could go
	 * no faster than one disk flush per appeal (3 to 7 ms on the project's machine). The
	 * transaction commits without waiting for its flush and, before anyone is answered,
	 * waits for a flush in a second, tiny commit on the same connection. PostgreSQL
	 * flushes its log in order, so that flush covers this commit; and a crash before it
	 * loses only the newest numbers, all of them unanswered, never one in the middle.
	 * <p>
	 * The appeal is written once, numbered: an appeal written first and numbered after
	 * would be written twice, each time into every one of the appeal table's indexes,
	 * since the number is one of the indexed columns.
	 * @param appeal a new appeal without a number
	 * @param steps its first timeline entries, written in the same statement
	 * @return the new appeal's id and number, and its timeline as written
	 */
	Inserted insert(CommunityId community, long id, NewRow appeal, List<Entry> steps) {
		return write(community, id, appeal, steps);
	}

	private void commitWithoutFlushWait() {
		this.jdbc.sql("set local synchronous_commit = off").update();
		awaitFlushAfterCommit();
	}

	private void awaitFlushAfterCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				awaitFlush();
			}

		});
	}

	private Inserted write(CommunityId community, @Nullable Long id, NewRow appeal, List<Entry> steps) {
		if (id == null && appeal.number() == null) {
			commitWithoutFlushWait();
		}
		Person person = appeal.person();
		JdbcClient.StatementSpec statement = this.jdbc.sql(INSERT)
			.param("c", community.value())
			.param("id", id)
			.param("number", appeal.number())
			.param("year", appeal.receivedAt().atZone(AppealRow.SHANGHAI).getYear())
			.param("state", appeal.state().name())
			.param("channel", appeal.channel().name())
			.param("category", appeal.categoryCode())
			.param("person", (person != null) ? person.id() : null)
			.param("personName", (person != null) ? person.name() : null)
			.param("groups",
					(person != null) ? person.groups().stream().map(Person.GroupRef::code).toArray(String[]::new)
							: new String[0])
			.param("callerName", appeal.callerName())
			.param("callerPhone", appeal.callerPhone())
			.param("title", appeal.title())
			.param("description", appeal.description())
			.param("place", appeal.placeId())
			.param("area", appeal.areaId())
			.param("grid", appeal.gridId())
			.param("peopleCount", appeal.peopleCount())
			.param("escalated", appeal.flags().contains(AppealFlag.ESCALATED))
			.param("confidential", appeal.flags().contains(AppealFlag.CONFIDENTIAL))
			.param("flags", appeal.flags().stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("repeatOf", appeal.repeatOf())
			.param("department", appeal.departmentCode())
			.param("assignee", appeal.assigneeId())
			.param("version", appeal.version())
			.param("receivedAt", Timestamp.from(appeal.receivedAt()))
			.param("dueAt", Timestamp.from(appeal.clocks().dueAt()))
			.param("warnAt", Timestamp.from(appeal.clocks().warnAt()))
			.params(outcome(appeal.resolvedAt(), appeal.reply(), appeal.resolvedOnTime(), appeal.satisfaction(),
					appeal.closedAt()))
			.param("createdBy", appeal.createdBy());
		List<TimelineRow> written = bindSteps(statement, steps)
			.query((rs, n) -> new TimelineRow(rs.getLong("id"), rs.getString("number"),
					written(steps.get(n), rs.getLong("step_id"), rs.getTimestamp("at").toInstant())))
			.list();
		Inserted inserted = new Inserted(written.get(0).id(), written.get(0).number(),
				written.stream().map(TimelineRow::entry).toList());
		for (Long coSigner : appeal.coSignerIds()) {
			this.jdbc.sql("insert into appeal_co_signer (community_id, appeal_id, person_id) values (:c, :a, :p)")
				.param("c", community.value())
				.param("a", inserted.id())
				.param("p", coSigner)
				.update();
		}
		return inserted;
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
		return bindSteps(this.jdbc.sql(APPEND).param("c", community.value()).param("appeal", appealId), steps)
			.query((rs, n) -> written(steps.get(n), rs.getLong("id"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	/**
	 * Binds the steps that {@link #STEPS} reads.
	 */
	private JdbcClient.StatementSpec bindSteps(JdbcClient.StatementSpec statement, List<Entry> steps) {
		return statement.param("actors", steps.stream().map(Entry::actor).toArray(String[]::new))
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

	/**
	 * A new appeal's id and business number, and its first timeline entries.
	 */
	record Inserted(long id, String number, List<AppealView.TimelineEntry> timeline) {
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
