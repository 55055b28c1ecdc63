package org.anju.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.anju.shared.CommunityId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit module alone on the embedded PostgreSQL (platform comes along: it owns the
 * embedded database's auto-configuration). Each test writes into a community of its own,
 * so that tampering with its chain never breaks the chain other tests verify.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@Import(CommunityOneCallers.class)
class AuditModuleTests {

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	CommunityId community;

	@BeforeEach
	void openACommunityOfItsOwn() {
		long id = this.jdbc
			.sql("insert into community (id, name) select coalesce(max(id), 0) + 1, :name"
					+ " from community returning id")
			.param("name", "审计测试社区 " + UUID.randomUUID())
			.query(Long.class)
			.single();
		this.community = new CommunityId(id);
	}

	@Test
	void aRecordCommitsWithTheChangeAroundIt() {
		this.transaction.executeWithoutResult((status) -> record("PLACE_CREATED", 1));

		assertThat(actions()).containsExactly("PLACE_CREATED");
	}

	@Test
	void aRecordRollsBackWithTheChangeAroundIt() {
		this.transaction.executeWithoutResult((status) -> {
			record("PLACE_CREATED", 1);
			status.setRollbackOnly();
		});

		assertThat(actions()).isEmpty();
	}

	@Test
	void aRecordOutsideATransactionIsRefused() {
		assertThatThrownBy(() -> record("PLACE_CREATED", 1)).isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void aRecordAloneStaysWhenTheRequestAroundItFails() {
		this.transaction.executeWithoutResult((status) -> {
			this.audit.recordAlone(this.community, "gw", "ACCESS_DENIED", "PERSON", 42, Map.of());
			status.setRollbackOnly();
		});

		assertThat(actions()).containsExactly("ACCESS_DENIED");
	}

	@Test
	void rowsAreFoundNewestFirstByFilter() {
		this.transaction.executeWithoutResult((status) -> {
			record("PLACE_CREATED", 1);
			record("PLACE_RENAMED", 1);
			record("PLACE_CREATED", 2);
		});

		AuditPage created = this.audit.find(this.community,
				new AuditFilter(null, "PLACE_CREATED", null, null, null, null), null, 10);
		AuditPage firstPage = this.audit.find(this.community, AuditFilter.everything(), null, 2);
		AuditPage secondPage = this.audit.find(this.community, AuditFilter.everything(), firstPage.next(), 2);

		assertThat(created.items()).extracting(AuditEntry::subjectId).containsExactly("2", "1");
		assertThat(firstPage.items()).extracting(AuditEntry::action).containsExactly("PLACE_CREATED", "PLACE_RENAMED");
		assertThat(secondPage.items()).extracting(AuditEntry::action).containsExactly("PLACE_CREATED");
		assertThat(secondPage.next()).isNull();
	}

	@Test
	void anUntouchedChainVerifies() {
		recordThree();

		ChainVerification verification = this.audit.verify(this.community);

		assertThat(verification.intact()).isTrue();
		assertThat(verification.rows()).isEqualTo(3);
		assertThat(verification.firstBrokenId()).isNull();
		assertThat(this.audit.find(this.community, AuditFilter.everything(), null, 10).items())
			.allSatisfy((entry) -> assertThat(entry.sealed()).isTrue());
	}

	@Test
	void aRowChangedBehindTheTriggersBackIsFoundAsTheFirstBrokenOne() {
		List<Long> ids = recordThree();
		assertThat(this.audit.verify(this.community).intact()).isTrue();

		behindTheTriggersBack(
				"update audit_event set detail = '{\"n\": \"forged\"}' where community_id = :c and id = :id",
				ids.get(1));

		ChainVerification verification = this.audit.verify(this.community);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenId()).isEqualTo(ids.get(1));
	}

	@Test
	void aRowDeletedBehindTheTriggersBackBreaksTheChainAtItsSuccessor() {
		List<Long> ids = recordThree();
		assertThat(this.audit.verify(this.community).intact()).isTrue();

		behindTheTriggersBack("delete from audit_event where community_id = :c and id = :id", ids.get(1));

		ChainVerification verification = this.audit.verify(this.community);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenId()).isEqualTo(ids.get(2));
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteASealedRow() {
		long id = recordThree().get(0);
		this.audit.verify(this.community);

		assertThatThrownBy(() -> this.jdbc
			.sql("update audit_event set actor = 'someone else' where community_id = :c and id = :id")
			.param("c", this.community.value())
			.param("id", id)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_event where community_id = :c and id = :id")
			.param("c", this.community.value())
			.param("id", id)
			.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThat(this.audit.verify(this.community).intact()).isTrue();
	}

	/**
	 * A writer of many changes in one transaction records their rows to be written
	 * together as it commits: in the order recorded, not before the commit, and not at
	 * all on a rollback.
	 */
	@Test
	void rowsRecordedBeforeCommitAreWrittenInOrderAsTheTransactionCommitsAndNotOnARollback() {
		this.transaction.executeWithoutResult((status) -> {
			this.audit.recordBeforeCommit(this.community, "PLACE_CREATED", "PLACE", 7, Map.of("n", 7));
			this.audit.recordBeforeCommit(this.community, "PLACE_RENAMED", "PLACE", 7, Map.of("n", 7));
			assertThat(actions()).as("before the commit").isEmpty();
		});
		this.transaction.executeWithoutResult((status) -> {
			this.audit.recordBeforeCommit(this.community, "PLACE_DELETED", "PLACE", 7, Map.of("n", 7));
			status.setRollbackOnly();
		});

		assertThat(actions()).containsExactly("PLACE_CREATED", "PLACE_RENAMED");
		assertThat(this.audit.verify(this.community).intact()).isTrue();
	}

	@Test
	void theDatabaseRefusesToChangeTheContentOfARowNotYetSealed() {
		this.transaction.executeWithoutResult((status) -> {
			record("PLACE_CREATED", 1);
			// Still unsealed: the chainer only sees committed rows.
			assertThatThrownBy(() -> this.jdbc
				.sql("update audit_event set detail = '{}' where community_id = :c and action = 'PLACE_CREATED'")
				.param("c", this.community.value())
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
			status.setRollbackOnly();
		});
	}

	private List<Long> recordThree() {
		this.transaction.executeWithoutResult((status) -> {
			record("PLACE_CREATED", 1);
			record("PLACE_RENAMED", 1);
			record("PLACE_DELETED", 1);
		});
		return this.jdbc.sql("select id from audit_event where community_id = :c order by id")
			.param("c", this.community.value())
			.query(Long.class)
			.list();
	}

	/**
	 * What only someone with the database owner's rights can do: switch the trigger off,
	 * change a row, and switch it on again, all in one transaction so that no one else
	 * ever writes while it is off.
	 */
	private void behindTheTriggersBack(String sql, long id) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update();
			this.jdbc.sql(sql).param("c", this.community.value()).param("id", id).update();
			this.jdbc.sql("alter table audit_event enable trigger audit_event_append_only").update();
		});
	}

	private void record(String action, long subject) {
		this.audit.record(this.community, action, "PLACE", subject, Map.of("n", subject));
	}

	private List<String> actions() {
		return this.jdbc.sql("select action from audit_event where community_id = :c order by id")
			.param("c", this.community.value())
			.query(String.class)
			.list();
	}

}
