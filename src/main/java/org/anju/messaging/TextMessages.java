package org.anju.messaging;

import java.util.HashMap;
import java.util.Map;

import org.anju.shared.CommunityId;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends text messages to residents: renders a template, applies the rate limits and
 * writes the message to the outbox in the caller's transaction, so that a change that
 * rolls back sends nothing. A dispatcher delivers it after the commit.
 */
@Service
@Transactional
public class TextMessages {

	/** A number that cannot receive text messages, such as a landline. */
	static final String NOT_MOBILE = "NOT_MOBILE";

	/** This template was already sent to this number about this item. */
	static final String DUPLICATE = "DUPLICATE";

	/** The number has had its day's share of messages. */
	static final String DAILY_LIMIT = "DAILY_LIMIT";

	private static final Logger log = LoggerFactory.getLogger(TextMessages.class);

	private final JdbcClient jdbc;

	private final SmsTemplates templates;

	private final ApplicationEventPublisher events;

	private final int dailyLimit;

	TextMessages(JdbcClient jdbc, SmsTemplates templates, ApplicationEventPublisher events,
			@Value("${anju.sms.daily-limit-per-phone:5}") int dailyLimit) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.events = events;
		this.dailyLimit = dailyLimit;
	}

	/**
	 * Queues a message, or records it as suppressed when a limit holds it back: at most
	 * {@code anju.sms.daily-limit-per-phone} (5) messages to one number in 24 hours, one
	 * message of a template to one number about one related item, and none to a landline.
	 * A suppressed message is not an error; the outbox keeps it with its reason.
	 * <p>
	 * {@code {community}} is filled with the community's name unless {@code values} gives
	 * it.
	 * @param relatedType what the message is about, such as {@code APPEAL}; with
	 * {@code relatedId} it keeps a template from being sent twice about the same item
	 * @return the outbox row and whether it was queued, never {@literal null}
	 * @throws IllegalArgumentException when the community has no such template
	 * @throws org.anju.shared.InvalidInput when a placeholder has no value or the message
	 * would be longer than 500 characters; nothing is written
	 */
	public Queued send(CommunityId community, Phone to, String templateCode, Map<String, String> values,
			@Nullable String relatedType, @Nullable String relatedId) {
		SmsTemplate template = this.templates.find(community, templateCode)
			.orElseThrow(() -> new IllegalArgumentException(
					"community " + community.value() + " has no text message template " + templateCode));
		Map<String, String> filled = new HashMap<>(values);
		filled.computeIfAbsent("community", (key) -> this.templates.communityName(community));
		String body = template.text().render(filled);
		// One number's messages are counted one transaction at a time, so that two
		// concurrent sends cannot both slip under a limit.
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "sms:" + community.value() + ":" + to.value())
			.query((rs) -> {
			});
		String reason = suppression(community, to, templateCode, relatedType, relatedId);
		MessageState state = (reason != null) ? MessageState.SUPPRESSED : MessageState.QUEUED;
		long id = this.jdbc
			.sql("""
					insert into sms_outbox (community_id, to_phone, template_code, body, state, reason, related_type, related_id)
					values (:c, :phone, :template, :body, :state, :reason, :relatedType, :relatedId)
					returning id
					""")
			.param("c", community.value())
			.param("phone", to.value())
			.param("template", templateCode)
			.param("body", body)
			.param("state", state.name())
			.param("reason", reason)
			.param("relatedType", relatedType)
			.param("relatedId", relatedId)
			.query(Long.class)
			.single();
		if (reason == null) {
			this.events.publishEvent(new TextMessageQueued(community, id));
		}
		else {
			log.info("SMS {} ({}) to {} suppressed: {}", id, templateCode, to.masked(), reason);
		}
		return new Queued(id, state, reason);
	}

	private @Nullable String suppression(CommunityId community, Phone to, String templateCode,
			@Nullable String relatedType, @Nullable String relatedId) {
		if (!to.isMobile()) {
			return NOT_MOBILE;
		}
		if (relatedType != null && relatedId != null
				&& this.jdbc.sql("""
						select exists (select 1 from sms_outbox
						               where community_id = :c and to_phone = :phone and template_code = :template
						                 and related_type = :relatedType and related_id = :relatedId
						                 and state in ('QUEUED', 'SENT'))
						""")
					.param("c", community.value())
					.param("phone", to.value())
					.param("template", templateCode)
					.param("relatedType", relatedType)
					.param("relatedId", relatedId)
					.query(Boolean.class)
					.single()) {
			return DUPLICATE;
		}
		int lastDay = this.jdbc.sql("""
				select count(*) from sms_outbox
				where community_id = :c and to_phone = :phone and created_at > now() - interval '24 hours'
				  and state <> 'SUPPRESSED'
				""").param("c", community.value()).param("phone", to.value()).query(Integer.class).single();
		return (lastDay >= this.dailyLimit) ? DAILY_LIMIT : null;
	}

}
