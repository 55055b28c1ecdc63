package org.anju.people.roster;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.anju.identity.CurrentUser;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visible trace of each committing import, written outside the import's own
 * transaction: a job that started and never finished tells the user after a crash that it
 * did not complete, and that nothing of it was written.
 * <p>
 * The import's own transaction holds an advisory lock on its job while it runs, and marks
 * the job committed as its last write, so that the mark and the people commit or vanish
 * together. A job with no outcome whose lock nobody holds was cut off (the application
 * was killed, or lost its database) and left nothing behind.
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class ImportJobs {

	enum Outcome {

		COMMITTED, REJECTED, FAILED

	}

	/**
	 * The first key of the advisory lock an import holds on its job; the job is the
	 * second.
	 */
	private static final int RUNNING_LOCK = 0x494D5054;

	private static final int SHOWN = 20;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final MeterRegistry metrics;

	ImportJobs(JdbcClient jdbc, ObjectMapper json, MeterRegistry metrics) {
		this.jdbc = jdbc;
		this.json = json;
		this.metrics = metrics;
	}

	long start(CurrentUser user, String fileName) {
		return this.jdbc.sql("""
				insert into import_job (community_id, kind, file_name, started_by)
				values (:c, 'ROSTER', :file, :user) returning id
				""")
			.param("c", user.communityId())
			.param("file", fileName)
			.param("user", user.username())
			.query(Long.class)
			.single();
	}

	/**
	 * Marks the job as running for as long as the caller's transaction, the import's own,
	 * stays open.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void hold(long job) {
		this.jdbc.sql("select pg_advisory_xact_lock(:lock, cast(:job as int))")
			.param("lock", RUNNING_LOCK)
			.param("job", job)
			.query((rs) -> {
			});
	}

	/**
	 * Marks the job committed inside the import's own transaction, as its last write:
	 * after a crash the job says committed exactly when its people are there.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void committing(CurrentUser user, long job) {
		this.jdbc.sql("""
				update import_job set outcome = 'COMMITTED', finished_at = clock_timestamp()
				where community_id = :c and id = :id
				""").param("c", user.communityId()).param("id", job).update();
	}

	/**
	 * The community's latest roster imports, newest first, each with what became of it.
	 */
	@Transactional(readOnly = true)
	List<ImportStatus> recent(CurrentUser user) {
		return this.jdbc.sql("""
				select j.id, j.file_name, j.started_by, j.started_at, j.finished_at, j.summary::text as summary,
					coalesce(j.outcome, case when exists (select 1 from pg_locks l where l.locktype = 'advisory'
						and l.classid = :lock and l.objid = j.id and l.objsubid = 2 and l.granted)
						then 'RUNNING' else 'INTERRUPTED' end) as state
				from import_job j
				where j.community_id = :c and j.kind = 'ROSTER'
				order by j.started_at desc, j.id desc
				limit :shown
				""")
			.param("c", user.communityId())
			.param("lock", RUNNING_LOCK)
			.param("shown", SHOWN)
			.query((rs, n) -> new ImportStatus(rs.getLong("id"), rs.getString("file_name"), rs.getString("started_by"),
					rs.getTimestamp("started_at").toInstant(),
					(rs.getTimestamp("finished_at") != null) ? rs.getTimestamp("finished_at").toInstant() : null,
					ImportStatus.State.valueOf(rs.getString("state")),
					(rs.getString("summary") != null) ? this.json.readValue(rs.getString("summary"), Map.class)
							: Map.of()))
			.list();
	}

	/**
	 * Closes the job and times it, from the job's own start to its finish as the database
	 * saw them, so that the metric and the job row agree.
	 */
	void finish(CurrentUser user, long job, Outcome outcome, Map<String, ?> summary) {
		double seconds = this.jdbc.sql("""
				update import_job set finished_at = clock_timestamp(), outcome = :outcome,
					summary = cast(:summary as jsonb)
				where community_id = :c and id = :id
				returning extract(epoch from finished_at - started_at)
				""")
			.param("c", user.communityId())
			.param("id", job)
			.param("outcome", outcome.name())
			.param("summary", this.json.writeValueAsString(summary))
			.query(Double.class)
			.single();
		Timer.builder("anju.roster.import")
			.description("Roster imports that commit, from the upload to the end")
			.tag("outcome", outcome.name())
			.register(this.metrics)
			.record(Duration.ofNanos((long) (seconds * 1e9)));
	}

}
