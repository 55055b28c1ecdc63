package org.anju.messaging;

import java.util.Map;

import org.anju.RegistryFixtures;
import org.anju.shared.CommunityId;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends messages in transactions of their own, as an appeal's would be, and reads back
 * what the outbox holds.
 */
final class MessagingFixtures {

	static final CommunityId COMMUNITY = RegistryFixtures.COMMUNITY;

	private final TextMessages messages;

	private final TransactionTemplate transaction;

	private final JdbcClient jdbc;

	MessagingFixtures(TextMessages messages, TransactionTemplate transaction, JdbcClient jdbc) {
		this.messages = messages;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	/**
	 * @return a mobile number no other test writes to
	 */
	static Phone phone() {
		return Phone.parse(RegistryFixtures.mobile());
	}

	static Map<String, String> callback(String number) {
		return Map.of("number", number);
	}

	/**
	 * Sends a callback request about a fresh appeal number and commits.
	 */
	Queued sendCommitted(Phone to) {
		String appeal = RegistryFixtures.unique("A");
		return sendCommitted(to, "CALLBACK_REQUEST", callback(appeal), appeal);
	}

	Queued sendCommitted(Phone to, String template, Map<String, String> values, @Nullable String appeal) {
		return this.transaction
			.execute((status) -> this.messages.send(COMMUNITY, to, template, values, "APPEAL", appeal));
	}

	Row row(long id) {
		return this.jdbc.sql("""
				select to_phone, body, state, reason, attempts, provider_message_id, sent_at is not null as sent,
				       extract(epoch from next_attempt_at - clock_timestamp()) as due_in_seconds
				from sms_outbox where community_id = :c and id = :id
				""").param("c", COMMUNITY.value()).param("id", id).query(Row.class).single();
	}

	/**
	 * Lets the backoff pass for one message, as if the clock had moved on.
	 */
	void dueNow(long id) {
		this.jdbc.sql("update sms_outbox set next_attempt_at = now() where community_id = :c and id = :id")
			.param("c", COMMUNITY.value())
			.param("id", id)
			.update();
	}

	/**
	 * An outbox row as stored, the number in full.
	 */
	record Row(String toPhone, String body, MessageState state, @Nullable String reason, int attempts,
			@Nullable String providerMessageId, boolean sent, double dueInSeconds) {
	}

}
