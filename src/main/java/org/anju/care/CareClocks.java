package org.anju.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.messaging.TextMessages;
import org.anju.people.PersonManagement;
import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires each qualification campaign's deadline exactly once: the retirees still unchecked
 * are flagged ({@code missed_at}) and texted a reminder, in one transaction per campaign.
 * The campaign is claimed with {@code FOR UPDATE SKIP LOCKED} and stamped
 * {@code missed_fired_at}, so two nodes never fire it twice, and a deadline that passed
 * while Anju was down fires on the first round after it starts.
 */
@Component
class CareClocks {

	static final String REMINDER = "QUALIFICATION_REMINDER";

	private static final Logger log = LoggerFactory.getLogger(CareClocks.class);

	private final JdbcClient jdbc;

	private final PersonManagement people;

	private final TextMessages texts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	CareClocks(JdbcClient jdbc, PersonManagement people, TextMessages texts, AuditTrail audit,
			ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.people = people;
		this.texts = texts;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${anju.care.clock-interval:PT60S}", initialDelayString = "PT7S")
	void tick() {
		try {
			for (Long community : this.jdbc.sql("select id from community order by id").query(Long.class).list()) {
				fire(new CommunityId(community));
			}
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			log.debug("Care clocks skipped a round: {}", ex.getMessage());
		}
	}

	/**
	 * Fires every campaign deadline of the community that has passed.
	 * @return how many campaigns fired
	 */
	int fire(CommunityId community) {
		int fired = 0;
		while (Boolean.TRUE.equals(this.transaction.execute((status) -> fireOne(community)))) {
			fired++;
		}
		return fired;
	}

	private boolean fireOne(CommunityId community) {
		record Due(long id, int year, LocalDate deadline) {
		}
		List<Due> due = this.jdbc.sql("""
				select id, year, deadline from qualification_campaign
				where community_id = :c and missed_fired_at is null and due_at <= :now
				order by due_at, id limit 1 for update skip locked
				""")
			.param("c", community.value())
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getInt("year"), rs.getDate("deadline").toLocalDate()))
			.list();
		if (due.isEmpty()) {
			return false;
		}
		Due campaign = due.get(0);
		List<Long> missed = this.jdbc.sql("""
				update qualification_subject set missed_at = now()
				where community_id = :c and campaign_id = :id and checked_on is null and left_on is null
				  and missed_at is null
				returning person_id
				""").param("c", community.value()).param("id", campaign.id()).query(Long.class).list();
		Map<String, String> values = Map.of("year", Integer.toString(campaign.year()), "deadline",
				campaign.deadline().toString());
		for (Long personId : missed) {
			this.people.mobileForMessages(community, personId)
				.ifPresent((phone) -> this.texts.send(community, phone, REMINDER, values, "QUALIFICATION",
						campaign.id() + ":" + personId));
		}
		this.jdbc.sql("""
				update qualification_campaign set missed_fired_at = now(), missed = :missed, version = version + 1
				where community_id = :c and id = :id
				""").param("missed", missed.size()).param("c", community.value()).param("id", campaign.id()).update();
		this.audit.record(community, "QUALIFICATION_DEADLINE_PASSED", "QUALIFICATION_CAMPAIGN", campaign.id(),
				Map.of("year", campaign.year(), "missed", missed.size()));
		this.events
			.publishEvent(new QualificationDeadlinePassed(community, campaign.id(), campaign.year(), missed.size()));
		log.info("Qualification campaign {} of community {} passed its deadline with {} unchecked", campaign.id(),
				community.value(), missed.size());
		return true;
	}

}
