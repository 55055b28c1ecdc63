package org.anju.stability;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Finds the people a warning goes to: the first {@link Responsibles} that names anyone,
 * else the grid workers of the subject's grid (a person or a grid) or the leaders (a
 * group, an area, the community, or a subject with no grid worker); and the leaders too
 * at orange and red.
 */
@Component
class WarningRouting {

	private final List<Responsibles> matrices;

	private final UserManagement users;

	WarningRouting(List<Responsibles> matrices, UserManagement users) {
		this.matrices = matrices;
		this.users = users;
	}

	List<Long> responsibles(CommunityId community, RiskSubject subject, @Nullable Long gridId, WarningLevel level) {
		Set<Long> ids = new LinkedHashSet<>();
		for (Responsibles matrix : this.matrices) {
			ids.addAll((subject.type() == RiskSubject.Type.GROUP) ? matrix.ofGroup(community, subject.id())
					: matrix.of(community, subject.type().name(), Long.parseLong(subject.id())));
			if (!ids.isEmpty()) {
				break;
			}
		}
		if (ids.isEmpty() && gridId != null
				&& (subject.type() == RiskSubject.Type.PERSON || subject.type() == RiskSubject.Type.GRID)) {
			ids.addAll(this.users.gridWorkerIds(community, gridId));
		}
		if (ids.isEmpty() || level.compareTo(WarningLevel.ORANGE) >= 0) {
			ids.addAll(leaders(community));
		}
		return List.copyOf(ids);
	}

	List<Long> leaders(CommunityId community) {
		return this.users.enabledIds(community, Role.LEADER, null);
	}

}
