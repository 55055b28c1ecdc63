package org.anju.appeals;

import java.util.Optional;

import org.anju.identity.CurrentUser;

/**
 * What an appeal became further down the line, for the appeal page: the stability module,
 * which depends on appeals, tells it which conflict case an appeal was escalated into.
 * Implemented downstream, so that appeals depends on nothing there.
 */
public interface AppealEscalations {

	/**
	 * @return the case the appeal was escalated into, if there is one and the caller
	 * reaches it
	 */
	Optional<Escalation> of(CurrentUser user, long appealId);

	/**
	 * @return whether the caller may escalate appeals into conflict cases at all
	 */
	boolean mayEscalate(CurrentUser user);

	/**
	 * A conflict case an appeal was escalated into, with its state and risk level codes.
	 */
	record Escalation(long caseId, String state, String level) {
	}

}
