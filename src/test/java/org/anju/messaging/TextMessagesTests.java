package org.anju.messaging;

import java.time.Duration;
import java.util.Map;

import org.anju.AnjuSpringTest;
import org.anju.RegistryFixtures;
import org.anju.shared.InvalidInput;
import org.anju.shared.Phone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.messaging.MessagingFixtures.COMMUNITY;
import static org.anju.messaging.MessagingFixtures.phone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Sending a text message: the template filled, the limits applied, the outbox written in
 * the sender's transaction and delivered once it commits.
 */
@AnjuSpringTest
class TextMessagesTests {

	@Autowired
	TextMessages messages;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ScriptedSmsProvider provider;

	MessagingFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new MessagingFixtures(this.messages, this.transaction, this.jdbc);
	}

	@Test
	void aReceiptIsFilledInWithTheCommunitysNameAndDeliveredAfterTheCommit() {
		Phone to = phone();
		String appeal = RegistryFixtures.unique("2026");

		Queued queued = this.fixtures.sendCommitted(to, "APPEAL_RECEIVED",
				Map.of("number", appeal, "dueDate", "2026-12-01"), appeal);

		assertThat(queued.state()).isEqualTo(MessageState.QUEUED);
		String expected = "【示范企业社区】您的诉求已受理，编号 " + appeal + "，我们将在 2026-12-01 前办结。";
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.fixtures.row(queued.id()).state()).isEqualTo(MessageState.SENT));
		MessagingFixtures.Row row = this.fixtures.row(queued.id());
		assertThat(row.body()).isEqualTo(expected);
		assertThat(row.attempts()).isEqualTo(1);
		assertThat(row.sent()).isTrue();
		assertThat(row.providerMessageId()).startsWith("scripted-");
		assertThat(this.provider.deliveredTo(to.value())).containsExactly(expected);
	}

	@Test
	void aMissingValueIsRefusedAndNothingIsWritten() {
		Phone to = phone();

		assertThatThrownBy(() -> this.fixtures.sendCommitted(to, "APPEAL_RECEIVED", Map.of("number", "2026-1"), "1"))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.violations().get(0).args()).containsExactly("dueDate"));
		assertThat(rowsTo(to)).isZero();
	}

	@Test
	void aReplyTooLongForOneMessageIsRefused() {
		Phone to = phone();

		assertThatThrownBy(() -> this.fixtures.sendCommitted(to, "APPEAL_RESOLVED",
				Map.of("number", "2026-2", "reply", "已处理".repeat(200)), "2"))
			.isInstanceOfSatisfying(InvalidInput.class,
					(ex) -> assertThat(ex.violations().get(0).code()).isEqualTo("sms.body.tooLong"));
		assertThat(rowsTo(to)).isZero();
	}

	@Test
	void anUnknownTemplateIsAProgrammingError() {
		assertThatThrownBy(() -> this.fixtures.sendCommitted(phone(), "NO_SUCH_TEMPLATE", Map.of(), null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("NO_SUCH_TEMPLATE");
	}

	@Test
	void aSenderThatRollsBackSendsNothing() {
		Phone to = phone();

		this.transaction.executeWithoutResult((status) -> {
			this.messages.send(COMMUNITY, to, "CALLBACK_REQUEST", Map.of("number", "2026-3"), "APPEAL", "3");
			assertThat(rowsTo(to)).as("visible inside the sender's transaction").isOne();
			status.setRollbackOnly();
		});

		assertThat(rowsTo(to)).isZero();
		assertThat(this.provider.deliveredTo(to.value())).isEmpty();
	}

	@Test
	void theSameTemplateAboutTheSameItemIsSentOnce() {
		Phone to = phone();
		String appeal = RegistryFixtures.unique("A");

		Queued first = this.fixtures.sendCommitted(to, "CALLBACK_REQUEST", Map.of("number", appeal), appeal);
		Queued again = this.fixtures.sendCommitted(to, "CALLBACK_REQUEST", Map.of("number", appeal), appeal);
		Queued otherTemplate = this.fixtures.sendCommitted(to, "APPEAL_RESOLVED",
				Map.of("number", appeal, "reply", "已修好"), appeal);

		assertThat(first.state()).isEqualTo(MessageState.QUEUED);
		assertThat(again.state()).isEqualTo(MessageState.SUPPRESSED);
		assertThat(again.reason()).isEqualTo(TextMessages.DUPLICATE);
		assertThat(this.fixtures.row(again.id()).reason()).isEqualTo(TextMessages.DUPLICATE);
		assertThat(otherTemplate.state()).isEqualTo(MessageState.QUEUED);
	}

	@Test
	void aNumberGetsAtMostFiveMessagesIn24HoursAndTheRestAreRecordedAsSuppressed() {
		Phone to = phone();
		for (int i = 0; i < 5; i++) {
			assertThat(this.fixtures.sendCommitted(to).state()).as("message %d", i + 1).isEqualTo(MessageState.QUEUED);
		}

		Queued sixth = this.fixtures.sendCommitted(to);

		assertThat(sixth.suppressed()).isTrue();
		assertThat(sixth.reason()).isEqualTo(TextMessages.DAILY_LIMIT);
		assertThat(rowsTo(to)).isEqualTo(6);
		assertThat(this.fixtures.sendCommitted(phone()).state()).as("another number").isEqualTo(MessageState.QUEUED);
	}

	@Test
	void aLandlineIsRecordedButNotSent() {
		Queued queued = this.fixtures.sendCommitted(Phone.parse("0730-8123456"));

		assertThat(queued.reason()).isEqualTo(TextMessages.NOT_MOBILE);
		assertThat(this.fixtures.row(queued.id()).state()).isEqualTo(MessageState.SUPPRESSED);
	}

	private int rowsTo(Phone to) {
		return this.jdbc.sql("select count(*) from sms_outbox where community_id = :c and to_phone = :phone")
			.param("c", COMMUNITY.value())
			.param("phone", to.value())
			.query(Integer.class)
			.single();
	}

}
