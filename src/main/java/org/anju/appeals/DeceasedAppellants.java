package org.anju.appeals;

import java.util.List;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.people.PersonDeceased;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an appellant dies, each of their open appeals gets an internal note on its
 * timeline, so that whoever holds it closes it or hands it on to the family. The appeal
 * is not closed by the system: what was asked may still be owed to the survivors.
 * Idempotent: an appeal that already carries the note is left alone.
 */
@Component
class DeceasedAppellants {

	private final JdbcClient jdbc;

	private final Appeals appeals;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	DeceasedAppellants(JdbcClient jdbc, Appeals appeals, AuditTrail audit, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.appeals = appeals;
		this.audit = audit;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(PersonDeceased deceased) {
		String note = "诉求人已于 " + deceased.diedOn() + " 去世，请核实后办结或转由家属跟进。";
		List<Long> open = this.jdbc.sql("""
				select a.id from appeal a
				where a.community_id = :c and a.person_id = :person and a.state <> 'CLOSED'
				  and not exists (select 1 from appeal_timeline t where t.community_id = a.community_id
				                  and t.appeal_id = a.id and t.action = 'note' and t.note = :note)
				order by a.id
				""")
			.param("c", deceased.community().value())
			.param("person", deceased.personId())
			.param("note", note)
			.query(Long.class)
			.list();
		for (Long id : open) {
			Appeal appeal = this.appeals.find(deceased.community(), id).orElseThrow().toAppeal();
			appeal.note(note);
			long version = this.appeals.save(deceased.community(), appeal, "system").version();
			this.audit.record(deceased.community(), "APPEAL_NOTE", "APPEAL", id,
					Map.of("reason", "APPELLANT_DECEASED"));
			this.events.publishEvent(new AppealChanged(deceased.community(), id, "note", appeal.state(),
					appeal.departmentCode(), appeal.assigneeId(), version));
		}
	}

}
