package org.anju.duty;

import java.util.List;

import org.anju.shared.CommunityId;
import org.anju.stability.Responsibles;

import org.springframework.stereotype.Component;

/**
 * Warnings follow the responsibility matrix: a grid's warning goes to the people the
 * matrix names for the grid (its grid worker, then its area's head, then the community
 * leader), an area's to the area's, and a group's to its liaison first. A person's and
 * the community's warnings are left to the engine, which sends a person's to their grid's
 * workers and the community's to the leaders.
 */
@Component
class WarningResponsibles implements Responsibles {

	private final Responsibilities matrix;

	WarningResponsibles(Responsibilities matrix) {
		this.matrix = matrix;
	}

	@Override
	public List<Long> of(CommunityId community, String subjectType, long subjectId) {
		return switch (subjectType) {
			case "GRID", "AREA" -> this.matrix.holders(community, subjectType, subjectId);
			default -> List.of();
		};
	}

	@Override
	public List<Long> ofGroup(CommunityId community, String groupCode) {
		return this.matrix.holders(community, "GROUP", groupCode);
	}

}
