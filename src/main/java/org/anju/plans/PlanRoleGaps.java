package org.anju.plans;

import java.util.ArrayList;
import java.util.List;

import org.anju.shared.CommunityId;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The roles and contacts of plans whose person has gone: for the coverage check (subject
 * type {@code PLAN}) and the plan library. A plan is read at the version that would run:
 * the approved one, or while none is approved, the draft that will be. A role naming
 * nobody is not a gap here: an activation asks for its holder.
 */
@Service
@Transactional(readOnly = true)
public class PlanRoleGaps {

	private final Plans plans;

	PlanRoleGaps(Plans plans) {
		this.plans = plans;
	}

	/**
	 * @return the gaps of the community, by plan, roles before contacts; never
	 * {@literal null}
	 */
	public List<PlanRoleGap> of(CommunityId community) {
		List<PlanRoleGap> gaps = new ArrayList<>();
		for (Playbook plan : playbooks(community)) {
			for (PlanView.RoleView role : plan.roles()) {
				if (role.namesSomeone() && role.vacancy() != null) {
					gaps.add(new PlanRoleGap(plan.id(), plan.name(), plan.number(), role.role(), null, role.vacancy(),
							role.defaultUserId(), role.defaultUserName(), role.postId(), role.postName()));
				}
			}
			for (int i = 0; i < plan.contacts().size(); i++) {
				Long user = plan.contacts().get(i).userId();
				if (user != null && !this.plans.staff(community, user)) {
					gaps.add(new PlanRoleGap(plan.id(), plan.name(), plan.number(), null, i, "HOLDER_DISABLED", user,
							plan.contacts().get(i).name(), null, null));
				}
			}
		}
		return gaps;
	}

	/**
	 * @return every plan at the version that would run, skipping a plan with none
	 */
	List<Playbook> playbooks(CommunityId community) {
		return this.plans.playbooks(community);
	}

	/**
	 * A plan at the version that would run: its roles, with who would hold each now, and
	 * its contacts as written.
	 */
	record Playbook(long id, String name, int number, List<PlanView.RoleView> roles, List<PlanDraft.Contact> contacts) {
	}

}
