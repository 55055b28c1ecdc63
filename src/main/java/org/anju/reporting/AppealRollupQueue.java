package org.anju.reporting;

import java.time.Duration;
import java.util.List;

import org.anju.appeals.AppealChanged;
import org.anju.appeals.AppealSubmitted;
import org.anju.platform.BeforeCommit;
import org.anju.platform.SingleFlight;
import org.anju.shared.CommunityId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the appeal figures up to date in batches. The transaction that takes in or
 * changes an appeal marks it ({@code report_appeal_dirty}), so the mark commits or rolls
 * back with the change and survives a crash; once it commits, this node's refresher takes
 * every waiting mark of the community, a batch at a time, and moves their counts in one
 * statement ({@link AppealRollup#refresh}). Under load the batches grow by themselves,
 * and the day's bucket rows are written once per batch instead of once per appeal; a
 * sweep every few seconds takes what another node or a crash left.
 * <p>
 * A mark is taken with {@code FOR UPDATE SKIP LOCKED}, and a transaction writes its marks
 * together just before it commits, locked until the commit: a refresh that runs while a
 * change is open may take an older mark and read the appeal's facts without the change,
 * but the change's own mark is taken only once it committed, so the next refresh counts
 * it.
 */
@Component
class AppealRollupQueue {

	static final int BATCH = 500;

	private final AppealRollup rollup;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final SingleFlight refresher;

	private final BeforeCommit<Mark> marks = new BeforeCommit<>(this::write);

	AppealRollupQueue(AppealRollup rollup, JdbcClient jdbc, TransactionTemplate transaction,
			TaskExecutor applicationTaskExecutor, @Value("${anju.reporting.refresh-gather:PT0.2S}") Duration gather) {
		this.rollup = rollup;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.refresher = new SingleFlight("Refreshing the appeal figures", applicationTaskExecutor, gather,
				this::refreshAll);
	}

	@EventListener
	void on(AppealSubmitted submitted) {
		mark(submitted.community(), submitted.appealId());
	}

	@EventListener
	void on(AppealChanged changed) {
		mark(changed.community(), changed.appealId());
	}

	/**
	 * Marks the appeal in the caller's transaction, with the transaction's other marks as
	 * it commits.
	 */
	private void mark(CommunityId community, long appealId) {
		this.marks.add(new Mark(community.value(), appealId));
	}

	/**
	 * Writes marks in one statement, each once and in the order of their keys, so that
	 * two transactions marking the same appeals cannot wait for each other; and wakes the
	 * refresher once they commit.
	 */
	private void write(List<Mark> marks) {
		this.jdbc.sql("""
				insert into report_appeal_dirty (community_id, appeal_id)
				select distinct c, a from unnest(cast(:communities as bigint[]), cast(:appeals as bigint[])) as m(c, a)
				order by c, a
				on conflict (community_id, appeal_id) do update set marked_at = excluded.marked_at
				""")
			.param("communities", marks.stream().map(Mark::community).toArray(Long[]::new))
			.param("appeals", marks.stream().map(Mark::appealId).toArray(Long[]::new))
			.update();
		this.refresher.wakeAfterCommit();
	}

	private record Mark(long community, long appealId) {
	}

	@Scheduled(fixedDelayString = "${anju.reporting.sweep-interval:PT5S}", initialDelayString = "PT5S")
	void sweep() {
		this.refresher.wake();
	}

	/**
	 * Refreshes every marked appeal of every community, a batch per transaction.
	 */
	void refreshAll() {
		List<Long> communities = this.jdbc.sql("select distinct community_id from report_appeal_dirty")
			.query(Long.class)
			.list();
		for (Long community : communities) {
			boolean more = true;
			while (more) {
				more = Boolean.TRUE
					.equals(this.transaction.execute((status) -> refreshBatch(new CommunityId(community))));
			}
		}
	}

	/**
	 * @return whether the batch was full, so that more may wait; {@literal false} while a
	 * rebuild of the community runs
	 */
	private boolean refreshBatch(CommunityId community) {
		if (!RollupLocks.refresh(this.jdbc, community)) {
			// a rebuild runs: the marks wait for the sweep after it
			return false;
		}
		List<Long> appeals = this.jdbc.sql("""
				delete from report_appeal_dirty d
				where d.community_id = :c and d.appeal_id in (
				  select appeal_id from report_appeal_dirty where community_id = :c
				  order by marked_at limit :batch for update skip locked)
				returning d.appeal_id
				""").param("c", community.value()).param("batch", BATCH).query(Long.class).list();
		if (!appeals.isEmpty()) {
			this.rollup.refresh(community, appeals);
		}
		return appeals.size() == BATCH;
	}

}
