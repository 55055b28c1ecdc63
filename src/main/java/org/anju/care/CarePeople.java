package org.anju.care;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.people.PersonReferences;
import org.anju.shared.CommunityId;
import org.anju.shared.Refused;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two records of one person are merged, every care row about the other record
 * follows the person kept, in the merge's transaction: special flags, qualification
 * checks, the death registration, visit-list entries and visits. Where both records hold
 * the same thing, one stays and nothing is lost from the history:
 * <ul>
 * <li>an open flag the kept record also has open is ended as merged, and moved;</li>
 * <li>in a qualification campaign both are subjects of, the checked subject stays (or
 * else the kept record's), and the campaign counts one subject fewer;</li>
 * <li>on a list both are on, one entry stays: a visited one (so a visit to the merged
 * record is not lost to the kept record's open or cancelled entry), or else the kept
 * record's; every visit itself follows the kept person;</li>
 * <li>two death registrations cannot be one person's: the merge is refused and nothing of
 * it is written.</li>
 * </ul>
 * The grid copied on the moved rows is brought to the kept record's after the merge
 * commits ({@link CareGrids}).
 */
@Component
class CarePeople implements PersonReferences {

	static final String MERGED = "人员合并 / merged";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	CarePeople(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public void repoint(CommunityId community, long fromPersonId, long toPersonId) {
		if (count(community,
				"select count(*) from death_registration where community_id = :c and person_id in (:from, :to)",
				fromPersonId, toPersonId) > 1) {
			throw new Refused("care.merge.twoDeaths");
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("mergedId", fromPersonId);
		detail.put("flagsEnded", update(community, """
				update special_flag m set ended_on = greatest(current_date, m.since), end_reason = :reason,
				       ended_by = 'merge', ended_at = now(), version = m.version + 1
				where m.community_id = :c and m.person_id = :from and m.ended_on is null
				  and exists (select 1 from special_flag k where k.community_id = m.community_id and k.person_id = :to
				              and k.flag = m.flag and coalesce(k.sub_code, '') = coalesce(m.sub_code, '')
				              and k.ended_on is null)
				""", fromPersonId, toPersonId));
		int subjectsDropped = dropDuplicateSubjects(community, fromPersonId, toPersonId);
		detail.put("subjectsDropped", subjectsDropped);
		// on a list both records are on, a visit made to either counts
		int entriesDropped = update(community,
				"""
						delete from visit_entry k where k.community_id = :c and k.person_id = :to and k.state <> 'VISITED'
						  and exists (select 1 from visit_entry e where e.community_id = k.community_id and e.list_id = k.list_id
						              and e.person_id = :from and e.state = 'VISITED')
						""",
				fromPersonId, toPersonId)
				+ update(community,
						"""
								delete from visit_entry e where e.community_id = :c and e.person_id = :from
								  and exists (select 1 from visit_entry k where k.community_id = e.community_id and k.list_id = e.list_id
								              and k.person_id = :to)
								""",
						fromPersonId, toPersonId);
		detail.put("entriesDropped", entriesDropped);
		int moved = 0;
		for (String table : List.of("special_flag", "qualification_subject", "death_registration", "visit_entry",
				"care_visit")) {
			moved += update(community,
					"update " + table + " set person_id = :to where community_id = :c and person_id = :from",
					fromPersonId, toPersonId);
		}
		detail.put("rowsMoved", moved);
		// a merge that only dropped the merged record's duplicates still changed what
		// care
		// holds
		if (moved + subjectsDropped + entriesDropped > 0) {
			this.audit.record(community, "CARE_ROWS_MERGED", "PERSON", toPersonId, detail);
		}
	}

	/**
	 * In each campaign both records are subjects of, one subject stays: the checked one,
	 * or else the kept record's. The campaign's count of subjects follows.
	 * @return how many subjects were dropped
	 */
	private int dropDuplicateSubjects(CommunityId community, long fromPersonId, long toPersonId) {
		List<Long> campaigns = new ArrayList<>(this.jdbc
			.sql("""
					delete from qualification_subject k where k.community_id = :c and k.person_id = :to and k.checked_on is null
					  and exists (select 1 from qualification_subject m where m.community_id = k.community_id
					              and m.campaign_id = k.campaign_id and m.person_id = :from and m.checked_on is not null)
					returning campaign_id
					""")
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.query(Long.class)
			.list());
		campaigns.addAll(this.jdbc.sql("""
				delete from qualification_subject m where m.community_id = :c and m.person_id = :from
				  and exists (select 1 from qualification_subject k where k.community_id = m.community_id
				              and k.campaign_id = m.campaign_id and k.person_id = :to)
				returning campaign_id
				""")
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.query(Long.class)
			.list());
		this.jdbc.sql("""
				update qualification_campaign set subjects = subjects - 1, version = version + 1
				where community_id = :c and id = any(cast(:campaigns as bigint[]))
				""").param("c", community.value()).param("campaigns", campaigns.toArray(Long[]::new)).update();
		return campaigns.size();
	}

	private int update(CommunityId community, String sql, long fromPersonId, long toPersonId) {
		// a statement that names fewer of these leaves the rest unused
		return this.jdbc.sql(sql)
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.param("reason", MERGED)
			.update();
	}

	private long count(CommunityId community, String sql, long fromPersonId, long toPersonId) {
		return this.jdbc.sql(sql)
			.param("c", community.value())
			.param("from", fromPersonId)
			.param("to", toPersonId)
			.query(Long.class)
			.single();
	}

}
