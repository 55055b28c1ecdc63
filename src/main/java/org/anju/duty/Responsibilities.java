package org.anju.duty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.PreconditionRequired;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The responsibility matrix: for every subject (area, grid, building, interest group,
 * open conflict case, key person, warning not closed) a named staff account at each level
 * its type needs. Where the matrix names nobody, the subject's default answers (a grid's
 * grid workers, a case's owner leader), and else its parent's person at that level (a
 * building's grid, a grid's area).
 */
@Service
@Transactional(readOnly = true)
public class Responsibilities {

	private final JdbcClient jdbc;

	private final Map<String, SubjectSource> sources;

	private final UserManagement users;

	private final AuditTrail audit;

	private final DutyChanges changes;

	Responsibilities(JdbcClient jdbc, List<SubjectSource> sources, UserManagement users, AuditTrail audit,
			DutyChanges changes) {
		this.jdbc = jdbc;
		this.sources = sources.stream()
			.collect(Collectors.toMap(SubjectSource::type, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.users = users;
		this.audit = audit;
		this.changes = changes;
	}

	/**
	 * Who answers for a subject, for routing a warning or an escalation: at every level
	 * the subject's type needs or the matrix names, the nearest level first (grid worker
	 * before area head before community leader). Disabled accounts are left out.
	 * @param subjectType a subject type code such as {@code GRID} or {@code CONFLICT}
	 * @return enabled staff account ids, nearest level first, without repeats; empty for
	 * an unknown subject, never {@literal null}
	 */
	public List<Long> holders(CommunityId community, String subjectType, long subjectId) {
		return holders(community, subjectType, Long.toString(subjectId));
	}

	/**
	 * As {@link #holders(CommunityId, String, long)}, for a subject named by a code, such
	 * as an interest group ({@code GROUP}, {@code RETIREE}).
	 */
	public List<Long> holders(CommunityId community, String subjectType, String subjectKey) {
		SubjectSource source = this.sources.get(subjectType);
		Optional<Subject> subject = (source != null) ? source.find(community, subjectKey) : Optional.empty();
		if (subject.isEmpty()) {
			return List.of();
		}
		Map<Resolution.Key, Resolution.Named> named = named(community);
		Resolution resolution = new Resolution(lookup(community, Map.of()), named, enabledStaff(community));
		Set<String> levels = new LinkedHashSet<>(requirements(community).getOrDefault(subjectType, List.of()));
		named.keySet()
			.stream()
			.filter((key) -> key.type().equals(subjectType) && key.key().equals(subjectKey))
			.forEach((key) -> levels.add(key.level()));
		Map<String, Integer> ranks = ranks(community);
		Set<Long> holders = new LinkedHashSet<>();
		levels.stream()
			.sorted(Comparator.comparing((String level) -> ranks.getOrDefault(level, 0)).reversed())
			.forEach((level) -> holders.addAll(resolution.resolve(subject.get(), level).holders()));
		return List.copyOf(holders);
	}

	/**
	 * @return the subject type codes the matrix knows
	 */
	Set<String> types() {
		return this.sources.keySet();
	}

	/**
	 * @return the levels, the top first
	 */
	List<Level> levels(CommunityId community) {
		return this.jdbc
			.sql("select code, name_zh, name_en, rank from duty_level where community_id = :c order by rank, code")
			.param("c", community.value())
			.query(Level.class)
			.list();
	}

	/**
	 * Every cell of the matrix the caller may see: a grid worker sees only the subjects
	 * that lie in their grids.
	 * @param subjectType only this type, or every type
	 */
	List<MatrixRow> matrix(CurrentUser user, @Nullable String subjectType) {
		if (!user.may(Permission.DUTY_READ)) {
			throw new AccessDeniedException("needs DUTY_READ");
		}
		if (subjectType != null && !this.sources.containsKey(subjectType)) {
			throw new org.anju.shared.BadParameter("subjectType", "duty.subject.type.unknown", subjectType);
		}
		return rows(user.community(), subjectType).stream()
			.filter((row) -> user.scope().wholeCommunity() || user.scope().covers(row.gridId()))
			.toList();
	}

	/**
	 * Every cell of the matrix, the subjects of each type by name.
	 */
	List<MatrixRow> rows(CommunityId community, @Nullable String subjectType) {
		Map<Subject.Ref, Subject> loaded = new HashMap<>();
		List<Subject> subjects = new ArrayList<>();
		this.sources.values()
			.stream()
			.filter((source) -> subjectType == null || source.type().equals(subjectType))
			.forEach((source) -> source.all(community).forEach((subject) -> {
				loaded.put(subject.ref(), subject);
				subjects.add(subject);
			}));
		Resolution resolution = new Resolution(lookup(community, loaded), named(community), enabledStaff(community));
		Map<String, List<String>> required = requirements(community);
		List<MatrixRow> rows = new ArrayList<>();
		for (Subject subject : subjects) {
			for (String level : required.getOrDefault(subject.type(), List.of())) {
				Holding holding = resolution.resolve(subject, level);
				String gap = holding.namedDisabled() ? "HOLDER_DISABLED"
						: holding.holders().isEmpty() ? "NO_RESPONSIBLE" : null;
				rows.add(new MatrixRow(subject.type(), MatrixRow.subjectId(subject.key()), subject.name(),
						subject.gridId(), level, holding.named(), holding.namedVersion(), holding.holders(),
						holding.origin(), gap));
			}
		}
		return rows;
	}

	/**
	 * Names the account that answers for a subject at a level. Naming someone where
	 * someone is named already needs that row's version.
	 * @throws InvalidInput for an unknown type, a level the type does not need, or an
	 * account that is not an enabled staff account
	 * @throws NotFound when there is no such subject
	 * @throws PreconditionRequired when someone is named and no version was given
	 * @throws StaleVersion when the named row changed since {@code expectedVersion}
	 */
	@Transactional
	MatrixRow assign(CurrentUser user, String subjectType, String subjectKey, String level,
			@Nullable Long expectedVersion, @Nullable Long userId) {
		Units.requireManage(user);
		Subject subject = subject(user.community(), subjectType, subjectKey, level);
		if (userId == null) {
			throw new InvalidInput("userId", "field.required");
		}
		Posts.staffAccount(this.users, user.community(), userId, "userId");
		Resolution.Named before = named(user.community()).get(new Resolution.Key(subjectType, subjectKey, level));
		if (before != null) {
			if (expectedVersion == null) {
				throw new PreconditionRequired();
			}
			int updated = this.jdbc.sql("""
					update duty_responsibility set user_id = :user, version = version + 1, assigned_at = now()
					where community_id = :c and subject_type = :type and subject_key = :key and level_code = :level
					  and version = :version
					""")
				.param("user", userId)
				.param("c", user.communityId())
				.param("type", subjectType)
				.param("key", subjectKey)
				.param("level", level)
				.param("version", expectedVersion)
				.update();
			if (updated == 0) {
				throw new StaleVersion(before.version());
			}
		}
		else {
			this.jdbc.sql("""
					insert into duty_responsibility (community_id, subject_type, subject_key, level_code, user_id)
					values (:c, :type, :key, :level, :user)
					""")
				.param("c", user.communityId())
				.param("type", subjectType)
				.param("key", subjectKey)
				.param("level", level)
				.param("user", userId)
				.update();
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("subjectType", subjectType);
		detail.put("subjectId", subjectKey);
		detail.put("level", level);
		detail.put("before", (before != null) ? before.userId() : null);
		detail.put("after", userId);
		this.audit.record(user.community(), "RESPONSIBILITY_ASSIGNED", "RESPONSIBILITY",
				subjectType + ":" + subjectKey + ":" + level, detail);
		this.changes.record(user.community());
		return cell(user.community(), subject, level);
	}

	/**
	 * Takes the named account off a cell; the default or the parent answers again.
	 * @throws NotFound when nobody is named there
	 */
	@Transactional
	void remove(CurrentUser user, String subjectType, String subjectKey, String level, long expectedVersion) {
		Units.requireManage(user);
		subject(user.community(), subjectType, subjectKey, level);
		Resolution.Named before = named(user.community()).get(new Resolution.Key(subjectType, subjectKey, level));
		if (before == null) {
			throw new NotFound("responsibility", subjectType + ":" + subjectKey + ":" + level);
		}
		int deleted = this.jdbc.sql("""
				delete from duty_responsibility
				where community_id = :c and subject_type = :type and subject_key = :key and level_code = :level
				  and version = :version
				""")
			.param("c", user.communityId())
			.param("type", subjectType)
			.param("key", subjectKey)
			.param("level", level)
			.param("version", expectedVersion)
			.update();
		if (deleted == 0) {
			throw new StaleVersion(before.version());
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("subjectType", subjectType);
		detail.put("subjectId", subjectKey);
		detail.put("level", level);
		detail.put("before", before.userId());
		this.audit.record(user.community(), "RESPONSIBILITY_REMOVED", "RESPONSIBILITY",
				subjectType + ":" + subjectKey + ":" + level, detail);
		this.changes.record(user.community());
	}

	private Subject subject(CommunityId community, String subjectType, String subjectKey, String level) {
		SubjectSource source = this.sources.get(subjectType);
		if (source == null) {
			throw new InvalidInput("subjectType", "duty.subject.type.unknown", subjectType);
		}
		if (!requirements(community).getOrDefault(subjectType, List.of()).contains(level)) {
			throw new InvalidInput("level", "duty.level.notForType", level, subjectType);
		}
		return source.find(community, subjectKey).orElseThrow(() -> new NotFound("subject", subjectKey));
	}

	private MatrixRow cell(CommunityId community, Subject subject, String level) {
		Holding holding = new Resolution(lookup(community, Map.of()), named(community), enabledStaff(community))
			.resolve(subject, level);
		return new MatrixRow(subject.type(), MatrixRow.subjectId(subject.key()), subject.name(), subject.gridId(),
				level, holding.named(), holding.namedVersion(), holding.holders(), holding.origin(),
				holding.namedDisabled() ? "HOLDER_DISABLED" : holding.holders().isEmpty() ? "NO_RESPONSIBLE" : null);
	}

	private Function<Subject.Ref, Optional<Subject>> lookup(CommunityId community, Map<Subject.Ref, Subject> loaded) {
		Map<Subject.Ref, Optional<Subject>> memo = new HashMap<>();
		return (ref) -> {
			Subject known = loaded.get(ref);
			if (known != null) {
				return Optional.of(known);
			}
			return memo.computeIfAbsent(ref, (r) -> {
				SubjectSource source = this.sources.get(r.type());
				return (source != null) ? source.find(community, r.key()) : Optional.empty();
			});
		};
	}

	/**
	 * @return the levels each subject type needs, the top first
	 */
	Map<String, List<String>> requirements(CommunityId community) {
		Map<String, List<String>> required = new LinkedHashMap<>();
		this.jdbc.sql("""
				select r.subject_type, r.level_code from duty_requirement r
				join duty_level l on l.community_id = r.community_id and l.code = r.level_code
				where r.community_id = :c order by r.subject_type, l.rank, l.code
				""").param("c", community.value()).query((rs) -> {
			required.computeIfAbsent(rs.getString("subject_type"), (type) -> new ArrayList<>())
				.add(rs.getString("level_code"));
		});
		return required;
	}

	private Map<String, Integer> ranks(CommunityId community) {
		return levels(community).stream().collect(Collectors.toMap(Level::code, Level::rank));
	}

	private Map<Resolution.Key, Resolution.Named> named(CommunityId community) {
		Map<Resolution.Key, Resolution.Named> named = new HashMap<>();
		this.jdbc.sql("""
				select subject_type, subject_key, level_code, user_id, version from duty_responsibility
				where community_id = :c
				""").param("c", community.value()).query((rs) -> {
			named.put(
					new Resolution.Key(rs.getString("subject_type"), rs.getString("subject_key"),
							rs.getString("level_code")),
					new Resolution.Named(rs.getLong("user_id"), rs.getLong("version")));
		});
		return named;
	}

	private Set<Long> enabledStaff(CommunityId community) {
		Set<Long> enabled = new java.util.HashSet<>();
		for (Role role : Role.values()) {
			if (role != Role.RESIDENT) {
				enabled.addAll(this.users.enabledIds(community, role, null));
			}
		}
		return enabled;
	}

	/**
	 * A level of responsibility; rank 1 is the top.
	 */
	record Level(String code, String nameZh, String nameEn, int rank) {

		public String name(java.util.Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
		}

	}

}
