package org.anju.messaging;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a provider of its own, a deployment records messages in the outbox; with one,
 * that one sends them.
 */
class DefaultSmsProviderTests {

	@Test
	void withoutAProviderMessagesAreRecordedAsNotSent() {
		SmsProvider provider = OutboxDispatcher
			.chosen(new StaticListableBeanFactory().getBeanProvider(SmsProvider.class));

		assertThat(provider).isInstanceOf(OutboxOnlyProvider.class);
		Delivery delivery = provider.deliver("13800138000", "测试");
		assertThat(delivery.accepted()).isTrue();
		assertThat(delivery.reason()).isEqualTo(OutboxOnlyProvider.RECORDED_NOT_SENT);
	}

	@Test
	void aProviderOfTheDeploymentTakesItsPlace() {
		SmsProvider own = (phone, body) -> Delivery.accepted("own-1");
		SmsProvider provider = OutboxDispatcher
			.chosen(new StaticListableBeanFactory(Map.of("scripted", own)).getBeanProvider(SmsProvider.class));

		assertThat(provider).isSameAs(own);
	}

}
