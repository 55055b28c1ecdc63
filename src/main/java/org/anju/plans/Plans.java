package org.anju.plans;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.anju.duty.PostHolders;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.NotFound;
import org.anju.shared.Phone;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan library's tables: plans, their versions, roles and checklists. Every statement
 * names the community.
 */
@Component
class Plans {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final UserManagement users;

	private final PostHolders posts;

	Plans(JdbcClient jdbc, ObjectMapper json, UserManagement users, PostHolders posts) {
		this.jdbc = jdbc;
		this.json = json;
		this.users = users;
		this.posts = posts;
	}

	/**
	 * @return whether the account is an enabled staff account of the community
	 */
	boolean staff(CommunityId community, long userId) {
		try {
			UserAccount account = this.users.get(community, userId);
			return account.enabled() && account.role() != Role.RESIDENT;
		}
		catch (NotFound ex) {
			return false;
		}
	}

	/**
	 * A plan's own row.
	 */
	record PlanRow(long id, @Nullable String code, String nameZh, String nameEn, long version,
			@Nullable Integer approvedNumber, @Nullable Integer draftNumber) {

		String name(boolean english) {
			return english ? this.nameEn : this.nameZh;
		}

	}

	List<PlanRow> all(CommunityId community) {
		return this.jdbc.sql(PLAN_SELECT + " where p.community_id = :c order by p.sort, p.id")
			.param("c", community.value())
			.query(Plans::plan)
			.list();
	}

	Optional<PlanRow> find(CommunityId community, long id) {
		return this.jdbc.sql(PLAN_SELECT + " where p.community_id = :c and p.id = :id")
			.param("c", community.value())
			.param("id", id)
			.query(Plans::plan)
			.optional();
	}

	/**
	 * Locks the plan's row, so that two edits or approvals of one plan take turns.
	 */
	Optional<PlanRow> lock(CommunityId community, long id) {
		this.jdbc.sql("select id from contingency_plan where community_id = :c and id = :id for update")
			.param("c", community.value())
			.param("id", id)
			.query(Long.class)
			.optional();
		return find(community, id);
	}

	List<PlanView.VersionSummary> versions(CommunityId community, long planId) {
		return this.jdbc.sql("""
				select number, state, created_at, created_by, approved_at, approved_by from plan_version
				where community_id = :c and plan_id = :plan order by number desc
				""")
			.param("c", community.value())
			.param("plan", planId)
			.query((rs, row) -> new PlanView.VersionSummary(rs.getInt("number"), rs.getString("state"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
					instant(rs.getTimestamp("approved_at")), (Long) rs.getObject("approved_by")))
			.list();
	}

	Optional<PlanView.VersionContent> content(CommunityId community, long planId, int number) {
		Optional<PlanView.VersionContent> found = this.jdbc.sql("""
				select number, state, trigger_text, warning_levels, warning_subject_types, levels::text as levels,
				       contacts::text as contacts, resources::text as resources
				from plan_version where community_id = :c and plan_id = :plan and number = :number
				""")
			.param("c", community.value())
			.param("plan", planId)
			.param("number", number)
			.query((rs, row) -> new PlanView.VersionContent(rs.getInt("number"), rs.getString("state"),
					rs.getString("trigger_text"), strings(rs.getArray("warning_levels")),
					strings(rs.getArray("warning_subject_types")),
					this.json.readValue(rs.getString("levels"), new TypeReference<LinkedHashMap<String, String>>() {
					}), List.of(),
					masked(this.json.readValue(rs.getString("contacts"), new TypeReference<List<PlanDraft.Contact>>() {
					})), this.json.readValue(rs.getString("resources"), new TypeReference<List<PlanDraft.Resource>>() {
					})))
			.optional();
		return found.map((content) -> withRoles(community, planId, content));
	}

	private PlanView.VersionContent withRoles(CommunityId community, long planId, PlanView.VersionContent content) {
		Map<PlanRole, List<PlanView.StepView>> steps = new LinkedHashMap<>();
		this.jdbc.sql("""
				select role, title, minutes from plan_step
				where community_id = :c and plan_id = :plan and number = :number order by role, sort
				""")
			.param("c", community.value())
			.param("plan", planId)
			.param("number", content.number())
			.query((rs, row) -> steps.computeIfAbsent(PlanRole.valueOf(rs.getString("role")), (r) -> new ArrayList<>())
				.add(new PlanView.StepView(rs.getString("title"), rs.getInt("minutes"))))
			.list();
		List<PlanView.RoleView> roles = new ArrayList<>(this.jdbc.sql("""
				select r.role, r.default_user_id, r.post_id, u.display_name, u.enabled from plan_role r
				left join user_account u on u.community_id = r.community_id and u.id = r.default_user_id
				where r.community_id = :c and r.plan_id = :plan and r.number = :number
				""")
			.param("c", community.value())
			.param("plan", planId)
			.param("number", content.number())
			.query((rs, row) -> {
				PlanRole role = PlanRole.valueOf(rs.getString("role"));
				return new PlanView.RoleView(role, (Long) rs.getObject("default_user_id"), rs.getString("display_name"),
						rs.getBoolean("enabled"), (Long) rs.getObject("post_id"), null, null, null, null,
						steps.getOrDefault(role, List.of()));
			})
			.list()
			.stream()
			.map((role) -> holder(role, (id) -> this.posts.find(community, id), (id) -> staff(community, id)))
			.toList());
		roles.sort(Comparator.comparing(PlanView.RoleView::role));
		return new PlanView.VersionContent(content.number(), content.state(), content.trigger(),
				content.warningLevels(), content.warningSubjectTypes(), content.levels(), List.copyOf(roles),
				content.contacts(), content.resources());
	}

	/**
	 * Every plan at the version that would run (the approved one, or while none is
	 * approved, the draft that will be) with its roles and contacts, in three statements
	 * however many plans there are: the coverage check reads them all on every run.
	 */
	List<PlanRoleGaps.Playbook> playbooks(CommunityId community) {
		Map<Long, PostHolders.PostHolder> posts = new HashMap<>();
		this.posts.all(community).forEach((post) -> posts.put(post.postId(), post));
		Set<Long> staff = new HashSet<>();
		this.users.all(community)
			.stream()
			.filter((account) -> account.enabled() && account.role() != Role.RESIDENT)
			.forEach((account) -> staff.add(account.id()));
		Map<Long, PlanRoleGaps.Playbook> playbooks = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					select p.id, p.name_zh, v.number, v.contacts::text as contacts, r.role, r.default_user_id, r.post_id,
					       u.display_name, coalesce(u.enabled, false) as enabled
					from contingency_plan p
					join plan_version v on v.community_id = p.community_id and v.plan_id = p.id
					left join plan_role r on r.community_id = v.community_id and r.plan_id = v.plan_id and r.number = v.number
					left join user_account u on u.community_id = r.community_id and u.id = r.default_user_id
					where p.community_id = :c
					  and (v.state = 'APPROVED' or (v.state = 'DRAFT' and not exists (
					       select 1 from plan_version a
					       where a.community_id = v.community_id and a.plan_id = v.plan_id and a.state = 'APPROVED')))
					order by p.sort, p.id, r.role
					""")
			.param("c", community.value())
			.query((rs) -> {
				long id = rs.getLong("id");
				PlanRoleGaps.Playbook playbook = playbooks.get(id);
				if (playbook == null) {
					playbook = new PlanRoleGaps.Playbook(id, rs.getString("name_zh"), rs.getInt("number"),
							new ArrayList<>(),
							this.json.readValue(rs.getString("contacts"), new TypeReference<List<PlanDraft.Contact>>() {
							}));
					playbooks.put(id, playbook);
				}
				String role = rs.getString("role");
				if (role != null) {
					playbook.roles()
						.add(holder(
								new PlanView.RoleView(PlanRole.valueOf(role), (Long) rs.getObject("default_user_id"),
										rs.getString("display_name"), rs.getBoolean("enabled"),
										(Long) rs.getObject("post_id"), null, null, null, null, List.of()),
								(post) -> Optional.ofNullable(posts.get(post)), staff::contains));
				}
			});
		return List.copyOf(playbooks.values());
	}

	/**
	 * @param posts finds a post by id
	 * @param staff whether an account is an enabled staff account
	 * @return the role with who an activation would give it to now, or why nobody: the
	 * person it names, or the holder its post has now, if their account is enabled
	 */
	private static PlanView.RoleView holder(PlanView.RoleView role,
			Function<Long, Optional<PostHolders.PostHolder>> posts, Predicate<Long> staff) {
		Long holder = null;
		String holderName = null;
		String postName = null;
		String vacancy;
		if (role.postId() != null) {
			PostHolders.PostHolder post = posts.apply(role.postId()).orElse(null);
			postName = (post != null) ? post.name() : null;
			if (post == null) {
				vacancy = "POST_GONE";
			}
			else if (post.holderId() == null || !staff.test(post.holderId())) {
				// a holder disabled since the last check leaves the post as good as empty
				vacancy = "POST_EMPTY";
			}
			else {
				holder = post.holderId();
				holderName = post.holderName();
				vacancy = null;
			}
		}
		else if (role.defaultUserId() == null) {
			vacancy = "NONE_NAMED";
		}
		else if (!role.defaultEnabled()) {
			vacancy = "HOLDER_DISABLED";
		}
		else {
			holder = role.defaultUserId();
			holderName = role.defaultUserName();
			vacancy = null;
		}
		return new PlanView.RoleView(role.role(), role.defaultUserId(), role.defaultUserName(), role.defaultEnabled(),
				role.postId(), postName, holder, holderName, vacancy, role.steps());
	}

	/**
	 * Writes a version's content: a new version, or the draft again in place of what it
	 * said.
	 */
	void write(CommunityId community, long planId, int number, boolean replace, PlanDraft content, String actor) {
		if (replace) {
			this.jdbc.sql("delete from plan_role where community_id = :c and plan_id = :plan and number = :number")
				.param("c", community.value())
				.param("plan", planId)
				.param("number", number)
				.update();
			this.jdbc.sql("""
					update plan_version set trigger_text = :trigger, warning_levels = cast(:levels as text[]),
					       warning_subject_types = cast(:subjects as text[]), levels = cast(:responses as jsonb),
					       contacts = cast(:contacts as jsonb), resources = cast(:resources as jsonb),
					       created_at = now(), created_by = :actor
					where community_id = :c and plan_id = :plan and number = :number and state = 'DRAFT'
					""").params(versionParams(community, planId, number, content, actor)).update();
		}
		else {
			this.jdbc.sql("""
					insert into plan_version (community_id, plan_id, number, state, trigger_text, warning_levels,
					                          warning_subject_types, levels, contacts, resources, created_by)
					values (:c, :plan, :number, 'DRAFT', :trigger, cast(:levels as text[]), cast(:subjects as text[]),
					        cast(:responses as jsonb), cast(:contacts as jsonb), cast(:resources as jsonb), :actor)
					""").params(versionParams(community, planId, number, content, actor)).update();
		}
		for (PlanDraft.RoleDraft role : roles(content)) {
			this.jdbc.sql("""
					insert into plan_role (community_id, plan_id, number, role, default_user_id, post_id)
					values (:c, :plan, :number, :role, :user, :post)
					""")
				.param("c", community.value())
				.param("plan", planId)
				.param("number", number)
				.param("role", role.role())
				.param("user", role.defaultUserId())
				.param("post", role.postId())
				.update();
			int sort = 10;
			for (PlanDraft.Step step : (role.steps() != null) ? role.steps() : List.<PlanDraft.Step>of()) {
				this.jdbc.sql("""
						insert into plan_step (community_id, plan_id, number, role, sort, title, minutes)
						values (:c, :plan, :number, :role, :sort, :title, :minutes)
						""")
					.param("c", community.value())
					.param("plan", planId)
					.param("number", number)
					.param("role", role.role())
					.param("sort", sort)
					.param("title", step.title())
					.param("minutes", step.minutes())
					.update();
				sort += 10;
			}
		}
	}

	long insertPlan(CommunityId community, String nameZh, String nameEn) {
		return this.jdbc.sql("""
				insert into contingency_plan (community_id, name_zh, name_en, sort)
				values (:c, :zh, :en, 1000) returning id
				""").param("c", community.value()).param("zh", nameZh).param("en", nameEn).query(Long.class).single();
	}

	void touch(CommunityId community, long planId) {
		this.jdbc.sql("update contingency_plan set version = version + 1 where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", planId)
			.update();
	}

	void approve(CommunityId community, long planId, int number, long leaderId, Instant at) {
		this.jdbc.sql("""
				update plan_version set state = 'SUPERSEDED'
				where community_id = :c and plan_id = :plan and state = 'APPROVED'
				""").param("c", community.value()).param("plan", planId).update();
		this.jdbc.sql("""
				update plan_version set state = 'APPROVED', approved_at = :at, approved_by = :leader
				where community_id = :c and plan_id = :plan and number = :number and state = 'DRAFT'
				""")
			.param("c", community.value())
			.param("plan", planId)
			.param("number", number)
			.param("at", Timestamp.from(at))
			.param("leader", leaderId)
			.update();
	}

	int nextNumber(CommunityId community, long planId) {
		Integer last = this.jdbc.sql("select max(number) from plan_version where community_id = :c and plan_id = :plan")
			.param("c", community.value())
			.param("plan", planId)
			.query(Integer.class)
			.single();
		return (last != null) ? last + 1 : 1;
	}

	private static List<PlanDraft.RoleDraft> roles(PlanDraft content) {
		return (content.roles() != null) ? content.roles() : List.of();
	}

	private Map<String, Object> versionParams(CommunityId community, long planId, int number, PlanDraft content,
			String actor) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("c", community.value());
		params.put("plan", planId);
		params.put("number", number);
		params.put("trigger", content.trigger());
		params.put("levels", array(content.warningLevels()));
		params.put("subjects", array(content.warningSubjectTypes()));
		params.put("responses", this.json.writeValueAsString(content.levels()));
		params.put("contacts", this.json.writeValueAsString(content.contacts()));
		params.put("resources", this.json.writeValueAsString(content.resources()));
		params.put("actor", actor);
		return params;
	}

	private static String array(@Nullable List<String> codes) {
		// the codes are checked upper-case words, so they need no quoting
		return "{" + String.join(",", (codes != null) ? codes : List.of()) + "}";
	}

	private static List<PlanDraft.Contact> masked(List<PlanDraft.Contact> contacts) {
		return contacts.stream()
			.map((contact) -> new PlanDraft.Contact(contact.name(), contact.unit(),
					(contact.phone() != null) ? Phone.maskIfMobile(contact.phone()) : null, contact.userId()))
			.toList();
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static final String PLAN_SELECT = """
			select p.id, p.code, p.name_zh, p.name_en, p.version,
			       (select number from plan_version v where v.community_id = p.community_id and v.plan_id = p.id
			        and v.state = 'APPROVED') as approved_number,
			       (select number from plan_version v where v.community_id = p.community_id and v.plan_id = p.id
			        and v.state = 'DRAFT') as draft_number
			from contingency_plan p""";

	private static PlanRow plan(ResultSet rs, int row) throws SQLException {
		return new PlanRow(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getLong("version"), (Integer) rs.getObject("approved_number"),
				(Integer) rs.getObject("draft_number"));
	}

}
