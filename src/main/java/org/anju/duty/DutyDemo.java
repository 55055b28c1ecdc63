package org.anju.duty;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.anju.identity.CurrentUser;
import org.anju.identity.SignedIn;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
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
 * Fills the demo community's posts and matrix once the demo people and accounts are in
 * ({@code anju.demo=true}), the way an office would: a post with both duties for each
 * body, department, area and grid, an area head per area, a grid worker for every grid, a
 * leader and a liaison for every interest group. Two gaps are left on purpose, for the
 * coverage check to find: the first area's last grid has no grid worker, and the 协解 group
 * (or the last one) has no liaison. It lives in duty, not in the demo module, so that
 * nothing depends on duty.
 */
@Component
@ConditionalOnProperty(name = "anju.demo", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DutyDemo implements ApplicationRunner {

	/** The demo accounts' documented password, as the demo module's. */
	static final String PASSWORD = "Anju-Demo-2026";

	static final String GROUP_WITHOUT_LIAISON = "CONTRACT_TERMINATED";

	private static final Logger log = LoggerFactory.getLogger(DutyDemo.class);

	private final Units units;

	private final Posts posts;

	private final Responsibilities responsibilities;

	private final Coverage coverage;

	private final PlaceManagement places;

	private final UserManagement users;

	private final InterestGroups groups;

	private final TransactionTemplate transaction;

	private final CommunityId community;

	DutyDemo(Units units, Posts posts, Responsibilities responsibilities, Coverage coverage, PlaceManagement places,
			UserManagement users, InterestGroups groups, TransactionTemplate transaction,
			@Value("${anju.community-id:1}") long community) {
		this.units = units;
		this.posts = posts;
		this.responsibilities = responsibilities;
		this.coverage = coverage;
		this.places = places;
		this.users = users;
		this.groups = groups;
		this.transaction = transaction;
		this.community = new CommunityId(community);
	}

	@Override
	public void run(ApplicationArguments args) {
		try (SignedIn signedIn = this.users.signInAdministrator(this.community)) {
			CurrentUser user = signedIn.user();
			if (this.posts.list(this.community, null).isEmpty()
					&& !PlaceSubjects.list(this.places, this.community, PlaceKind.GRID, null).isEmpty()) {
				this.transaction.executeWithoutResult((status) -> fill(user, ""));
				CoverageReport report = this.coverage.check(this.community);
				log.info("Demo posts and responsibilities filled: coverage {}% with {} gaps", report.percent(),
						report.gaps().size());
			}
		}
	}

	/**
	 * @param prefix put before every username opened, so that a test's accounts are its
	 * own
	 */
	void fill(CurrentUser admin, String prefix) {
		CommunityId community = admin.community();
		this.coverage.check(community);
		long leader = this.users.enabledIds(community, Role.LEADER, null)
			.stream()
			.findFirst()
			.orElseGet(() -> open(community, prefix + "leader", "王建国（社区书记）", Role.LEADER, Set.of()));
		List<Unit> tree = this.units.tree(community);
		for (Unit unit : tree) {
			switch (unit.kind()) {
				case PARTY_COMMITTEE ->
					post(admin, unit, "党委书记", leader, "主持党委全面工作，抓党建、抓班子、带队伍", "履行维稳第一责任人职责，每季度研判稳定形势，牵头化解重大矛盾");
				case ADMINISTRATION -> post(admin, unit, "社区主任", leader, "主持社区行政工作，统筹各服务线", "落实稳定工作责任制，签订并考核各单位责任状");
				case TRADE_UNION ->
					post(admin, unit, "工会主席", open(community, prefix + "gonghui", "赵秀兰（工会主席）", Role.LEADER, Set.of()),
							"维护职工合法权益，组织困难职工帮扶", "收集职工诉求与思想动态，参与劳动争议调解");
				case YOUTH_LEAGUE ->
					post(admin, unit, "团委书记", open(community, prefix + "tuanwei", "周晓明（团委书记）", Role.LEADER, Set.of()),
							"组织青年志愿服务和团员教育", "组织青年志愿者参与走访和重点时段值守");
				case DEPARTMENT -> this.users.enabledIds(community, Role.DEPARTMENT_STAFF, unit.departmentCode())
					.stream()
					.findFirst()
					.ifPresent((head) -> post(admin, unit, unit.nameZh() + "负责人", head, "负责本服务线诉求办理和日常服务",
							"排查本服务线矛盾隐患，按期办结本线诉求"));
				default -> {
				}
			}
		}
		List<Unit> areas = tree.stream().filter((unit) -> unit.kind() == UnitKind.AREA).toList();
		for (int a = 0; a < areas.size(); a++) {
			Unit area = areas.get(a);
			long head = open(community, prefix + String.format("pianzhang%02d", a + 1), area.nameZh() + "片区长",
					Role.LEADER, Set.of());
			post(admin, area, "片区长", head, "统筹片区网格服务与人口信息", "片区稳定第一责任人，督促网格按期排查上报");
			assign(admin, "AREA", area.id(), "COMMUNITY_LEADER", leader);
			assign(admin, "AREA", area.id(), "AREA_HEAD", head);
			List<Place> grids = new ArrayList<>(PlaceSubjects.list(this.places, community, PlaceKind.GRID, area.id()));
			grids.sort(Comparator.comparing((Place grid) -> grid.name().length()).thenComparing(Place::name));
			if (a == 0 && !grids.isEmpty()) {
				// the planted gap: the first area's last grid has no grid worker
				grids.remove(grids.size() - 1);
			}
			List<Place> unstaffed = new ArrayList<>();
			for (Place grid : grids) {
				List<Long> workers = this.users.gridWorkerIds(community, grid.id());
				if (workers.isEmpty()) {
					unstaffed.add(grid);
				}
				else {
					post(admin, gridUnit(grid), "网格员", workers.get(0), "人口信息采集和诉求代办", "每月矛盾纠纷排查，按期零报告");
				}
			}
			// one more grid worker for every two grids still without one
			for (int g = 0; g < unstaffed.size(); g += 2) {
				List<Place> pair = unstaffed.subList(g, Math.min(g + 2, unstaffed.size()));
				long worker = open(community, prefix + String.format("wangge%02d.%d", a + 1, g / 2 + 1),
						area.nameZh() + pair.get(0).name() + "网格员", Role.GRID_WORKER,
						Set.copyOf(pair.stream().map(Place::id).toList()));
				for (Place grid : pair) {
					post(admin, gridUnit(grid), "网格员", worker, "人口信息采集和诉求代办", "每月矛盾纠纷排查，按期零报告");
				}
			}
		}
		List<InterestGroup> active = this.groups.all(community).stream().filter(InterestGroup::active).toList();
		String planted = active.stream()
			.map(InterestGroup::code)
			.filter(GROUP_WITHOUT_LIAISON::equals)
			.findFirst()
			.orElse(active.isEmpty() ? "" : active.get(active.size() - 1).code());
		long liaison = this.users.enabledIds(community, Role.DEPARTMENT_STAFF, "RETIREE_AFFAIRS")
			.stream()
			.findFirst()
			.orElse(leader);
		for (InterestGroup group : active) {
			this.responsibilities.assign(admin, "GROUP", group.code(), "COMMUNITY_LEADER", null, leader);
			if (!group.code().equals(planted)) {
				this.responsibilities.assign(admin, "GROUP", group.code(), "LIAISON", null, liaison);
			}
		}
	}

	private void assign(CurrentUser admin, String type, long id, String level, long userId) {
		this.responsibilities.assign(admin, type, Long.toString(id), level, null, userId);
	}

	private void post(CurrentUser admin, Unit unit, String name, long holder, String business, String stability) {
		Post post = this.posts.create(admin, new Posts.PostForm(unit.id(), name, business, stability));
		this.posts.assignHolder(admin, post.id(), post.version(), holder);
	}

	private static Unit gridUnit(Place grid) {
		return new Unit(grid.id(), UnitKind.GRID, grid.name(), grid.name(), grid.parentId(), null, true, grid.version(),
				0);
	}

	private long open(CommunityId community, String username, String displayName, Role role, Set<Long> grids) {
		return this.users.openSeeded(community, new NewUser(username, PASSWORD, displayName, role, grids, null, null))
			.id();
	}

}
