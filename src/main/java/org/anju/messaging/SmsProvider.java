package org.anju.messaging;

/**
 * The service that actually sends a text message (an SPI). Anju ships
 * {@code OutboxOnlyProvider}, which sends nothing; a deployment plugs in a real one by
 * declaring another bean of this type (see {@code docs/SMS.md}).
 * <p>
 * This is the only place that sees a full phone number: an implementation must not log it
 * unmasked.
 */
public interface SmsProvider {

	/**
	 * Hands one message to the provider. It is called at most once at a time for a given
	 * message, while the outbox row is locked; a thrown exception counts as a failed
	 * attempt, like {@link Delivery#failed(String)}, and is retried with backoff.
	 * @param phone the full mobile number, such as {@code 13800138000}
	 * @param body the rendered text, at most 500 characters
	 * @return never {@literal null}
	 */
	Delivery deliver(String phone, String body);

}
