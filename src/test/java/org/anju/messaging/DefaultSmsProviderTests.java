package org.anju.messaging;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a provider of its own, a deployment records messages in the outbox; with one,
 * that one sends them.
 */
class DefaultSmsProviderTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DefaultSmsProviderConfiguration.class));

	@Test
	void withoutAProviderMessagesAreRecordedAsNotSent() {
		this.context.run((context) -> {
			SmsProvider provider = context.getBean(SmsProvider.class);
			assertThat(provider).isInstanceOf(OutboxOnlyProvider.class);
			Delivery delivery = provider.deliver("13800138000", "测试");
			assertThat(delivery.accepted()).isTrue();
			assertThat(delivery.reason()).isEqualTo(OutboxOnlyProvider.RECORDED_NOT_SENT);
		});
	}

	@Test
	void aProviderOfTheDeploymentTakesItsPlace() {
		this.context.withBean(ScriptedSmsProvider.class).run((context) -> {
			assertThat(context).hasSingleBean(SmsProvider.class);
			assertThat(context.getBean(SmsProvider.class)).isInstanceOf(ScriptedSmsProvider.class);
		});
	}

}
