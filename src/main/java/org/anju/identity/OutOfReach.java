package org.anju.identity;

import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.shared.NotFound;

import org.springframework.stereotype.Component;

/**
 * What a caller meets who asks by id for something outside their reach, such as another
 * grid's person: the same 404 as for something that does not exist, so that nothing is
 * given away, and a row in the audit trail that stays although the request fails.
 */
@Component
public class OutOfReach {

	private final AuditTrail audit;

	OutOfReach(AuditTrail audit) {
		this.audit = audit;
	}

	/**
	 * @param reached whether the caller may see the object
	 * @param subjectType the audit trail's name for the kind of object, such as
	 * {@code PERSON}
	 * @param subject the name the 404 gives the kind of object, such as {@code person}
	 * @throws NotFound unless {@code reached}
	 */
	public void require(CurrentUser user, boolean reached, String subjectType, String subject, long id) {
		if (!reached) {
			this.audit.recordAlone(user.community(), user.username(), "ACCESS_DENIED", subjectType, id,
					Map.of("reason", "outside reach"));
			throw new NotFound(subject, id);
		}
	}

}
