package org.anju.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.anju.duty.CoverageSource;
import org.anju.shared.CommunityId;

import org.springframework.stereotype.Component;

/**
 * Plans in the coverage check: every role that names a person or a post is an item, a gap
 * when the person was disabled or the post is empty or gone; a plan's contacts that name
 * staff members are one more item, a gap when any of them has gone.
 */
@Component
class PlanCoverage implements CoverageSource {

	static final String TYPE = "PLAN";

	static final String CONTACTS = "CONTACT";

	private final PlanRoleGaps gaps;

	private final Plans plans;

	PlanCoverage(PlanRoleGaps gaps, Plans plans) {
		this.gaps = gaps;
		this.plans = plans;
	}

	@Override
	public List<Item> items(CommunityId community) {
		List<Item> items = new ArrayList<>();
		for (PlanRoleGaps.Playbook plan : this.gaps.playbooks(community)) {
			String key = Long.toString(plan.id());
			for (PlanView.RoleView role : plan.roles()) {
				if (role.namesSomeone()) {
					items.add(new Item(TYPE, key, plan.name(), role.role().name(), role.vacancy(), null));
				}
			}
			List<Long> contacts = plan.contacts()
				.stream()
				.map(PlanDraft.Contact::userId)
				.filter(Objects::nonNull)
				.toList();
			if (!contacts.isEmpty()) {
				boolean gone = contacts.stream().anyMatch((user) -> !this.plans.staff(community, user));
				items.add(new Item(TYPE, key, plan.name(), CONTACTS, gone ? "HOLDER_DISABLED" : null, null));
			}
		}
		return items;
	}

}
