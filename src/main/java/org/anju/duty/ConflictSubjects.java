package org.anju.duty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.shared.CommunityId;
import org.anju.stability.OpenConflicts;
import org.anju.stability.OpenConflicts.OpenConflict;

import org.springframework.stereotype.Component;

/**
 * Every open conflict case: its owner leader (包案领导) answers for it as the community
 * leader, and its grid's people below.
 */
@Component
class ConflictSubjects implements SubjectSource {

	private final OpenConflicts conflicts;

	ConflictSubjects(OpenConflicts conflicts) {
		this.conflicts = conflicts;
	}

	@Override
	public String type() {
		return "CONFLICT";
	}

	@Override
	public List<Subject> all(CommunityId community) {
		return this.conflicts.all(community).stream().map(ConflictSubjects::subject).toList();
	}

	@Override
	public Optional<Subject> find(CommunityId community, String key) {
		Long id = PlaceSubjects.number(key);
		return (id == null) ? Optional.empty() : this.conflicts.find(community, id).map(ConflictSubjects::subject);
	}

	private static Subject subject(OpenConflict conflict) {
		return new Subject("CONFLICT", Long.toString(conflict.id()), conflict.title(), conflict.gridId(),
				new Subject.Ref("GRID", Long.toString(conflict.gridId())),
				Map.of("COMMUNITY_LEADER", List.of(conflict.ownerLeaderId())));
	}

}
