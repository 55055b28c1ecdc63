package org.anju.audit;

import java.util.Map;

import org.anju.shared.CommunityId;

/**
 * The one way a module writes to the audit trail. Values given in {@code detail} must
 * already be masked; an appeal's free text is never copied here. Who and from which
 * address are taken from the current request.
 */
public interface AuditTrail {

	/**
	 * Records a change inside the caller's transaction, so that both commit or neither
	 * does.
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a
	 * transaction
	 */
	void record(CommunityId community, String action, String subjectType, Object subjectId, Map<String, ?> detail);

	/**
	 * Records a change as {@link #record} does, but writes the row just before the
	 * caller's transaction commits, in one statement with the transaction's other rows
	 * recorded so: for a writer of many changes in one transaction, such as appeal
	 * intake, that does not read its rows back. Who and from where are taken now.
	 * @throws org.springframework.transaction.IllegalTransactionStateException outside a
	 * transaction
	 */
	void recordBeforeCommit(CommunityId community, String action, String subjectType, Object subjectId,
			Map<String, ?> detail);

	/**
	 * Records an event that must stay even when the request around it fails: a denied
	 * access, a failed login. It commits on its own.
	 */
	void recordAlone(CommunityId community, String actor, String action, String subjectType, Object subjectId,
			Map<String, ?> detail);

	/**
	 * @return rows matching the filter, newest first
	 */
	AuditPage find(CommunityId community, AuditFilter filter, @org.jspecify.annotations.Nullable String cursor,
			int size);

	/**
	 * Seals what is committed, then walks the chain from its start.
	 */
	ChainVerification verify(CommunityId community);

}
