package org.anju.messaging;

import java.util.UUID;

import org.anju.shared.Phone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider for a deployment that has none: it sends nothing and marks each message as
 * recorded, so that the outbox in the console is the whole record. It steps aside as soon
 * as another {@link SmsProvider} bean exists.
 */
class OutboxOnlyProvider implements SmsProvider {

	/** The note that a message in the outbox was recorded and never left the building. */
	static final String RECORDED_NOT_SENT = "RECORDED_NOT_SENT";

	private static final Logger log = LoggerFactory.getLogger(OutboxOnlyProvider.class);

	@Override
	public Delivery deliver(String phone, String body) {
		log.debug("SMS to {} recorded, not sent", Phone.mask(phone));
		return new Delivery(true, "local-" + UUID.randomUUID(), RECORDED_NOT_SENT);
	}

}
