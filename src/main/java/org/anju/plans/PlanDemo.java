package org.anju.plans;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anju.duty.CoverageChanges;
import org.anju.duty.PostHolders;
import org.anju.duty.PostHolders.PostHolder;
import org.anju.identity.CurrentUser;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.SignedIn;
import org.anju.identity.UserAccount;
import org.anju.identity.UserChange;
import org.anju.identity.UserManagement;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readies two of the demo community's templates once duty's demo filled the posts
 * ({@code anju.demo=true}), the way a leader would: 群体上访/聚集 names a post for every
 * command role and is approved, so that a red warning activates it with every role
 * filled; 防汛 is approved too, but its logistics role names a person who has since left (a
 * disabled account), so the coverage check shows a plan gap beside duty's planted ones.
 */
@Component
@ConditionalOnProperty(name = "anju.demo", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class PlanDemo implements ApplicationRunner {

	static final String READY = "PETITION_GATHERING";

	static final String STALE = "FLOOD";

	/** The demo accounts' documented password, as the demo module's. */
	private static final String PASSWORD = "Anju-Demo-2026";

	/** For each role, the posts of duty's demo that suit it, the best first. */
	private static final Map<PlanRole, List<String>> POSTS = new EnumMap<>(
			Map.of(PlanRole.COMMANDER, List.of("党委书记", "社区主任"), PlanRole.ON_SITE, List.of("片区长", "社区主任"),
					PlanRole.REPORTING, List.of("综合办负责人", "社区主任"), PlanRole.LOGISTICS, List.of("物业负责人", "社区主任"),
					PlanRole.MEDICAL, List.of("工会主席", "社区主任"), PlanRole.COMMUNICATION, List.of("团委书记", "社区主任")));

	private static final Logger log = LoggerFactory.getLogger(PlanDemo.class);

	private final PlanManagement library;

	private final Plans plans;

	private final PostHolders posts;

	private final UserManagement users;

	private final CoverageChanges coverage;

	private final TransactionTemplate transaction;

	private final CommunityId community;

	PlanDemo(PlanManagement library, Plans plans, PostHolders posts, UserManagement users, CoverageChanges coverage,
			TransactionTemplate transaction, @Value("${anju.community-id:1}") long community) {
		this.library = library;
		this.plans = plans;
		this.posts = posts;
		this.users = users;
		this.coverage = coverage;
		this.transaction = transaction;
		this.community = new CommunityId(community);
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean untouched = template(this.community, READY).map((plan) -> plan.approvedNumber() == null).orElse(false);
		if (untouched && !this.posts.all(this.community).isEmpty()) {
			try (SignedIn signedIn = this.users.signInAdministrator(this.community)) {
				fill(signedIn.user(), "");
				log.info("Demo plans {} and {} approved, {} with a role whose holder left", READY, STALE, STALE);
			}
		}
	}

	/**
	 * @param prefix put before the username of the account opened, so that a test's
	 * account is its own
	 */
	void fill(CurrentUser admin, String prefix) {
		CommunityId at = admin.community();
		List<PostHolder> all = this.posts.all(at);
		UserAccount departed = this.transaction.execute((status) -> {
			template(at, READY).ifPresent((plan) -> ready(admin, plan, all, Map.of()));
			UserAccount leaving = this.users.openSeeded(at, new NewUser(prefix + "liujianhua", PASSWORD, "刘建华（原物业经理）",
					Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY", null));
			template(at, STALE).ifPresent((plan) -> ready(admin, plan, all, Map.of(PlanRole.LOGISTICS, leaving.id())));
			return leaving;
		});
		// he left after the plan was approved; the check that follows finds the gap
		this.transaction.executeWithoutResult((status) -> {
			UserAccount now = this.users.get(at, departed.id());
			this.users.update(at, now.id(), now.version(), new UserChange(now.displayName(), now.role(), now.gridIds(),
					now.departmentCode(), now.personId(), false));
			this.coverage.record(at);
		});
	}

	/**
	 * Names a post for every role of the template (or the person given), keeping its
	 * checklists, contacts and resources, and approves it.
	 */
	private void ready(CurrentUser admin, Plans.PlanRow plan, List<PostHolder> all, Map<PlanRole, Long> people) {
		Integer number = plan.draftNumber();
		if (number == null) {
			return;
		}
		PlanView.VersionContent content = this.plans.content(admin.community(), plan.id(), number).orElseThrow();
		List<PlanDraft.RoleDraft> roles = new ArrayList<>();
		for (PlanView.RoleView role : content.roles()) {
			Long person = people.get(role.role());
			roles.add(new PlanDraft.RoleDraft(role.role().name(), person,
					(person != null) ? null : post(all, POSTS.get(role.role())),
					role.steps().stream().map((step) -> new PlanDraft.Step(step.title(), step.minutes())).toList()));
		}
		PlanView edited = this.library.edit(admin, plan.id(), plan.version(),
				new PlanDraft(content.trigger(), content.warningLevels(), content.warningSubjectTypes(),
						content.levels(), roles, content.contacts(), content.resources()));
		this.library.approve(admin, plan.id(), edited.version());
	}

	private static @Nullable Long post(List<PostHolder> all, List<String> wanted) {
		for (String name : wanted) {
			Optional<PostHolder> found = all.stream().filter((post) -> post.name().endsWith(" " + name)).findFirst();
			if (found.isPresent()) {
				return found.get().postId();
			}
		}
		return null;
	}

	private Optional<Plans.PlanRow> template(CommunityId at, String code) {
		return this.plans.all(at).stream().filter((plan) -> code.equals(plan.code())).findFirst();
	}

}
