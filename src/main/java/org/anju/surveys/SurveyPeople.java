package org.anju.surveys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.people.PersonReferences;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two records of one person are merged, their survey samples and answers follow the
 * person kept, in the merge's transaction. A campaign holds a person once: where both
 * records were drawn, the kept record's sample stays, and an answer wins over no answer
 * (the merged record's answer moves to it). Where both answered, the campaign could hold
 * only one answer of the person, as it would have refused the second: the kept record's
 * stays and the other sheet is written, whole, into the merge's audit row, so that no
 * answer is lost from the history.
 */
@Component
class SurveyPeople implements PersonReferences {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	SurveyPeople(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public void repoint(CommunityId community, long fromPersonId, long toPersonId) {
		int answersTaken = update(community, fromPersonId, toPersonId, """
				update survey_response r set person_id = :to
				where r.community_id = :c and r.person_id = :from
				  and exists (select 1 from survey_sample s
				              where s.community_id = :c and s.campaign_id = r.campaign_id and s.person_id = :to)
				  and not exists (select 1 from survey_response k
				                  where k.community_id = :c and k.campaign_id = r.campaign_id and k.person_id = :to)
				""");
		List<Map<String, Object>> answersDropped = this.jdbc.sql("""
				delete from survey_response r
				where r.community_id = :c and r.person_id = :from
				  and exists (select 1 from survey_sample s
				              where s.community_id = :c and s.campaign_id = r.campaign_id and s.person_id = :to)
				returning r.id, r.campaign_id, r.channel, r.answers::text as answers, r.score, r.taken_by, r.answered_at
				""")
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.query((rs, row) -> {
				Map<String, Object> sheet = new LinkedHashMap<>();
				sheet.put("id", rs.getLong("id"));
				sheet.put("campaignId", rs.getLong("campaign_id"));
				sheet.put("channel", rs.getString("channel"));
				sheet.put("answers", rs.getString("answers"));
				sheet.put("score", rs.getBigDecimal("score"));
				sheet.put("takenBy", rs.getString("taken_by"));
				sheet.put("answeredAt", rs.getTimestamp("answered_at").toInstant().toString());
				return sheet;
			})
			.list();
		int samplesDropped = update(community, fromPersonId, toPersonId, """
				delete from survey_sample d
				where d.community_id = :c and d.person_id = :from
				  and exists (select 1 from survey_sample s
				              where s.community_id = :c and s.campaign_id = d.campaign_id and s.person_id = :to)
				""");
		// the sample and its answer move in one statement: the answer's key is the
		// sample's
		int samplesMoved = this.jdbc.sql("""
				with moved as (
				  update survey_sample set person_id = :to where community_id = :c and person_id = :from
				  returning campaign_id
				), answers as (
				  update survey_response set person_id = :to
				  where community_id = :c and person_id = :from and campaign_id in (select campaign_id from moved)
				)
				select count(*) from moved
				""")
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.query(Integer.class)
			.single();
		if (answersTaken + answersDropped.size() + samplesDropped + samplesMoved > 0) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("mergedPersonId", fromPersonId);
			detail.put("answersTaken", answersTaken);
			detail.put("answersDropped", answersDropped);
			detail.put("samplesDropped", samplesDropped);
			detail.put("samplesMoved", samplesMoved);
			this.audit.record(community, "SURVEY_ROWS_MERGED", "PERSON", toPersonId, detail);
		}
	}

	private int update(CommunityId community, long from, long to, String sql) {
		return this.jdbc.sql(sql).param("c", community.value()).param("from", from).param("to", to).update();
	}

}
