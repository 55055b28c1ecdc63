package org.anju.surveys;

import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.people.PersonReferences;
import org.anju.shared.CommunityId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two records of one person are merged, their survey samples and answers follow the
 * person kept, in the merge's transaction. A campaign holds a person once: where both
 * records were drawn, the kept record's sample stays and takes the other's answer if it
 * has none of its own; a second answer of the same person is dropped, as the campaign
 * would have refused it.
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
		int answersDropped = update(community, fromPersonId, toPersonId, """
				delete from survey_response r
				where r.community_id = :c and r.person_id = :from
				  and exists (select 1 from survey_sample s
				              where s.community_id = :c and s.campaign_id = r.campaign_id and s.person_id = :to)
				""");
		int samplesDropped = update(community, fromPersonId, toPersonId, """
				delete from survey_sample d
				where d.community_id = :c and d.person_id = :from
				  and exists (select 1 from survey_sample s
				              where s.community_id = :c and s.campaign_id = d.campaign_id and s.person_id = :to)
				""");
		// the sample and its answer move in one statement: the answer's key is the
		// sample's
		int samplesMoved = update(community, fromPersonId, toPersonId, """
				with moved as (
				  update survey_sample set person_id = :to where community_id = :c and person_id = :from
				  returning campaign_id
				)
				update survey_response set person_id = :to
				where community_id = :c and person_id = :from and campaign_id in (select campaign_id from moved)
				""");
		if (answersTaken + answersDropped + samplesDropped + samplesMoved > 0) {
			this.audit.record(community, "SURVEY_ROWS_MERGED", "PERSON", toPersonId,
					Map.of("mergedPersonId", fromPersonId, "answersTaken", answersTaken, "answersDropped",
							answersDropped, "samplesDropped", samplesDropped));
		}
	}

	private int update(CommunityId community, long from, long to, String sql) {
		return this.jdbc.sql(sql).param("c", community.value()).param("from", from).param("to", to).update();
	}

}
