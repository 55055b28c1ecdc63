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
			for (PlanView.RoleView role : plan.content().roles()) {
				if (role.namesSomeone() && role.vacancy() != null) {
					gaps.add(new PlanRoleGap(plan.id(), plan.name(), plan.content().number(), role.role(), null,
							role.vacancy(), role.defaultUserId(), role.defaultUserName(), role.postId(),
							role.postName()));
				}
			}
			List<PlanDraft.Contact> contacts = plan.content().contacts();
			for (int i = 0; i < contacts.size(); i++) {
				Long user = contacts.get(i).userId();
				if (user != null && !this.plans.staff(community, user)) {
					gaps.add(new PlanRoleGap(plan.id(), plan.name(), plan.content().number(), null, i,
							"HOLDER_DISABLED", user, contacts.get(i).name(), null, null));
				}
			}
		}
		return gaps;
	}

	/**
	 * @return every plan at the version that would run, skipping a plan with none
	 */
	List<Playbook> playbooks(CommunityId community) {
		List<Playbook> playbooks = new ArrayList<>();
		for (Plans.PlanRow plan : this.plans.all(community)) {
			Integer number = (plan.approvedNumber() != null) ? plan.approvedNumber() : plan.draftNumber();
			if (number != null) {
				this.plans.content(community, plan.id(), number)
					.ifPresent((content) -> playbooks.add(new Playbook(plan.id(), plan.nameZh(), content)));
			}
		}
		return playbooks;
	}

	/**
	 * A plan and the content of the version that would run.
	 */
	record Playbook(long id, String name, PlanView.VersionContent content) {
	}

}
