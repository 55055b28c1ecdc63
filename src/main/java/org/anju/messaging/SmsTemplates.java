package org.anju.messaging;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.audit.AuditTrail;
import org.anju.shared.CommunityId;
import org.anju.shared.NotFound;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The community's message templates. Their codes and allowed placeholders come with the
 * module that sends them (a migration); staff edit only the wording.
 */
@Component
@Transactional
class SmsTemplates {

	private static final String COLUMNS = "code, body_zh, placeholders, version, updated_at, updated_by";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	SmsTemplates(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<SmsTemplate> all(CommunityId community) {
		return this.jdbc.sql("select " + COLUMNS + " from sms_template where community_id = :c order by code")
			.param("c", community.value())
			.query(SmsTemplates::template)
			.list();
	}

	/**
	 * A template with the community's name, which any message may name: both in one
	 * query, since a text message goes out with nearly every intake.
	 * @param turn a key whose transaction-scoped advisory lock the same query takes when
	 * it finds the template, or {@literal null} for none
	 */
	@Transactional(readOnly = true)
	Optional<Signed> signed(CommunityId community, String code, @Nullable String turn) {
		return this.jdbc.sql("select " + COLUMNS + """
				, (select name from community where id = :c) as community_name
				""" + ((turn != null) ? ", pg_advisory_xact_lock(hashtextextended(:turn, 0))" : "") + """
				from sms_template where community_id = :c and code = :code
				""")
			.param("c", community.value())
			.param("code", code)
			.param("turn", turn)
			.query((rs, row) -> new Signed(template(rs, row), rs.getString("community_name")))
			.optional();
	}

	/**
	 * Changes a template's wording, based on the version the editor saw.
	 * @throws NotFound for an unknown code
	 * @throws StaleVersion when someone else has changed it since
	 * @throws org.anju.shared.InvalidInput when the text breaks a rule of
	 * {@link TemplateText}
	 */
	SmsTemplate update(CommunityId community, String code, long version, String bodyZh, String editor) {
		SmsTemplate before = find(community, code).orElseThrow(() -> new NotFound("sms-template", code));
		TemplateText text = TemplateText.parse(bodyZh, before.placeholders());
		int changed = this.jdbc.sql("""
				update sms_template set body_zh = :body, version = version + 1, updated_at = now(), updated_by = :editor
				where community_id = :c and code = :code and version = :version
				""")
			.param("c", community.value())
			.param("code", code)
			.param("version", version)
			.param("body", text.body())
			.param("editor", editor)
			.update();
		if (changed == 0) {
			throw new StaleVersion(before.version());
		}
		SmsTemplate after = find(community, code).orElseThrow();
		this.audit.record(community, "SMS_TEMPLATE_UPDATED", "SMS_TEMPLATE", code,
				Map.of("before", before.bodyZh(), "after", after.bodyZh(), "version", after.version()));
		return after;
	}

	private Optional<SmsTemplate> find(CommunityId community, String code) {
		return this.jdbc.sql("select " + COLUMNS + " from sms_template where community_id = :c and code = :code")
			.param("c", community.value())
			.param("code", code)
			.query(SmsTemplates::template)
			.optional();
	}

	private static SmsTemplate template(ResultSet rs, int row) throws SQLException {
		Array placeholders = rs.getArray("placeholders");
		return new SmsTemplate(rs.getString("code"), rs.getString("body_zh"),
				Arrays.asList((String[]) placeholders.getArray()), rs.getLong("version"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

	/**
	 * A template and the name of the community that sends it.
	 */
	record Signed(SmsTemplate template, String communityName) {
	}

}
