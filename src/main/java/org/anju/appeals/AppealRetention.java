package org.anju.appeals;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.operations.RetentionRule;
import org.anju.shared.CommunityId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Closed appeals are kept whole for {@code anju.retention.closed-appeals} (five years by
 * default), then anonymised: who brought them, what they said, their photos, co-signers
 * and timeline notes go; their category, channel, department, area, dates, timeliness and
 * satisfaction stay, so that the statistics of their period do not change.
 */
@Component
class AppealRetention implements RetentionRule {

	static final String ANONYMISED = "（已匿名）";

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Period period;

	AppealRetention(JdbcClient jdbc, AuditTrail audit, @Value("${anju.retention.closed-appeals:P5Y}") Period period) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.period = period;
	}

	@Override
	public String name() {
		return "closed-appeals";
	}

	@Override
	public Period period() {
		return this.period;
	}

	@Override
	public int applyBatch(CommunityId community, Instant cutoff) {
		List<Long> ids = this.jdbc.sql("""
				select id from appeal
				where community_id = :c and state = 'CLOSED' and anonymised_at is null and closed_at < :cutoff
				order by id limit :batch for update skip locked
				""")
			.param("c", community.value())
			.param("cutoff", Timestamp.from(cutoff))
			.param("batch", BATCH)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return 0;
		}
		Long[] array = ids.toArray(Long[]::new);
		this.jdbc.sql("""
				update appeal set person_id = null, person_name = null, caller_name = :marker, caller_phone = null,
					title = :marker, description = :marker, reply = null, place_id = null, extension_reason = null,
					anonymised_at = now()
				where community_id = :c and id = any(:ids)
				""").param("c", community.value()).param("ids", array).param("marker", ANONYMISED).update();
		for (String table : List.of("appeal_co_signer", "appeal_attachment")) {
			this.jdbc.sql("delete from " + table + " where community_id = :c and appeal_id = any(:ids)")
				.param("c", community.value())
				.param("ids", array)
				.update();
		}
		// a callback's answer stays: the satisfaction figures, and the rollups rebuilt
		// from the timeline, count every answer given
		this.jdbc.sql("""
				update appeal_timeline set note = null,
				  detail = case when action = 'callback' and detail ->> 'satisfaction' is not null
				                then jsonb_build_object('satisfaction', detail -> 'satisfaction') else '{}' end
				where community_id = :c and appeal_id = any(:ids)
				""").param("c", community.value()).param("ids", array).update();
		this.audit.record(community, "APPEALS_ANONYMISED", "APPEAL", ids.get(0), Map.of("count", ids.size(), "firstId",
				ids.get(0), "lastId", ids.get(ids.size() - 1), "closedBefore", cutoff.toString()));
		return ids.size();
	}

}
