package org.anju.duty;

import org.anju.shared.CommunityId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * For a module whose {@link CoverageSource} items changed (a plan was written or
 * approved): marks the change in the changing transaction, so that the coverage check
 * runs again once it commits, as after a change to a unit, post or the matrix.
 */
@Service
public class CoverageChanges {

	private final DutyChanges changes;

	CoverageChanges(DutyChanges changes) {
		this.changes = changes;
	}

	/**
	 * Must run inside the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(CommunityId community) {
		this.changes.record(community);
	}

}
