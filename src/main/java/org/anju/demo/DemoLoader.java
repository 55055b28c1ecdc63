package org.anju.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.SampleAppeals;
import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.care.NewVisitList;
import org.anju.care.VisitListRule;
import org.anju.care.VisitLists;
import org.anju.identity.CurrentUser;
import org.anju.identity.SignedIn;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.Rosters;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.stability.KeyPersons;
import org.anju.stability.MoodNotes;
import org.anju.stability.NewSensitiveDate;
import org.anju.stability.RiskEngine;
import org.anju.stability.SensitiveDates;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
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
 * Fills an empty community with the demo community when {@code anju.demo=true}: the
 * people go in through the same roster import that offices use, then the demo accounts
 * are opened and the incidents the warning backtest looks for are planted. With
 * {@code anju.demo.appeals=N} a community with fewer appeals is topped up to N with
 * sample appeals (a million for the benchmarks).
 */
@Component
@ConditionalOnProperty(name = "anju.demo", havingValue = "true")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoLoader implements ApplicationRunner {

	static final String PASSWORD = "Anju-Demo-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

	private static final List<String> HEADERS = List.of("姓名", "身份证号", "手机号", "人员类别", "片区", "网格", "楼栋", "单元", "房号",
			"原工作单位");

	private final Rosters rosters;

	private final PeopleSearch search;

	private final PlaceManagement places;

	private final UserManagement users;

	private final TransactionTemplate transaction;

	private final CommunityId community;

	private final int size;

	private final SampleAppeals sampleAppeals;

	private final int appeals;

	private final SensitiveDates sensitiveDates;

	private final VisitLists visits;

	private final DemoIncidents incidents;

	private final RiskEngine engine;

	DemoLoader(Rosters rosters, PeopleSearch search, PlaceManagement places, UserManagement users,
			TransactionTemplate transaction, SampleAppeals sampleAppeals, SensitiveDates sensitiveDates,
			@Value("${anju.community-id:1}") long community, @Value("${anju.demo.size:50000}") int size,
			@Value("${anju.demo.appeals:0}") int appeals, VisitLists visits, AppealManagement appealManagement,
			AppealCategories categories, MoodNotes notes, RiskEngine engine, AuditTrail audit, KeyPersons keyPersons) {
		this.visits = visits;
		this.incidents = new DemoIncidents(appealManagement, categories, notes, search, audit, keyPersons, users);
		this.engine = engine;
		this.rosters = rosters;
		this.search = search;
		this.places = places;
		this.users = users;
		this.transaction = transaction;
		this.community = new CommunityId(community);
		this.size = size;
		this.sampleAppeals = sampleAppeals;
		this.appeals = appeals;
		this.sensitiveDates = sensitiveDates;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		try (SignedIn signedIn = this.users.signInAdministrator(this.community)) {
			CurrentUser admin = signedIn.user();
			if (this.search.search(admin.scope(), PeopleQuery.everyone(), null, 1).total() > 0) {
				log.info("Demo people not loaded: the community already has people");
			}
			else {
				loadPeople(admin);
			}
			// topped up to the number asked for: the planted incidents are appeals too
			long existing = this.sampleAppeals.count(this.community);
			if (existing < this.appeals) {
				long started = System.nanoTime();
				int added = this.sampleAppeals.generate(this.community, (int) (this.appeals - existing), 20261126L);
				log.info("Demo appeals generated: {} in {} ms", added, (System.nanoTime() - started) / 1_000_000);
			}
		}
	}

	private void loadPeople(CurrentUser admin) throws IOException {
		long started = System.nanoTime();
		Path roster = Files.createTempFile("anju-demo-", ".xlsx");
		try {
			writeRoster(new DemoCommunity(20261126L).people(this.size), roster);
			Rosters.RosterOutcome outcome = this.rosters.load(admin, roster, "demo.xlsx");
			if (!outcome.errors().isEmpty()) {
				throw new IllegalStateException("The demo roster did not import: "
						+ outcome.errors().subList(0, Math.min(5, outcome.errors().size())));
			}
			this.transaction.executeWithoutResult((status) -> {
				openAccounts(admin);
				markSensitiveDates(admin);
			});
			// this year's Double Ninth list, assigned to the grid workers just opened
			VisitLists.Generation doubleNinth = this.visits.generate(admin, new NewVisitList(VisitListRule.DOUBLE_NINTH,
					LocalDate.now(WorkingCalendar.ZONE).getYear(), null, null, null));
			log.info("Demo Double Ninth visit list: {} people", doubleNinth.added());
			// the incidents the warning backtest looks for (docs/WARNINGS.md,
			// "Backtest"), then
			// the scores and warnings they leave today
			List<DemoIncidents.Planted> planted = this.transaction
				.execute((status) -> this.incidents.plant(admin, LocalDate.now(WorkingCalendar.ZONE)));
			log.info("Demo incidents planted: {}; risk scores: {}", planted, this.engine.recomputeAll(this.community));
			log.info("Demo community loaded: {} people, {} places, in {} ms", outcome.created(),
					outcome.createdPlaces(), (System.nanoTime() - started) / 1_000_000);
		}
		finally {
			Files.deleteIfExists(roster);
		}
	}

	/**
	 * This year's sensitive dates of the kind the article's community watches: the
	 * pension adjustment, the restructuring's anniversary, the national congresses.
	 */
	private void markSensitiveDates(CurrentUser admin) {
		int year = LocalDate.now(WorkingCalendar.ZONE).getYear();
		List<String> retirees = List.of("RETIRED", "VETERAN_RETIRED", "INTERNAL_EARLY_RETIRED",
				"TRUSTEE_COLLECTIVE_RETIRED", "RESTRUCTURED_RETIRED", "DIVESTED_RETIRED",
				"CONTRACT_TERMINATED_RETIRED");
		this.sensitiveDates.create(admin,
				new NewSensitiveDate("全国两会", "EVENT", year + "-03-04", year + "-03-12", List.of(), 7, "会期前后加强信访稳定工作"));
		this.sensitiveDates.create(admin, new NewSensitiveDate("基本养老金调整方案公布", "POLICY", year + "-07-01",
				year + "-07-15", retirees, 14, "调标幅度公布前后，离退休人员关注度高"));
		this.sensitiveDates.create(admin, new NewSensitiveDate("企业改制二十周年", "ANNIVERSARY", year + "-09-28", null,
				List.of("RESTRUCTURED_RETIRED", "CONTRACT_TERMINATED", "CONTRACT_TERMINATED_RETIRED"), 10, null));
		this.sensitiveDates.create(admin, new NewSensitiveDate("协解人员社保补缴政策调整", "POLICY", year + "-12-01", null,
				List.of("CONTRACT_TERMINATED", "CONTRACT_TERMINATED_RETIRED"), 14, "历史遗留问题，易引发集体访"));
	}

	private static void writeRoster(List<DemoCommunity.DemoPerson> people, Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			Workbook workbook = new Workbook(out, "Anju", "1.0");
			Worksheet sheet = workbook.newWorksheet("花名册");
			for (int c = 0; c < HEADERS.size(); c++) {
				sheet.value(0, c, HEADERS.get(c));
			}
			int row = 1;
			for (DemoCommunity.DemoPerson person : people) {
				sheet.value(row, 0, person.name());
				sheet.value(row, 1, person.idNumber());
				sheet.value(row, 2, person.phone());
				sheet.value(row, 3, String.join("、", person.groups()));
				sheet.value(row, 4, person.area());
				sheet.value(row, 5, person.grid());
				sheet.value(row, 6, person.building());
				sheet.value(row, 7, person.unit());
				sheet.value(row, 8, person.room());
				sheet.value(row, 9, person.formerUnit());
				row++;
			}
			workbook.finish();
		}
	}

	private void openAccounts(CurrentUser admin) {
		open("leader", "王建国（社区书记）", Role.LEADER, Set.of(), null);
		open("wuye", "李秀英（物业）", Role.DEPARTMENT_STAFF, Set.of(), "PROPERTY");
		open("lituixiu", "张志明（离退休管理）", Role.DEPARTMENT_STAFF, Set.of(), "RETIREE_AFFAIRS");
		List<Place> areas = this.places.list(admin.scope(), PlaceKind.AREA, null);
		Map<String, Long> firstGrids = new LinkedHashMap<>();
		for (Place area : areas) {
			this.places.list(admin.scope(), PlaceKind.GRID, area.id())
				.stream()
				.filter((grid) -> grid.name().equals("第1网格"))
				.findFirst()
				.ifPresent((grid) -> firstGrids.put(area.name(), grid.id()));
		}
		int n = 1;
		for (String area : DemoCommunity.AREAS) {
			Long grid = firstGrids.get(area);
			if (grid != null) {
				open(String.format("wangge%02d", n), area + "第1网格网格员", Role.GRID_WORKER, Set.of(grid), null);
			}
			n++;
		}
	}

	private void open(String username, String displayName, Role role, Set<Long> grids, @Nullable String department) {
		this.users.openSeeded(this.community,
				new NewUser(username, PASSWORD, displayName, role, grids, department, null));
	}

}
