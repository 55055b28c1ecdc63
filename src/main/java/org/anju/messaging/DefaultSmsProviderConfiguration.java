package org.anju.messaging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Falls back to {@link OutboxOnlyProvider} when the application declares no
 * {@link SmsProvider}. It is an auto-configuration so that it is decided after every bean
 * of the application, wherever that bean is declared.
 */
@AutoConfiguration
class DefaultSmsProviderConfiguration {

	@Bean
	@ConditionalOnMissingBean(SmsProvider.class)
	SmsProvider outboxOnlyProvider() {
		return new OutboxOnlyProvider();
	}

}
