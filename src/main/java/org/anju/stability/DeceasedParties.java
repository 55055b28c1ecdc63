package org.anju.stability;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.people.PersonDeceased;
import org.anju.shared.CommunityId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a person dies, stability closes or hands on the work it holds about them, and
 * keeps their history: each conflict case not yet closed that they are a party to takes a
 * {@code party-deceased} step (it ends resolved when they were its only party, or else is
 * flagged for whoever holds it to reassign), and their key-person designation ends.
 * Idempotent: a case that already took the step for them, or an ended designation, is
 * left alone.
 */
@Component
class DeceasedParties {

	private static final String ACTOR = "system";

	private final JdbcClient jdbc;

	private final ConflictCases cases;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DeceasedParties(JdbcClient jdbc, ConflictCases cases, AuditTrail audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(PersonDeceased deceased) {
		CommunityId community = deceased.community();
		List<Long> open = this.jdbc.sql("""
				select k.id from conflict_case k
				where k.community_id = :c and k.party_person_ids @> array[cast(:person as bigint)]
				  and k.state in ('REGISTERED', 'RESOLVING', 'STABILISED')
				  and not exists (select 1 from conflict_timeline t where t.community_id = k.community_id
				                  and t.case_id = k.id and t.action = :action and t.detail ->> 'personId' = :key)
				order by k.id
				""")
			.param("c", community.value())
			.param("person", deceased.personId())
			.param("action", ConflictCase.PARTY_DECEASED)
			.param("key", Long.toString(deceased.personId()))
			.query(Long.class)
			.list();
		for (Long id : open) {
			ConflictCases.CaseRow row = this.cases.find(community, id).orElseThrow();
			boolean sole = row.partyGroupCodes().isEmpty() && List.of(deceased.personId()).equals(row.partyPersonIds());
			ConflictCase case_ = row.toCase();
			case_.partyDeceased(deceased.personId(), deceased.diedOn(), sole, this.clock.instant());
			this.cases.save(community, case_, ACTOR);
			this.audit.record(community, sole ? "CONFLICT_CLOSED_PARTY_DECEASED" : "CONFLICT_PARTY_DECEASED",
					"CONFLICT_CASE", id,
					Map.of("personId", deceased.personId(), "from", row.state().name(), "to", case_.state().name()));
			this.events.publishEvent(new ConflictCaseChanged(community, id, ConflictCase.PARTY_DECEASED, case_.state(),
					row.level(), row.gridId(), row.ownerLeaderId()));
		}
		List<Long> ended = this.jdbc.sql("""
				update key_person set ended_at = now(), ended_by = :actor, ended_reason = '已去世 / deceased',
				                      version = version + 1, updated_at = now()
				where community_id = :c and person_id = :person and ended_at is null
				returning id
				""")
			.param("actor", ACTOR)
			.param("c", community.value())
			.param("person", deceased.personId())
			.query(Long.class)
			.list();
		for (Long id : ended) {
			this.audit.record(community, "KEY_PERSON_ENDED", "KEY_PERSON", id, Map.of("reason", "DECEASED"));
		}
	}

}
