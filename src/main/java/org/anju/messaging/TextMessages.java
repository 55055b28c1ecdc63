package org.anju.messaging;

import java.util.HashMap;
import java.util.Map;

import org.anju.shared.CommunityId;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
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

	private final OutboxDispatcher dispatcher;

	private final int dailyLimit;

	TextMessages(JdbcClient jdbc, SmsTemplates templates, OutboxDispatcher dispatcher,
			@Value("${anju.sms.daily-limit-per-phone:5}") int dailyLimit) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.dispatcher = dispatcher;
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
		Outgoing message = prepare(community, to, templateCode);
		if (!NOT_MOBILE.equals(message.reason) && relatedType != null && relatedId != null
				&& sentBefore(community, to, templateCode, relatedType, relatedId)) {
			return message.write(values, DUPLICATE, relatedType, relatedId);
		}
		return message.write(values, message.reason, relatedType, relatedId);
	}

	/**
	 * The first half of {@link #send}, for a message about an item that the caller's
	 * transaction is still making, such as an appeal's receipt, whose number is taken
	 * last: loads the template, takes the number's turn and applies the landline limit
	 * now, so that {@link Outgoing#queue} has only the message to write, in one statement
	 * that also counts the number's messages of the day for the daily limit. The same
	 * template about the same item cannot have been sent before, since the item is new,
	 * so that check is left out.
	 * @throws IllegalArgumentException when the community has no such template
	 */
	public Outgoing prepare(CommunityId community, Phone to, String templateCode) {
		// One number's messages are counted one transaction at a time, so that two
		// concurrent sends cannot both slip under a limit: the number's turn is taken
		// with the template.
		SmsTemplates.Signed signed = this.templates
			.signed(community, templateCode, "sms:" + community.value() + ":" + to.value())
			.orElseThrow(() -> new IllegalArgumentException(
					"community " + community.value() + " has no text message template " + templateCode));
		return new Outgoing(community, to, signed.template(), signed.communityName(),
				to.isMobile() ? null : NOT_MOBILE);
	}

	/**
	 * A message whose limits were applied by {@link #prepare}, waiting for its values.
	 */
	public final class Outgoing {

		private final CommunityId community;

		private final Phone to;

		private final SmsTemplate template;

		private final String communityName;

		private final @Nullable String reason;

		private Outgoing(CommunityId community, Phone to, SmsTemplate template, String communityName,
				@Nullable String reason) {
			this.community = community;
			this.to = to;
			this.template = template;
			this.communityName = communityName;
			this.reason = reason;
		}

		/**
		 * Writes the message to the outbox, queued or suppressed, in the caller's
		 * transaction.
		 * @return the outbox row and whether it was queued, never {@literal null}
		 * @throws org.anju.shared.InvalidInput when a placeholder has no value or the
		 * message would be longer than 500 characters; nothing is written
		 */
		public Queued queue(Map<String, String> values, String relatedType, String relatedId) {
			return write(values, this.reason, relatedType, relatedId);
		}

		/**
		 * Writes the message, and counts the number's messages of the last day in the
		 * same statement, under the lock {@link #prepare} took. The count reads the
		 * number's messages in the order of the index on the number and stops at the
		 * limit. Without that order, a plan that PostgreSQL made and kept while the
		 * outbox was nearly empty, before its first statistics, scanned every message of
		 * the community instead (3 ms a message after 5,000).
		 * @param suppressed why the message is held back whatever the count, or
		 * {@literal null}
		 */
		private Queued write(Map<String, String> values, @Nullable String suppressed, @Nullable String relatedType,
				@Nullable String relatedId) {
			Map<String, String> filled = new HashMap<>(values);
			filled.putIfAbsent("community", this.communityName);
			String body = this.template.text().render(filled);
			Queued queued = TextMessages.this.jdbc
				.sql("""
						insert into sms_outbox (community_id, to_phone, template_code, body, state, reason, related_type, related_id)
						select :c, :phone, :template, :body, case when held.reason is null then 'QUEUED' else 'SUPPRESSED' end,
						       held.reason, :relatedType, :relatedId
						from (select coalesce(cast(:reason as text),
						                      case when (select count(*) from (
						                                   select from sms_outbox
						                                   where community_id = :c and to_phone = :phone
						                                     and created_at > now() - interval '24 hours' and state <> 'SUPPRESSED'
						                                   order by to_phone, created_at
						                                   limit :limit) day)
						                                >= :limit then :dailyLimit end) as reason) held
						returning id, state, reason
						""")
				.param("c", this.community.value())
				.param("phone", this.to.value())
				.param("template", this.template.code())
				.param("body", body)
				.param("reason", suppressed)
				.param("limit", TextMessages.this.dailyLimit)
				.param("dailyLimit", DAILY_LIMIT)
				.param("relatedType", relatedType)
				.param("relatedId", relatedId)
				.query((rs, row) -> new Queued(rs.getLong("id"), MessageState.valueOf(rs.getString("state")),
						rs.getString("reason")))
				.single();
			if (queued.reason() == null) {
				TextMessages.this.dispatcher.wakeAfterCommit();
			}
			else {
				log.info("SMS {} ({}) to {} suppressed: {}", queued.id(), this.template.code(), this.to.masked(),
						queued.reason());
			}
			return queued;
		}

	}

	private boolean sentBefore(CommunityId community, Phone to, String templateCode, String relatedType,
			String relatedId) {
		return this.jdbc.sql("""
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
			.single();
	}

}
