package org.anju.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed audit rows into one hash chain per community, in the order it finds
 * them, shortly after they commit. Keeping the chain off the business transaction means
 * no global lock on the hot path. A community's chain head is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so that several nodes never seal the same community at
 * once.
 */
@Component
class AuditChainer {

	private static final Logger log = LoggerFactory.getLogger(AuditChainer.class);

	private static final int BATCH = 2000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	AuditChainer(JdbcClient jdbc, TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Scheduled(fixedDelayString = "${anju.audit.seal-interval:1000}")
	void sealAll() {
		try {
			this.jdbc.sql("select distinct community_id from audit_event where hash is null")
				.query(Long.class)
				.list()
				.forEach((community) -> seal(new CommunityId(community)));
		}
		catch (DataAccessResourceFailureException | CannotCreateTransactionException ex) {
			// The database is away; health says so, and the rows wait for the next round.
			log.debug("Audit chainer skipped a round: {}", ex.getMessage());
		}
	}

	void seal(CommunityId community) {
		boolean more = true;
		while (more) {
			more = Boolean.TRUE.equals(this.transaction.execute((status) -> sealBatch(community)));
		}
	}

	private boolean sealBatch(CommunityId community) {
		this.jdbc.sql("""
				insert into audit_chain_head (community_id, last_seq, last_hash) values (:community, 0, :zero)
				on conflict (community_id) do nothing
				""").param("community", community.value()).param("zero", "0".repeat(64)).update();
		List<Head> head = this.jdbc.sql(
				"select last_seq, last_hash from audit_chain_head where community_id = :community for update skip locked")
			.param("community", community.value())
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.list();
		if (head.isEmpty()) {
			return false;
		}
		long seq = head.get(0).seq();
		String previous = head.get(0).hash();
		List<Row> rows = this.jdbc.sql(rowQuery("hash is null order by id limit " + BATCH))
			.param("community", community.value())
			.query(AuditChainer::row)
			.list();
		if (rows.isEmpty()) {
			return false;
		}
		long[] ids = new long[rows.size()];
		long[] seqs = new long[rows.size()];
		String[] prevs = new String[rows.size()];
		String[] hashes = new String[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			seq++;
			ids[i] = rows.get(i).id();
			seqs[i] = seq;
			prevs[i] = previous;
			hashes[i] = hash(previous, rows.get(i));
			previous = hashes[i];
		}
		// One statement for the whole batch: a round trip per row cost more than the
		// hashing and the writes together.
		this.jdbc.sql("""
				update audit_event e set chain_seq = s.seq, prev_hash = s.prev, hash = s.hash
				from unnest(cast(:ids as bigint[]), cast(:seqs as bigint[]), cast(:prevs as text[]),
				            cast(:hashes as text[])) as s(id, seq, prev, hash)
				where e.community_id = :community and e.id = s.id
				""")
			.param("ids", ids)
			.param("seqs", seqs)
			.param("prevs", prevs)
			.param("hashes", hashes)
			.param("community", community.value())
			.update();
		this.jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash where community_id = :community")
			.param("seq", seq)
			.param("hash", previous)
			.param("community", community.value())
			.update();
		return rows.size() == BATCH;
	}

	ChainVerification walk(CommunityId community) {
		String previous = "0".repeat(64);
		long checked = 0;
		long afterSeq = 0;
		while (true) {
			List<Row> rows = this.jdbc.sql(rowQuery("chain_seq > :after order by chain_seq limit " + BATCH))
				.param("community", community.value())
				.param("after", afterSeq)
				.query(AuditChainer::row)
				.list();
			for (Row row : rows) {
				checked++;
				if (row.seq() == null || row.seq() != checked || !previous.equals(row.prevHash())
						|| !hash(previous, row).equals(row.hash())) {
					return new ChainVerification(false, checked, row.id());
				}
				previous = row.hash();
				afterSeq = row.seq();
			}
			if (rows.size() < BATCH) {
				return new ChainVerification(true, checked, null);
			}
		}
	}

	private static String rowQuery(String where) {
		return """
				select id, chain_seq, prev_hash, hash, community_id,
				       (extract(epoch from at) * 1000000)::bigint as at_micros,
				       actor, coalesce(actor_ip, '') as actor_ip, action,
				       coalesce(subject_type, '') as subject_type, coalesce(subject_id, '') as subject_id,
				       detail::text as detail
				from audit_event where community_id = :community and""" + " " + where;
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long seq = rs.getLong("chain_seq");
		Long sealedSeq = rs.wasNull() ? null : seq;
		return new Row(rs.getLong("id"), sealedSeq, rs.getString("prev_hash"), rs.getString("hash"),
				String.join("|", rs.getString("community_id"), rs.getString("id"), rs.getString("at_micros"),
						rs.getString("actor"), rs.getString("actor_ip"), rs.getString("action"),
						rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail")));
	}

	private static String hash(String previous, Row row) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(previous.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) '\n');
			sha.update(row.content().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Head(long seq, String hash) {
	}

	private record Row(long id, @Nullable Long seq, @Nullable String prevHash, @Nullable String hash, String content) {
	}

}
