package org.anju.duty;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.shared.CommunityId;

import org.springframework.stereotype.Component;

/**
 * Every active interest group (人员类别), named by its code: it needs a liaison (联络人) and a
 * leader named in the matrix.
 */
@Component
class GroupSubjects implements SubjectSource {

	private final InterestGroups groups;

	GroupSubjects(InterestGroups groups) {
		this.groups = groups;
	}

	@Override
	public String type() {
		return "GROUP";
	}

	@Override
	public List<Subject> all(CommunityId community) {
		return this.groups.all(community).stream().filter(InterestGroup::active).map(GroupSubjects::subject).toList();
	}

	@Override
	public Optional<Subject> find(CommunityId community, String key) {
		return Optional.ofNullable(this.groups.byCode(community).get(key))
			.filter(InterestGroup::active)
			.map(GroupSubjects::subject);
	}

	private static Subject subject(InterestGroup group) {
		return new Subject("GROUP", group.code(), group.name(Locale.CHINESE), null, null, Map.of());
	}

}
