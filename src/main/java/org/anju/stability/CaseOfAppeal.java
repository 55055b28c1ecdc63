package org.anju.stability;

import java.util.Optional;

import org.anju.appeals.AppealEscalations;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;

import org.springframework.stereotype.Component;

/**
 * Tells the appeal page which conflict case an appeal was escalated into.
 */
@Component
class CaseOfAppeal implements AppealEscalations {

	private final ConflictManagement conflicts;

	CaseOfAppeal(ConflictManagement conflicts) {
		this.conflicts = conflicts;
	}

	@Override
	public Optional<Escalation> of(CurrentUser user, long appealId) {
		return this.conflicts.escalatedFrom(user, appealId)
			.map((found) -> new Escalation(found.id(), found.state().name(), found.level().name()));
	}

	@Override
	public boolean mayEscalate(CurrentUser user) {
		return user.may(Permission.STABILITY_WORK);
	}

}
