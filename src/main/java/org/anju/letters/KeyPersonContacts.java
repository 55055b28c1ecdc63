package org.anju.letters;

import java.time.Instant;

import org.anju.shared.CommunityId;
import org.anju.shared.Territory;
import org.anju.stability.StabilityInScope;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 重点人员按期联系率: of the key persons under watch who live in the territory, the share whose
 * next contact is not overdue; the misses are the overdue ones.
 */
@Component
@Order(80)
class KeyPersonContacts implements Metric {

	private final StabilityInScope stability;

	KeyPersonContacts(StabilityInScope stability) {
		this.stability = stability;
	}

	@Override
	public String code() {
		return "KEY_PERSON_CONTACTS";
	}

	@Override
	public Measure measure() {
		return Measure.RATE;
	}

	@Override
	public Figure figure(CommunityId community, Territory territory, Instant now) {
		StabilityInScope.Share share = this.stability.keyPersonContacts(community, territory,
				now.atZone(Territory.ZONE).toLocalDate());
		return Figure.rate(share.good(), share.total(),
				share.missIds()
					.stream()
					.map((id) -> new Figure.Evidence("KEY_PERSON", id, "/key-persons/" + id))
					.toList());
	}

}
