package org.anju.people.roster;

import java.util.Map;

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

	ImportJobs(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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

	void finish(CurrentUser user, long job, Outcome outcome, Map<String, ?> summary) {
		this.jdbc.sql("""
				update import_job set finished_at = now(), outcome = :outcome, summary = cast(:summary as jsonb)
				where community_id = :c and id = :id
				""")
			.param("c", user.communityId())
			.param("id", job)
			.param("outcome", outcome.name())
			.param("summary", this.json.writeValueAsString(summary))
			.update();
	}

}
