package org.anju.duty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.shared.CommunityId;
import org.anju.stability.CurrentKeyPersons;
import org.anju.stability.CurrentKeyPersons.CurrentKeyPerson;

import org.springframework.stereotype.Component;

/**
 * Every current key person (重点人员): the staff member named when they were designated
 * answers for them at the grid level, and their grid's people above.
 */
@Component
class KeyPersonSubjects implements SubjectSource {

	private final CurrentKeyPersons keyPersons;

	KeyPersonSubjects(CurrentKeyPersons keyPersons) {
		this.keyPersons = keyPersons;
	}

	@Override
	public String type() {
		return "KEY_PERSON";
	}

	@Override
	public List<Subject> all(CommunityId community) {
		return this.keyPersons.all(community).stream().map(KeyPersonSubjects::subject).toList();
	}

	@Override
	public Optional<Subject> find(CommunityId community, String key) {
		Long id = PlaceSubjects.number(key);
		return (id == null) ? Optional.empty() : this.keyPersons.find(community, id).map(KeyPersonSubjects::subject);
	}

	private static Subject subject(CurrentKeyPerson keyPerson) {
		Long grid = keyPerson.gridId();
		return new Subject("KEY_PERSON", Long.toString(keyPerson.id()), keyPerson.personName(), grid,
				(grid != null) ? new Subject.Ref("GRID", Long.toString(grid)) : null,
				Map.of("GRID_WORKER", List.of(keyPerson.responsibleUserId())));
	}

}
