package org.anju.stability;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.anju.AnjuSpringTest;
import org.anju.appeals.AppealChanged;
import org.anju.appeals.AppealState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.RegistryFixtures.COMMUNITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The marks that tell the risk tick what to score again.
 */
@AnjuSpringTest
class RiskMarkTests {

	@Autowired
	RiskTriggers triggers;

	@Autowired
	RiskEngine engine;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	/**
	 * An appeal marked already and changed again, and a tick while the change is still
	 * open: the tick may take the old mark and score the appeal without the change, but
	 * the change writes its own mark as it commits, so the next tick scores it with the
	 * change; the change is never left unscored.
	 */
	@Test
	void aChangeStillOpenDuringATickLeavesItsMarkForTheNextTick() throws Exception {
		long appealId = 900_000_000L + System.nanoTime() % 100_000_000L;
		String subject = RiskTriggers.APPEAL + appealId;
		this.jdbc.sql("insert into risk_dirty (community_id, subject) values (:c, :s)")
			.param("c", COMMUNITY.value())
			.param("s", subject)
			.update();
		CountDownLatch marked = new CountDownLatch(1);
		CountDownLatch ticked = new CountDownLatch(1);
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			Future<?> change = thread.submit(() -> this.transaction.executeWithoutResult((status) -> {
				this.triggers
					.on(new AppealChanged(COMMUNITY, appealId, "resolve", AppealState.RESOLVED, null, null, 3));
				marked.countDown();
				await().atMost(Duration.ofSeconds(20)).until(() -> ticked.getCount() == 0);
			}));
			assertThat(marked.await(20, TimeUnit.SECONDS)).isTrue();
			this.engine.recomputeMarked(COMMUNITY, 100_000);
			ticked.countDown();
			change.get(20, TimeUnit.SECONDS);
		}
		finally {
			thread.shutdownNow();
		}
		long left = this.jdbc.sql("select count(*) from risk_dirty where community_id = :c and subject = :s")
			.param("c", COMMUNITY.value())
			.param("s", subject)
			.query(Long.class)
			.single();
		assertThat(left).as("the change's mark, after a tick that ran while it was open").isEqualTo(1);
	}

}
