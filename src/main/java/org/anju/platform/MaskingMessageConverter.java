package org.anju.platform;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Log lines never hold a full ID number or mobile phone, whatever the code that logged
 * them did.
 */
public class MaskingMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return LogMask.apply(super.convert(event));
	}

}
