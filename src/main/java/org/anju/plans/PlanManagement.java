package org.anju.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.duty.CoverageChanges;
import org.anju.duty.PostHolders;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.BadParameter;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan library. A plan's content lives in versions: an edit of a plan whose latest
 * version is approved starts a new draft, a further edit rewrites that draft, and a
 * leader's approval makes the draft the version that runs, superseding the one approved
 * before it. An approved version never changes. Every change writes its audit row in the
 * same transaction and increments the plan's version (its ETag).
 */
@Service
@Transactional
class PlanManagement {

	static final Set<String> WARNING_LEVELS = Set.of("BLUE", "YELLOW", "ORANGE", "RED");

	static final Set<String> SUBJECT_TYPES = Set.of("PERSON", "GROUP", "GRID", "AREA", "COMMUNITY");

	/** Plans and incidents talk about people, so these roles must always be filled. */
	static final Set<PlanRole> REQUIRED_ROLES = EnumSet.of(PlanRole.COMMANDER, PlanRole.REPORTING);

	private final Plans plans;

	private final PostHolders posts;

	private final CoverageChanges coverage;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	PlanManagement(Plans plans, PostHolders posts, CoverageChanges coverage, AuditTrail audit, JdbcClient jdbc,
			Clock clock) {
		this.plans = plans;
		this.posts = posts;
		this.coverage = coverage;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return the community's plans, the seeded templates first
	 */
	@Transactional(readOnly = true)
	List<PlanSummary> list(CurrentUser user) {
		requireRead(user);
		int year = LocalDate.ofInstant(this.clock.instant(), WorkingCalendar.ZONE).getYear();
		Map<Long, Integer> drills = drillCounts(user.community(), year);
		return this.plans.all(user.community())
			.stream()
			.map((p) -> new PlanSummary(p.id(), p.code(), p.name(english()), p.approvedNumber(), p.draftNumber(),
					p.version(), drills.getOrDefault(p.id(), 0)))
			.toList();
	}

	/**
	 * @param number the version to read; by default the draft, or the approved version
	 * where there is no draft
	 * @throws NotFound for an unknown plan or version
	 */
	@Transactional(readOnly = true)
	PlanView get(CurrentUser user, long id, @Nullable Integer number) {
		requireRead(user);
		Plans.PlanRow plan = this.plans.find(user.community(), id).orElseThrow(() -> new NotFound("plan", id));
		return view(user.community(), plan, number);
	}

	/**
	 * Writes a new plan as its first draft.
	 * @throws InvalidInput naming every field that breaks a rule, with nothing written
	 */
	PlanView create(CurrentUser user, @Nullable String nameZh, @Nullable String nameEn, PlanDraft draft) {
		requireManage(user);
		List<Violation> problems = new ArrayList<>();
		String zh = text(nameZh, "nameZh", 40, problems);
		String en = (nameEn == null || nameEn.isBlank()) ? zh : text(nameEn, "nameEn", 80, problems);
		PlanDraft checked = check(user.community(), draft, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		long id = this.plans.insertPlan(user.community(), zh, en);
		this.plans.write(user.community(), id, 1, false, checked, user.actor());
		this.audit.record(user.community(), "PLAN_CREATED", "CONTINGENCY_PLAN", id, Map.of("number", 1));
		this.coverage.record(user.community());
		return get(user, id, null);
	}

	/**
	 * Edits the plan: rewrites its draft, or starts a new draft after the approved
	 * version.
	 * @throws StaleVersion when the plan changed since {@code expectedVersion}
	 */
	PlanView edit(CurrentUser user, long id, long expectedVersion, PlanDraft draft) {
		requireManage(user);
		Plans.PlanRow plan = lockCurrent(user.community(), id, expectedVersion);
		List<Violation> problems = new ArrayList<>();
		PlanDraft checked = check(user.community(), draft, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Integer draftNumber = plan.draftNumber();
		int number = (draftNumber != null) ? draftNumber : this.plans.nextNumber(user.community(), id);
		this.plans.write(user.community(), id, number, draftNumber != null, checked, user.actor());
		this.plans.touch(user.community(), id);
		this.audit.record(user.community(), (draftNumber != null) ? "PLAN_DRAFT_EDITED" : "PLAN_DRAFT_STARTED",
				"CONTINGENCY_PLAN", id, Map.of("number", number));
		this.coverage.record(user.community());
		return get(user, id, number);
	}

	/**
	 * A leader approves the plan's draft, which from now on is the version that runs.
	 * @throws Refused when the plan has no draft
	 */
	PlanView approve(CurrentUser user, long id, long expectedVersion) {
		requireManage(user);
		Plans.PlanRow plan = lockCurrent(user.community(), id, expectedVersion);
		Integer number = plan.draftNumber();
		if (number == null) {
			throw new Refused("plan.approve.noDraft");
		}
		this.plans.approve(user.community(), id, number, user.userId(), this.clock.instant());
		this.plans.touch(user.community(), id);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("number", number);
		if (plan.approvedNumber() != null) {
			detail.put("supersedes", plan.approvedNumber());
		}
		this.audit.record(user.community(), "PLAN_APPROVED", "CONTINGENCY_PLAN", id, detail);
		this.coverage.record(user.community());
		return get(user, id, number);
	}

	/**
	 * @return per plan, how many drills and how many real incidents were activated in the
	 * year (Asia/Shanghai)
	 */
	@Transactional(readOnly = true)
	DrillStatistics drillStatistics(CurrentUser user, int year) {
		requireRead(user);
		if (year < 2000 || year > 2100) {
			throw new BadParameter("year", "plan.year.range", year);
		}
		Map<Long, int[]> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select plan_id, count(*) filter (where drill) as drills, count(*) filter (where not drill) as real
				from incident
				where community_id = :c and activated_at >= :from and activated_at < :to
				group by plan_id
				""")
			.param("c", user.community().value())
			.param("from",
					java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(WorkingCalendar.ZONE).toInstant()))
			.param("to",
					java.sql.Timestamp
						.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(WorkingCalendar.ZONE).toInstant()))
			.query((rs, row) -> counts.put(rs.getLong("plan_id"), new int[] { rs.getInt("drills"), rs.getInt("real") }))
			.list();
		List<DrillStatistics.PlanDrills> items = this.plans.all(user.community()).stream().map((p) -> {
			int[] count = counts.getOrDefault(p.id(), new int[2]);
			return new DrillStatistics.PlanDrills(p.id(), p.name(english()), count[0], count[1]);
		}).toList();
		return new DrillStatistics(year, items, items.stream().mapToInt(DrillStatistics.PlanDrills::drills).sum());
	}

	private Map<Long, Integer> drillCounts(CommunityId community, int year) {
		Map<Long, Integer> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				select plan_id, count(*) as drills from incident
				where community_id = :c and drill and activated_at >= :from and activated_at < :to
				group by plan_id
				""")
			.param("c", community.value())
			.param("from",
					java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(WorkingCalendar.ZONE).toInstant()))
			.param("to",
					java.sql.Timestamp
						.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(WorkingCalendar.ZONE).toInstant()))
			.query((rs, row) -> counts.put(rs.getLong("plan_id"), rs.getInt("drills")))
			.list();
		return counts;
	}

	PlanView view(CommunityId community, Plans.PlanRow plan, @Nullable Integer number) {
		Integer shown = number;
		if (shown == null) {
			shown = (plan.draftNumber() != null) ? plan.draftNumber() : plan.approvedNumber();
		}
		if (shown == null) {
			throw new NotFound("plan", plan.id());
		}
		int at = shown;
		PlanView.VersionContent content = this.plans.content(community, plan.id(), at)
			.orElseThrow(() -> new NotFound("plan version", plan.id() + "/" + at));
		return new PlanView(plan.id(), plan.code(), plan.name(english()), plan.nameZh(), plan.nameEn(), plan.version(),
				plan.approvedNumber(), plan.draftNumber(), this.plans.versions(community, plan.id()), content);
	}

	private Plans.PlanRow lockCurrent(CommunityId community, long id, long expectedVersion) {
		Plans.PlanRow plan = this.plans.lock(community, id).orElseThrow(() -> new NotFound("plan", id));
		if (plan.version() != expectedVersion) {
			throw new StaleVersion(plan.version());
		}
		return plan;
	}

	/**
	 * @return the draft with its text stripped, or what is wrong added to
	 * {@code problems}
	 */
	private PlanDraft check(CommunityId community, PlanDraft draft, List<Violation> problems) {
		String trigger = text(draft.trigger(), "trigger", 2000, problems);
		List<String> warningLevels = codes(draft.warningLevels(), WARNING_LEVELS, "warningLevels",
				"plan.warningLevel.unknown", problems);
		List<String> subjectTypes = codes(draft.warningSubjectTypes(), SUBJECT_TYPES, "warningSubjectTypes",
				"plan.subjectType.unknown", problems);
		Map<String, String> levels = new LinkedHashMap<>();
		Map<String, String> given = (draft.levels() != null) ? draft.levels() : Map.of();
		for (String key : given.keySet()) {
			if (!EnumSet.allOf(ResponseLevel.class).stream().anyMatch((l) -> l.name().equals(key))) {
				problems.add(new Violation("levels." + key, "plan.level.unknown", key));
			}
		}
		for (ResponseLevel level : ResponseLevel.values()) {
			levels.put(level.name(), text(given.get(level.name()), "levels." + level.name(), 200, problems));
		}
		List<PlanDraft.RoleDraft> roles = new ArrayList<>();
		Set<PlanRole> seen = EnumSet.noneOf(PlanRole.class);
		List<PlanDraft.RoleDraft> givenRoles = (draft.roles() != null) ? draft.roles() : List.of();
		for (int i = 0; i < givenRoles.size(); i++) {
			PlanDraft.RoleDraft role = givenRoles.get(i);
			String prefix = "roles[" + i + "].";
			PlanRole code = role(role.role(), prefix + "role", problems);
			if (code != null && !seen.add(code)) {
				problems.add(new Violation(prefix + "role", "plan.role.twice", code.name()));
			}
			if (role.defaultUserId() != null && role.postId() != null) {
				problems.add(new Violation(prefix + "postId", "plan.role.postOrPerson"));
			}
			else if (role.defaultUserId() != null && !this.plans.staff(community, role.defaultUserId())) {
				problems.add(new Violation(prefix + "defaultUserId", "plan.user.unknown",
						String.valueOf(role.defaultUserId())));
			}
			else if (role.postId() != null && this.posts.find(community, role.postId()).isEmpty()) {
				problems.add(new Violation(prefix + "postId", "plan.post.unknown", String.valueOf(role.postId())));
			}
			List<PlanDraft.Step> steps = new ArrayList<>();
			List<PlanDraft.Step> givenSteps = (role.steps() != null) ? role.steps() : List.of();
			if (givenSteps.isEmpty()) {
				problems.add(new Violation(prefix + "steps", "plan.steps.empty"));
			}
			for (int s = 0; s < givenSteps.size(); s++) {
				PlanDraft.Step step = givenSteps.get(s);
				String at = prefix + "steps[" + s + "].";
				String title = text(step.title(), at + "title", 200, problems);
				Integer minutes = step.minutes();
				if (minutes == null) {
					problems.add(new Violation(at + "minutes", "field.required"));
				}
				else if (minutes < 1 || minutes > 43200) {
					problems.add(new Violation(at + "minutes", "plan.minutes.range", minutes));
				}
				steps.add(new PlanDraft.Step(title, minutes));
			}
			roles.add(new PlanDraft.RoleDraft((code != null) ? code.name() : null, role.defaultUserId(), role.postId(),
					steps));
		}
		for (PlanRole required : REQUIRED_ROLES) {
			if (!seen.contains(required)) {
				problems.add(new Violation("roles", "plan.role.required", required.name()));
			}
		}
		List<PlanDraft.Contact> contacts = new ArrayList<>();
		List<PlanDraft.Contact> givenContacts = (draft.contacts() != null) ? draft.contacts() : List.of();
		for (int i = 0; i < givenContacts.size(); i++) {
			PlanDraft.Contact contact = givenContacts.get(i);
			String prefix = "contacts[" + i + "].";
			if (contact.userId() != null && !this.plans.staff(community, contact.userId())) {
				problems.add(new Violation(prefix + "userId", "plan.user.unknown", String.valueOf(contact.userId())));
			}
			contacts.add(new PlanDraft.Contact(text(contact.name(), prefix + "name", 50, problems),
					optional(contact.unit(), prefix + "unit", 100, problems),
					text(contact.phone(), prefix + "phone", 30, problems), contact.userId()));
		}
		List<PlanDraft.Resource> resources = new ArrayList<>();
		List<PlanDraft.Resource> givenResources = (draft.resources() != null) ? draft.resources() : List.of();
		for (int i = 0; i < givenResources.size(); i++) {
			PlanDraft.Resource resource = givenResources.get(i);
			String prefix = "resources[" + i + "].";
			resources.add(new PlanDraft.Resource(text(resource.name(), prefix + "name", 100, problems),
					optional(resource.quantity(), prefix + "quantity", 50, problems),
					optional(resource.location(), prefix + "location", 100, problems)));
		}
		return new PlanDraft(trigger, warningLevels, subjectTypes, levels, roles, contacts, resources);
	}

	static @Nullable PlanRole role(@Nullable String code, String field, List<Violation> problems) {
		if (code == null || code.isBlank()) {
			problems.add(new Violation(field, "field.required"));
			return null;
		}
		try {
			return PlanRole.valueOf(code.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Violation(field, "plan.role.unknown", code));
			return null;
		}
	}

	private static List<String> codes(@Nullable List<String> given, Set<String> known, String field, String unknown,
			List<Violation> problems) {
		List<String> codes = new ArrayList<>();
		for (String code : (given != null) ? given : List.<String>of()) {
			if (code == null || !known.contains(code.strip())) {
				problems.add(new Violation(field, unknown, code));
			}
			else if (!codes.contains(code.strip())) {
				codes.add(code.strip());
			}
		}
		return codes;
	}

	static String text(@Nullable String value, String field, int max, List<Violation> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new Violation(field, "field.required"));
			return "";
		}
		if (value.strip().length() > max) {
			problems.add(new Violation(field, "plan.text.length", max));
		}
		return value.strip();
	}

	private static @Nullable String optional(@Nullable String value, String field, int max, List<Violation> problems) {
		return (value == null || value.isBlank()) ? null : text(value, field, max, problems);
	}

	static boolean english() {
		Locale locale = LocaleContextHolder.getLocale();
		return "en".equals(locale.getLanguage());
	}

	static void requireRead(CurrentUser user) {
		if (!user.may(Permission.PLANS_READ)) {
			throw new AccessDeniedException("needs PLANS_READ");
		}
	}

	private static void requireManage(CurrentUser user) {
		if (!user.may(Permission.PLANS_MANAGE)) {
			throw new AccessDeniedException("needs PLANS_MANAGE");
		}
	}

}
