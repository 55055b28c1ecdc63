package org.anju.people.roster;

import java.time.Duration;
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
 */
@Component
@Transactional(propagation = Propagation.REQUIRES_NEW)
class ImportJobs {

	enum Outcome {

		COMMITTED, REJECTED, FAILED

	}

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
