package org.anju.platform;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * Stack traces are masked too: a database error quotes the key that it refused.
 */
public class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

	@Override
	protected String throwableProxyToString(IThrowableProxy proxy) {
		return LogMask.apply(super.throwableProxyToString(proxy));
	}

}
