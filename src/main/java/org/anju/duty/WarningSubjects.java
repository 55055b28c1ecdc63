package org.anju.duty;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.shared.CommunityId;
import org.anju.stability.OpenWarnings;
import org.anju.stability.OpenWarnings.OpenWarning;
import org.anju.stability.WarningLevel;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Every warning not yet closed (open or acknowledged). The people it was sent to, who
 * must acknowledge it, answer for it at the grid worker level, and the leaders among them
 * as the community leader; when they have all gone, its subject's people do (a person's
 * grid, the grid, area or group itself), so a warning is a gap only when nobody is left
 * on either side, or when a person the matrix names for the warning itself was disabled.
 * Routing already follows the matrix, so most warnings are covered the moment they are
 * raised.
 */
@Component
class WarningSubjects implements SubjectSource {

	private static final Map<WarningLevel, String> NAMES = Map.of(WarningLevel.BLUE, "蓝色预警", WarningLevel.YELLOW,
			"黄色预警", WarningLevel.ORANGE, "橙色预警", WarningLevel.RED, "红色预警");

	private final OpenWarnings warnings;

	private final UserManagement users;

	WarningSubjects(OpenWarnings warnings, UserManagement users) {
		this.warnings = warnings;
		this.users = users;
	}

	@Override
	public String type() {
		return "WARNING";
	}

	@Override
	public List<Subject> all(CommunityId community) {
		List<OpenWarning> open = this.warnings.all(community);
		Set<Long> leaders = open.isEmpty() ? Set.of() : leaders(community);
		return open.stream().map((warning) -> subject(warning, leaders)).toList();
	}

	@Override
	public Optional<Subject> find(CommunityId community, String key) {
		Long id = PlaceSubjects.number(key);
		return (id == null) ? Optional.empty()
				: this.warnings.find(community, id).map((warning) -> subject(warning, leaders(community)));
	}

	private Set<Long> leaders(CommunityId community) {
		return Set.copyOf(this.users.enabledIds(community, Role.LEADER, null));
	}

	private static Subject subject(OpenWarning warning, Set<Long> leaders) {
		List<Long> routed = warning.responsibleUserIds();
		return new Subject("WARNING", Long.toString(warning.id()),
				NAMES.get(warning.level()) + " #" + warning.id() + " " + warning.subjectName(), warning.gridId(),
				parent(warning),
				Map.of("GRID_WORKER", routed, "COMMUNITY_LEADER", routed.stream().filter(leaders::contains).toList()));
	}

	/**
	 * @return the matrix subject the warning is about: a person's grid, since the matrix
	 * has no people; none for the whole community
	 */
	private static Subject.@Nullable Ref parent(OpenWarning warning) {
		return switch (warning.subjectType()) {
			case "PERSON" ->
				(warning.gridId() != null) ? new Subject.Ref("GRID", Long.toString(warning.gridId())) : null;
			case "GRID", "AREA", "GROUP" -> new Subject.Ref(warning.subjectType(), warning.subjectId());
			default -> null;
		};
	}

}
