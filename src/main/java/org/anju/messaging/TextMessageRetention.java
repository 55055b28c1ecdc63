package org.anju.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.operations.RetentionRule;
import org.anju.shared.CommunityId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Text messages hold a resident's mobile unmasked, because the provider needs it; once
 * sent, failed or suppressed they are kept for {@code anju.retention.text-messages} (a
 * year by default) as the record of what was sent, then deleted. A queued message is
 * never touched.
 */
@Component
class TextMessageRetention implements RetentionRule {

	private static final int BATCH = 2000;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Period period;

	TextMessageRetention(JdbcClient jdbc, AuditTrail audit,
			@Value("${anju.retention.text-messages:P1Y}") Period period) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.period = period;
	}

	@Override
	public String name() {
		return "text-messages";
	}

	@Override
	public Period period() {
		return this.period;
	}

	@Override
	public int applyBatch(CommunityId community, Instant cutoff) {
		int deleted = this.jdbc.sql("""
				delete from sms_outbox where community_id = :c and id in (
					select id from sms_outbox
					where community_id = :c and state <> 'QUEUED' and created_at < :cutoff
					order by id limit :batch for update skip locked)
				""")
			.param("c", community.value())
			.param("cutoff", Timestamp.from(cutoff))
			.param("batch", BATCH)
			.update();
		if (deleted > 0) {
			this.audit.record(community, "TEXT_MESSAGES_PURGED", "SMS_OUTBOX", community.value(),
					Map.of("count", deleted, "createdBefore", cutoff.toString()));
		}
		return deleted;
	}

}
